"""A publication as an SDMX-ML 2.1 structure message: code lists that statistical systems can load.

The message holds two code lists maintained by the agency `UNNM` (UN Network on Migration), both versioned as
the publication (`2026.1` is a valid SDMX version):

- `CL_GCM_INDICATORS`: one code per indicator of the set. The code id is the indicator code (`GCM-07-2`);
  characters that an SDMX id may not hold (anything but `A-Z a-z 0-9 _ @ $ -`) become `_`, and the original
  code is then kept in a `GCM_INDICATOR_CODE` annotation. The names are the indicator titles in English and
  every translation present (`xml:lang` en, fr, es, ar, zh-Hans, ru); the description is the English
  definition. Annotations: `SDG_INDICATOR` (title = SDG code, text = the relation: identical, adapted, proxy,
  complementary), `GCM_OBJECTIVE` (title = objective number, text = its title) for every linked objective,
  `GCM_OBJECTIVE_PRIMARY` (title = the primary objective's number), `TIER` and `REVISION`.
- `CL_GCM_OBJECTIVE`: the GCM objectives that the indicators use, code id = the objective number.

The bytes are derived from the snapshot alone, so that one snapshot always gives the same bytes. Characters
that XML 1.0 forbids (control characters) are dropped from every text.
"""

import re
from typing import Any

from lxml import etree

MESSAGE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
STRUCTURE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"
COMMON = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAMESPACES = {"mes": MESSAGE, "str": STRUCTURE, "com": COMMON}

AGENCY = "UNNM"
SENDER = "UN_NETWORK_MIGRATION"
INDICATOR_CODELIST = "CL_GCM_INDICATORS"
OBJECTIVE_CODELIST = "CL_GCM_OBJECTIVE"

# Snapshot language keys -> BCP 47 tags for xml:lang, in the order the names are written.
LANGUAGE_TAGS = {"en": "en", "fr": "fr", "es": "es", "ar": "ar", "zh": "zh-Hans", "ru": "ru"}

SENDER_NAME = "United Nations Network on Migration"
INDICATOR_CODELIST_NAMES = {
    "en": "GCM indicators",
    "fr": "Indicateurs du Pacte mondial sur les migrations",
    "es": "Indicadores del Pacto Mundial para la Migración",
    "ar": "مؤشرات الاتفاق العالمي من أجل الهجرة",
    "zh": "《移民问题全球契约》指标",
    "ru": "Показатели Глобального договора о миграции",
}
OBJECTIVE_CODELIST_NAMES = {
    "en": "GCM objectives",
    "fr": "Objectifs du Pacte mondial sur les migrations",
    "es": "Objetivos del Pacto Mundial para la Migración",
    "ar": "أهداف الاتفاق العالمي من أجل الهجرة",
    "zh": "《移民问题全球契约》目标",
    "ru": "Цели Глобального договора о миграции",
}

# XML 1.0 allows tab, newline, carriage return and everything from U+0020 except surrogates, U+FFFE, U+FFFF.
FORBIDDEN_IN_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NOT_IN_SDMX_ID = re.compile(r"[^A-Za-z0-9_@$\-]")


def xml_text(value: object) -> str:
    """Any value as text that XML 1.0 can carry: forbidden control characters removed."""
    return FORBIDDEN_IN_XML.sub("", "" if value is None else str(value))


def sdmx_id(code: str) -> str:
    """An SDMX IDType (`[A-Za-z0-9_@$-]+`) for an indicator code: every other character becomes `_`."""
    return NOT_IN_SDMX_ID.sub("_", code) or "_"


def sdmx_version(version: str) -> str:
    """The SDMX version of a publication version: `2026.1` is already `[0-9]+(.[0-9]+)*`."""
    parts = [str(int(part)) for part in re.findall(r"[0-9]+", version)]
    return ".".join(parts) or "1.0"


def _element(parent: etree._Element, namespace: str, tag: str, text: str | None = None, **attributes: str):
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}", attributes)
    if text is not None:
        element.text = xml_text(text)
    return element


def _names(parent: etree._Element, names: dict[str, str], tag: str = "Name") -> None:
    """One com:Name (or Description) per language present, English first, in a fixed order."""
    for key, language in LANGUAGE_TAGS.items():
        value = xml_text(names.get(key, "")).strip()
        if value:
            _element(parent, COMMON, tag, value, **{XML_LANG: language})


