"""The annex of the proposed set: the indicators of a publication grouped by primary GCM objective.

Built from the publication's canonical snapshot (immutable), so that the annex describes exactly what was
published; objective titles come from the reference data in the requested language.
"""

from dataclasses import dataclass, field
from typing import Any

from approvals.models import Publication
from approvals.selectors import snapshot_data
from documents.builders import render
from documents.builders.labels import TIERS, is_rtl, label, labels_in
from mapping.models import GcmObjective, language_key


@dataclass
class AnnexRow:
    code: str
    title: str
    sdg: str
    custodian: str
    tier: str
    disaggregation: str


@dataclass
class ObjectiveSection:
    number: int
    title: str
    short_title: str
    rows: list[AnnexRow] = field(default_factory=list)
    also: list[str] = field(default_factory=list)

    @property
    def linked_count(self) -> int:
        return len(self.rows) + len(self.also)


def _objectives(language: str, snapshot_titles: dict[int, str]) -> dict[int, tuple[str, str]]:
    """Title and short title of objectives 1-23 in the language; the snapshot's title where the row is missing."""
    found = {obj.number: obj for obj in GcmObjective.objects.order_by("number")}
    titles = {}
    for number in range(1, 24):
        obj = found.get(number)
        if obj is None:
            title = snapshot_titles.get(number, "")
            titles[number] = (title, title)
        else:
            titles[number] = (obj.title_in(language), obj.short_title_in(language) or obj.title_in(language))
    return titles


def _row(item: dict[str, Any], language: str) -> AnnexRow:
    return AnnexRow(
        code=item["code"],
        title=item["title"],
        sdg="; ".join(f"{s['code']} ({label(s['relation'], language)})" for s in item["sdg_indicators"]),
        custodian=", ".join(item["custodians"]),
        tier=TIERS.get(item["tier"], item["tier"]),
        disaggregation=", ".join(d["name"] for d in item["disaggregation"] if d["requirement"] == "required"),
    )


def annex_sections(publication: Publication, language: str) -> list[ObjectiveSection]:
    """The 23 objectives in order, each with the indicators whose primary objective it is, and the codes of
    indicators linked to it as a secondary objective."""
    indicators = snapshot_data(publication)["indicators"]
    snapshot_titles = {o["number"]: o["title"] for item in indicators for o in item["gcm_objectives"]}
    titles = _objectives(language, snapshot_titles)
    sections = {n: ObjectiveSection(number=n, title=t, short_title=s) for n, (t, s) in titles.items()}
    for item in indicators:
        primary = item["primary_objective"] or (
            item["gcm_objectives"][0]["number"] if item["gcm_objectives"] else 0
        )
        if primary in sections:
            sections[primary].rows.append(_row(item, language))
        for link in item["gcm_objectives"]:
            if link["number"] != primary and link["number"] in sections:
                sections[link["number"]].also.append(item["code"])
    return [sections[n] for n in sorted(sections)]


def context(publication: Publication, language: str, document_date: Any) -> dict[str, Any]:
    sections = annex_sections(publication, language)
    return {
        "publication": publication,
        "language": language,
        "lang_key": language_key(language),
        "rtl": is_rtl(language),
        "t": labels_in(language),
        "sections": sections,
        "document_date": document_date,
        "indicator_count": sum(len(s.rows) for s in sections),
        "covered_count": sum(1 for s in sections if s.rows or s.also),
    }


def size(ctx: dict[str, Any]) -> int:
    """The rows of the Word file, the unit of progress."""
    return ctx["indicator_count"]


def pdf(ctx: dict[str, Any]) -> bytes:
    return render.pdf_bytes("documents/pdf/annex.html", ctx)


def docx(ctx: dict[str, Any], progress: render.Progress | None = None) -> bytes:
    """The annex as Word: the same header, coverage table and one table per objective (one row per indicator)."""
    t = ctx["t"]
    publication = ctx["publication"]
    document = render.new_docx(rtl=ctx["rtl"])
    render.describe(document, title=t["title"], version=publication.version, sha256=publication.sha256)
    render.heading(document, t["title"], level=0)
    render.paragraph(document, f"{t['version']}: {publication.version}")
    render.paragraph(document, f"{t['published']}: {publication.published_at:%Y-%m-%d}")
    render.paragraph(document, f"{t['date']}: {ctx['document_date']:%Y-%m-%d}")
    render.paragraph(document, f"{t['sha']}: {publication.sha256}")
    render.heading(document, t["coverage"], level=1)
    render.table(
        document,
        [t["objective"], t["primary"], t["linked"]],
        [[f"{s.number}. {s.short_title}", len(s.rows), s.linked_count] for s in ctx["sections"]],
    )
    headers = [t["code"], t["indicator"], t["sdg"], t["custodian"], t["tier"], t["disaggregation"]]
    done, total = 0, max(ctx["indicator_count"], 1)
    for section in ctx["sections"]:
        render.heading(document, f"{t['objective']} {section.number}. {section.title}", level=1)
        if section.rows:
            rows = [[r.code, r.title, r.sdg, r.custodian, r.tier, r.disaggregation] for r in section.rows]
            render.table(document, headers, rows)
        else:
            render.paragraph(document, t["none"])
        if section.also:
            render.paragraph(document, f"{t['also']}: {', '.join(section.also)}")
        done += len(section.rows)
        if progress:
            progress(done, total)
    return render.docx_bytes(document)