def _annotations(parent: etree._Element, annotations: list[tuple[str, str, str, str | None]]) -> None:
    """com:Annotations from (id, type, title, English text) rows; absent when there is none."""
    if not annotations:
        return
    container = _element(parent, COMMON, "Annotations")
    for ident, kind, title, text in annotations:
        annotation = _element(container, COMMON, "Annotation", id=ident)
        _element(annotation, COMMON, "AnnotationTitle", title)
        _element(annotation, COMMON, "AnnotationType", kind)
        if text:
            _element(annotation, COMMON, "AnnotationText", text, **{XML_LANG: "en"})


def _titles(record: dict[str, Any]) -> dict[str, str]:
    # Publications made before translated titles existed have `title` only.
    return record.get("titles") or {"en": record.get("title", "")}


def _indicator_code(parent: etree._Element, record: dict[str, Any], ident: str) -> None:
    rows: list[tuple[str, str, str, str | None]] = []
    if ident != record["code"]:
        rows.append(("GCM_INDICATOR_CODE", "GCM_INDICATOR_CODE", record["code"], None))
    for n, sdg in enumerate(record.get("sdg_indicators") or [], start=1):
        rows.append((f"SDG_INDICATOR_{n}", "SDG_INDICATOR", sdg["code"], sdg.get("relation")))
    for objective in record.get("gcm_objectives") or []:
        number = str(objective["number"])
        rows.append((f"GCM_OBJECTIVE_{number}", "GCM_OBJECTIVE", number, objective.get("title")))
    if record.get("primary_objective") is not None:
        rows.append(("GCM_OBJECTIVE_PRIMARY", "GCM_OBJECTIVE_PRIMARY", str(record["primary_objective"]), None))
    if record.get("tier"):
        rows.append(("TIER", "TIER", record["tier"], None))
    if record.get("revision") is not None:
        rows.append(("REVISION", "REVISION", str(record["revision"]), None))
    code = _element(parent, STRUCTURE, "Code", id=ident)
    _annotations(code, rows)
    _names(code, _titles(record))
    _names(code, {"en": record.get("definition", "")}, tag="Description")


def _codelist(parent: etree._Element, ident: str, version: str, names: dict[str, str]) -> etree._Element:
    codelist = _element(
        parent,
        STRUCTURE,
        "Codelist",
        id=ident,
        urn=f"urn:sdmx:org.sdmx.infomodel.codelist.Codelist={AGENCY}:{ident}({version})",
        agencyID=AGENCY,
        version=version,
        isFinal="true",
    )
    _names(codelist, names)
    return codelist


def _unique_ids(codes: list[str]) -> list[str]:
    """SDMX ids for the codes, with `_2`, `_3`... when two codes map to the same id."""
    seen: set[str] = set()
    ids = []
    for code in codes:
        base = candidate = sdmx_id(code)
        n = 1
        while candidate in seen:
            n += 1
            candidate = f"{base}_{n}"
        seen.add(candidate)
        ids.append(candidate)
    return ids


def structure_message(snapshot: dict[str, Any]) -> bytes:
    """The SDMX-ML 2.1 structure message (UTF-8, with XML declaration) of a publication snapshot."""
    version = sdmx_version(str(snapshot.get("version", "")))
    records = snapshot.get("indicators") or []
    root = etree.Element(f"{{{MESSAGE}}}Structure", nsmap=NAMESPACES)
    header = _element(root, MESSAGE, "Header")
    _element(header, MESSAGE, "ID", f"GCM_INDICATORS_{version.replace('.', '_')}")
    _element(header, MESSAGE, "Test", "false")
    _element(header, MESSAGE, "Prepared", snapshot.get("published_at") or "1970-01-01T00:00:00Z")
    sender = _element(header, MESSAGE, "Sender", id=SENDER)
    _element(sender, COMMON, "Name", SENDER_NAME, **{XML_LANG: "en"})

    codelists = _element(_element(root, MESSAGE, "Structures"), STRUCTURE, "Codelists")
    indicators = _codelist(codelists, INDICATOR_CODELIST, version, INDICATOR_CODELIST_NAMES)
    for record, ident in zip(records, _unique_ids([r["code"] for r in records]), strict=True):
        _indicator_code(indicators, record, ident)

    objectives: dict[int, str] = {}
    for record in records:
        for objective in record.get("gcm_objectives") or []:
            objectives.setdefault(int(objective["number"]), objective.get("title") or "")
    if objectives:
        objective_list = _codelist(codelists, OBJECTIVE_CODELIST, version, OBJECTIVE_CODELIST_NAMES)
        for number in sorted(objectives):
            code = _element(objective_list, STRUCTURE, "Code", id=str(number))
            _names(code, {"en": objectives[number] or f"Objective {number}"})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
