"""Writes to the reference frameworks and the crosswalk. Each function is one verb and one transaction."""

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from accounts.models import User
from config.errors import InvalidInput, NotAllowed
from mapping import importers
from mapping.builtin import frameworks as builtin_frameworks
from mapping.choices import ElementLevel, Relation
from mapping.importers import ImportFailed, IndicatorRecord, RowError, SdgFrameworkFile
from mapping.models import (
    Crosswalk,
    Framework,
    FrameworkElement,
    GcmObjective,
    GuidingPrinciple,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)
from mapping.permissions import can_edit_mapping

BUILTIN_REFERENCE = Path(__file__).resolve().parent / "builtin" / "reference.json"
CROSSWALK_HEADERS = ["framework", "element_code", "element_name", "objective", "sdg_indicator", "relation",
                     "rationale", "source"]  # fmt: skip
ELEMENT_HEADERS = ["framework", "code", "parent_code", "level", "name", "description"]


@dataclass
class ImportReport:
    """What an import added, changed and retired (codes or keys), for the command line and the browser."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.changed or self.retired)

    def merge(self, other: "ImportReport") -> None:
        self.added += other.added
        self.changed += other.changed
        self.retired += other.retired

    def summary(self) -> str:
        def part(label: str, items: list[str]) -> str:
            shown = ", ".join(items[:20]) + (f", ... ({len(items)})" if len(items) > 20 else "")
            return f"{label} {len(items)}" + (f": {shown}" if items else "")

        return "; ".join([part("added", self.added), part("changed", self.changed), part("retired", self.retired)])


def _require_editor(by: User | None) -> None:
    if by is not None and not can_edit_mapping(by):
        raise NotAllowed("Only co-leads can change the mapping.")


_LOOK_UP = object()


def _upsert(
    model: type,
    lookup: dict[str, Any],
    values: dict[str, Any],
    report: ImportReport,
    key: str,
    stored: Any = _LOOK_UP,
) -> Any:
    """Create or update one row, saving only when a value differs; `stored` is the row if fetched already."""
    obj = model.objects.filter(**lookup).first() if stored is _LOOK_UP else stored
    if obj is None:
        report.added.append(key)
        return model.objects.create(**lookup, **values)
    dirty = [name for name, value in values.items() if getattr(obj, name) != value]
    if dirty:
        for name in dirty:
            setattr(obj, name, values[name])
        obj.save()
        report.changed.append(key)
    return obj


# --- the SDG framework ----------------------------------------------------------------------------------------


@transaction.atomic
def apply_sdg_framework(
    *, data: SdgFrameworkFile, retire_missing: bool = True, dry_run: bool = False
) -> ImportReport:
    """Upsert SDG goals, targets and indicators by code from one read file.

    Steps: upsert goals, then targets (creating a placeholder goal or target only when the file names one that
    is not stored, as the UNSD API answer does not carry their titles), then indicators with their series and
    the targets they repeat under; mark stored codes that the file no longer lists as inactive (never delete);
    with `dry_run`, roll everything back and only report.
    """
    report = ImportReport()
    goals = {goal.number: goal for goal in SdgGoal.objects.all()}
    for goal in data.goals:
        values = {"title": goal.title, "short_title": goal.short_title, "translations": goal.translations,
                  "short_title_translations": goal.short_title_translations}  # fmt: skip
        key = f"goal {goal.number}"
        goals[goal.number] = _upsert(SdgGoal, {"number": goal.number}, values, report, key, goals.get(goal.number))
    targets = {target.code: target for target in SdgTarget.objects.all()}
    for target in data.targets:
        values = {"goal_id": goals[target.goal].pk, "title": target.title, "target_type": target.target_type,
                  "translations": target.translations}  # fmt: skip
        key = f"target {target.code}"
        targets[target.code] = _upsert(
            SdgTarget, {"code": target.code}, values, report, key, targets.get(target.code)
        )
    for record in data.indicators:
        if record.target not in targets:
            number = int(record.target.split(".")[0])
            if number not in goals:
                goals[number] = SdgGoal.objects.create(number=number, title=f"Goal {number}")
            targets[record.target] = SdgTarget.objects.create(
                code=record.target, goal=goals[number], title=f"Target {record.target}"
            )
            report.added.append(f"target {record.target}")
    _apply_indicators(data.indicators, targets, report, retire_missing=retire_missing)
    if dry_run:
        transaction.set_rollback(True)
    return report


def _apply_indicators(
    records: list[IndicatorRecord], targets: dict[str, SdgTarget], report: ImportReport, *, retire_missing: bool
) -> None:
    existing = {indicator.code: indicator for indicator in SdgIndicator.objects.all()}
    linked: dict[int, set[int]] = {}
    for row in SdgIndicator.targets.through.objects.values_list("sdgindicator_id", "sdgtarget_id"):
        linked.setdefault(row[0], set()).add(row[1])
    through_add, through_remove = [], []
    for record in records:
        indicator = existing.get(record.code)
        values = _indicator_values(record, targets)
        if indicator is None:
            indicator = SdgIndicator.objects.create(code=record.code, **values)
            report.added.append(record.code)
        else:
            dirty = [name for name, value in values.items() if getattr(indicator, name) != value]
            if dirty:
                for name in dirty:
                    setattr(indicator, name, values[name])
                indicator.save()
                report.changed.append(record.code)
        wanted = {targets[record.target].pk}
        repeats = record.repeats_as if record.repeats_as is not None else indicator.repeats_as
        wanted |= {targets[code.rsplit(".", 1)[0]].pk for code in repeats if code.rsplit(".", 1)[0] in targets}
        have = linked.get(indicator.pk, set())
        through_add += [(indicator.pk, pk) for pk in wanted - have]
        through_remove += [(indicator.pk, pk) for pk in have - wanted]
        if (wanted != have) and record.code not in report.added and record.code not in report.changed:
            report.changed.append(record.code)
    through = SdgIndicator.targets.through
    through.objects.bulk_create([through(sdgindicator_id=i, sdgtarget_id=t) for i, t in through_add])
    for indicator_id, target_id in through_remove:
        through.objects.filter(sdgindicator_id=indicator_id, sdgtarget_id=target_id).delete()
    if retire_missing:
        listed = {record.code for record in records}
        gone = [code for code, indicator in existing.items() if code not in listed and indicator.is_active]
        SdgIndicator.objects.filter(code__in=gone).update(is_active=False)
        report.retired += sorted(gone, key=lambda code: SdgIndicator(code=code).goal_number)


def _indicator_values(record: IndicatorRecord, targets: dict[str, SdgTarget]) -> dict[str, Any]:
    values: dict[str, Any] = {"target_id": targets[record.target].pk, "title": record.title, "is_active": True}
    optional = ["tier", "tier_note", "custodians", "series_codes", "repeats_as", "translations", "uri"]
    values |= {name: getattr(record, name) for name in optional if getattr(record, name) is not None}
    return values


@transaction.atomic
def import_retired_sdg_codes(*, path: Path) -> ImportReport:
    """Keep codes removed from the framework (sdg_indicators_deprecated_codes.csv) as inactive rows.

    Steps: for each listed code not stored yet whose target exists, create it inactive with its old title.
    A code that is stored (perhaps re-used by a new indicator) is left alone.
    """
    report = ImportReport()
    targets = {target.code: target for target in SdgTarget.objects.all()}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            code = (row.get("code") or "").strip()
            match = importers.INDICATOR_RE.match(code)
            if not match or match.group(1) not in targets or SdgIndicator.objects.filter(code=code).exists():
                continue
            title = (row.get("old_title_en") or code).strip()
            SdgIndicator.objects.create(code=code, target=targets[match.group(1)], title=title, is_active=False)
            report.retired.append(code)
    return report


# --- GCM reference and the built-in set ------------------------------------------------------------------------


@transaction.atomic
def load_builtin_reference() -> ImportReport:
    """Load the project's own reference set: GCM objectives and principles, SDG goals, migration-relevant targets.

    Steps: read mapping/builtin/reference.json; upsert objectives and principles by number; apply the SDG part
    without retiring anything (it is a subset of the framework).
    """
    data = json.loads(BUILTIN_REFERENCE.read_text(encoding="utf-8"))
    report = ImportReport()
    for item in data["gcm_objectives"]:
        values = {key: item[key] for key in ("title", "short_title", "commitment_paragraph")}
        _upsert(GcmObjective, {"number": item["number"]}, values, report, f"objective {item['number']}")
    for item in data["guiding_principles"]:
        values = {key: item[key] for key in ("letter", "title", "text")}
        _upsert(GuidingPrinciple, {"number": item["number"]}, values, report, f"principle {item['number']}")
    sdg = SdgFrameworkFile(
        source=str(BUILTIN_REFERENCE),
        goals=[importers.GoalRecord(**item) for item in data["sdg_goals"]],
        targets=[importers.TargetRecord(**item) for item in data["sdg_targets"]],
        indicators=[
            IndicatorRecord(
                **{key: item[key] for key in ("code", "target", "title", "series_codes", "repeats_as")},
                tier=importers.normalise_tier(item["tier"]),
                custodians=importers.parse_custodians(item["custodians"]),
                translations=item["translations"],
            )
            for item in data["sdg_indicators"]
        ],
    )
    report.merge(apply_sdg_framework(data=sdg, retire_missing=False))
    return report


@transaction.atomic
def load_gcm_reference(*, folder: Path) -> ImportReport:
    """Update objectives and principles from gcm_objectives.csv and gcm_principles.csv of the reference folder.

    Steps: read both files (refusing a malformed row), then upsert by number.
    """
    report = ImportReport()
    objectives = importers._read_csv(folder / "gcm_objectives.csv", ["number", "title_en", "short_title_en"])
    principles = importers._read_csv(folder / "gcm_principles.csv", ["order", "letter", "name_en", "text_en"])
    errors = [
        RowError("gcm_objectives.csv", line, "number", "not a number 1-23")
        for line, row in enumerate(objectives, start=2)
        if not row["number"].isdigit() or not 1 <= int(row["number"]) <= 23
    ] + [
        RowError("gcm_principles.csv", line, "order", "not a number 1-10")
        for line, row in enumerate(principles, start=2)
        if not row["order"].isdigit() or not 1 <= int(row["order"]) <= 10
    ]
    if errors:
        raise ImportFailed(errors)
    for row in objectives:
        values: dict[str, Any] = {"title": row["title_en"].strip(), "short_title": row["short_title_en"].strip()}
        if (row.get("commitment_paragraph") or "").isdigit():
            values["commitment_paragraph"] = int(row["commitment_paragraph"])
        _upsert(GcmObjective, {"number": int(row["number"])}, values, report, f"objective {row['number']}")
    for row in principles:
        values = {"letter": row["letter"].strip(), "title": row["name_en"].strip(), "text": row["text_en"].strip()}
        _upsert(GuidingPrinciple, {"number": int(row["order"])}, values, report, f"principle {row['order']}")
    return report


# --- frameworks ------------------------------------------------------------------------------------------------


@transaction.atomic
def load_frameworks(*, folder: Path | None = None) -> ImportReport:
    """Load the measurement approaches of the mapping: the SDG framework, SDG 10.7.2, IOM MGI and MIPEX.

    Steps: upsert each framework by slug and its elements by code; seed the initial crosswalk links only when a
    framework is created (later edits by co-leads are never overwritten); mirror the stored SDG goals, targets
    and indicators as elements of the SDG framework with an exact link to each indicator; with the reference
    folder, add the MGI areas as sub-domains.
    """
    report = ImportReport()
    objectives = {objective.number: objective for objective in GcmObjective.objects.all()}
    for spec in builtin_frameworks.FRAMEWORKS:
        framework, created = _upsert_framework(spec, report)
        elements = {}
        for position, (code, name) in enumerate(spec["elements"], start=1):
            elements[code] = _upsert(
                FrameworkElement,
                {"framework": framework, "code": code},
                {"name": name, "level": ElementLevel.DOMAIN, "position": position * 100},
                report,
                f"{framework.slug} {code}",
            )
        if created:
            Crosswalk.objects.bulk_create(
                Crosswalk(
                    element=elements[code],
                    objective=objectives[number],
                    relation=relation,
                    rationale=rationale,
                    source="Workbench initial mapping",
                )  # fmt: skip
                for code, number, relation, rationale in spec["links"]
                if number in objectives
            )
    if folder is not None and (folder / "mgi_domains.csv").exists():
        _load_mgi_areas(folder / "mgi_domains.csv", report)
    _mirror_sdg_framework(report, objectives)
    return report


def _upsert_framework(spec: dict[str, Any], report: ImportReport) -> tuple[Framework, bool]:
    fields = ["name", "short_name", "owner", "kind", "year", "url", "endorsed_by",
              "endorsed_by_intergovernmental", "priority", "description", "source"]  # fmt: skip
    values = {name: spec[name] for name in fields} | {"is_reference": True}
    created = not Framework.objects.filter(slug=spec["slug"]).exists()
    return _upsert(Framework, {"slug": spec["slug"]}, values, report, spec["slug"]), created


def _load_mgi_areas(path: Path, report: ImportReport) -> None:
    framework = Framework.objects.get(slug="iom-mgi")
    for row in importers._read_csv(path, ["dimension", "areas_covered"]):
        parent = FrameworkElement.objects.get(framework=framework, code=f"MGI-{row['dimension'].strip()}")
        # The source marks truncated lists with a bracketed note; keep the area, drop the note.
        areas = [area.split("[")[0].strip() for area in importers.split_list(row["areas_covered"])]
        for index, area in enumerate(areas, start=1):
            _upsert(
                FrameworkElement,
                {"framework": framework, "code": f"{parent.code}.{index}"},
                {
                    "name": area,
                    "parent": parent,
                    "level": ElementLevel.SUB_DOMAIN,
                    "position": parent.position + index,
                },  # fmt: skip
                report,
                f"iom-mgi {parent.code}.{index}",
            )


def _mirror_sdg_framework(report: ImportReport, objectives: dict[int, GcmObjective]) -> None:
    """The SDG framework's element tree is the stored goals -> targets -> indicators; created rows only."""
    framework, created = _upsert_framework(builtin_frameworks.SDG_FRAMEWORK, report)
    existing = {element.code: element for element in framework.elements.all()}
    new: list[FrameworkElement] = []

    def element(code: str, name: str, level: str, parent: FrameworkElement | None, position: int) -> None:
        if code not in existing:
            existing[code] = FrameworkElement(framework=framework, code=code, name=name, level=level,
                                              parent=parent, position=position)  # fmt: skip
            new.append(existing[code])

    goals = list(SdgGoal.objects.order_by("number"))
    for goal in goals:
        element(f"Goal {goal.number}", goal.title, ElementLevel.DOMAIN, None, goal.number * 100000)
    FrameworkElement.objects.bulk_create(new)
    new.clear()
    targets = list(SdgTarget.objects.select_related("goal").order_by("sort_key"))
    for position, target in enumerate(targets, start=1):
        parent = existing[f"Goal {target.goal.number}"]
        element(target.code, target.title, ElementLevel.SUB_DOMAIN, parent, parent.position + position * 100)
    FrameworkElement.objects.bulk_create(new)
    new.clear()
    indicators = list(SdgIndicator.objects.select_related("target").order_by("sort_key"))
    for position, indicator in enumerate(indicators, start=1):
        parent = existing[indicator.target.code]
        element(indicator.code, indicator.title, ElementLevel.MEASURE, parent, parent.position + position)
    FrameworkElement.objects.bulk_create(new)
    report.added += [f"{framework.slug} {item.code}" for item in new]
    linked = set(Crosswalk.objects.filter(element__framework=framework, sdg_indicator__isnull=False)
                 .values_list("element__code", flat=True))  # fmt: skip
    Crosswalk.objects.bulk_create(
        Crosswalk(
            element=existing[indicator.code],
            sdg_indicator=indicator,
            relation=Relation.EXACT,
            source="A/RES/71/313",
        )  # fmt: skip
        for indicator in indicators
        if indicator.code not in linked
    )
    seeded = Crosswalk.objects.filter(element__framework=framework, objective__isnull=False).exists()
    if not seeded:
        Crosswalk.objects.bulk_create(
            Crosswalk(
                element=existing[code],
                objective=objectives[number],
                relation=relation,
                rationale=rationale,
                source="Workbench initial mapping",
            )  # fmt: skip
            for code, number, relation, rationale in builtin_frameworks.SDG_INDICATOR_LINKS
            if code in existing and number in objectives
        )


# --- the crosswalk editor ----------------------------------------------------------------------------------------


@transaction.atomic
def link_element(
    *,
    element: FrameworkElement,
    objective: GcmObjective | None,
    sdg_indicator: SdgIndicator | None,
    relation: str,
    rationale: str,
    source: str = "",
    by: User,
) -> Crosswalk:
    """Link a framework element to a GCM objective and/or an SDG indicator.

    Steps: check the user may edit the mapping; check there is something to link to, a known relation and no
    identical link; create the link.
    """
    _require_editor(by)
    if objective is None and sdg_indicator is None:
        raise InvalidInput("Choose a GCM objective, an SDG indicator or both.", errors={"objective": ["required"]})
    if relation not in Relation.values:
        raise InvalidInput(f"Unknown relation {relation!r}.", errors={"relation": ["unknown"]})
    duplicate = Crosswalk.objects.filter(element=element, objective=objective, sdg_indicator=sdg_indicator)
    if duplicate.exists():
        raise InvalidInput("This element already has this link; edit the existing one.")
    return Crosswalk.objects.create(
        element=element, objective=objective, sdg_indicator=sdg_indicator, relation=relation,
        rationale=rationale.strip(), source=source.strip(), created_by=by,
    )  # fmt: skip


@transaction.atomic
def update_link(*, crosswalk: Crosswalk, relation: str, rationale: str, source: str = "", by: User) -> Crosswalk:
    """Change a link's relation, rationale and source. Steps: check the user; check the relation; save."""
    _require_editor(by)
    if relation not in Relation.values:
        raise InvalidInput(f"Unknown relation {relation!r}.", errors={"relation": ["unknown"]})
    crosswalk.relation, crosswalk.rationale, crosswalk.source = relation, rationale.strip(), source.strip()
    crosswalk.save(update_fields=["relation", "rationale", "source", "updated_at"])
    return crosswalk


@transaction.atomic
def unlink_element(*, crosswalk: Crosswalk, by: User) -> None:
    """Remove one crosswalk link. Steps: check the user may edit the mapping; delete the link."""
    _require_editor(by)
    crosswalk.delete()


# --- imports of co-leads' tables -------------------------------------------------------------------------------


@transaction.atomic
def import_framework_elements(*, framework: Framework, rows: list[tuple[int, dict[str, str]]],
                              filename: str, by: User | None) -> ImportReport:  # fmt: skip
    """Upsert a framework's elements from table rows (columns of ELEMENT_HEADERS; `framework` optional).

    Steps: check the user; validate every row (code and name required, a known level, a parent that is in the
    file or stored, the framework column if given matches) and refuse the file with every error listed; then
    upsert by code in file order, parents first.
    """
    _require_editor(by)
    stored = set(framework.elements.values_list("code", flat=True))
    in_file = {row.get("code", "") for _, row in rows}
    errors: list[RowError] = []
    seen: set[str] = set()
    for line, row in rows:
        code = row.get("code", "")
        if not code:
            errors.append(RowError(filename, line, "code", "required"))
        elif code in seen:
            errors.append(RowError(filename, line, "code", f"{code} appears twice"))
        seen.add(code)
        if not row.get("name"):
            errors.append(RowError(filename, line, "name", "required"))
        if row.get("level") and row["level"] not in ElementLevel.values:
            errors.append(RowError(filename, line, "level", f"use one of {', '.join(ElementLevel.values)}"))
        parent = row.get("parent_code", "")
        if parent and (parent == code or parent not in in_file | stored):
            errors.append(
                RowError(filename, line, "parent_code", f"{parent!r} is not an element of this framework")
            )
        if row.get("framework") and row["framework"] != framework.slug:
            errors.append(RowError(filename, line, "framework", f"this file is for {framework.slug!r}"))
    if errors:
        raise ImportFailed(errors)
    report = ImportReport()
    for line, row in rows:
        values = {"name": row["name"], "level": row.get("level") or ElementLevel.DOMAIN,
                  "description": row.get("description", ""), "position": line}  # fmt: skip
        _upsert(FrameworkElement, {"framework": framework, "code": row["code"]}, values, report, row["code"])
    elements = {element.code: element for element in framework.elements.all()}
    for _, row in rows:
        element = elements[row["code"]]
        parent = elements.get(row.get("parent_code", ""))
        if element.parent_id != (parent.pk if parent else None):
            element.parent = parent
            element.save(update_fields=["parent"])
    return report


@transaction.atomic
def import_crosswalk_rows(
    *, rows: list[tuple[int, dict[str, str]]], filename: str, by: User | None
) -> ImportReport:
    """Upsert crosswalk links from table rows (columns of CROSSWALK_HEADERS), all or nothing.

    Steps: check the user; validate every row (a known framework and element, a GCM objective number and/or a
    known SDG indicator code, a known relation, no row twice) and refuse the file with every error listed; then
    create each link or update its relation, rationale and source.
    """
    _require_editor(by)
    elements = {(e.framework.slug, e.code): e for e in FrameworkElement.objects.select_related("framework")}
    objectives = {str(objective.number): objective for objective in GcmObjective.objects.all()}
    indicators = {indicator.code: indicator for indicator in SdgIndicator.objects.all()}
    errors: list[RowError] = []
    valid: list[tuple[FrameworkElement, GcmObjective | None, SdgIndicator | None, dict[str, str]]] = []
    seen: set[tuple[int, int | None, int | None]] = set()
    for line, row in rows:
        before = len(errors)
        element = elements.get((row.get("framework", ""), row.get("element_code", "")))
        if element is None:
            message = f"no element {row.get('element_code')!r} in framework {row.get('framework')!r}"
            errors.append(RowError(filename, line, "element_code", message))
        objective = objectives.get(row.get("objective", "").removeprefix("GCM-O").lstrip("0") or "-")
        if row.get("objective") and objective is None:
            errors.append(
                RowError(filename, line, "objective", f"{row['objective']!r} is not a GCM objective 1-23")
            )
        indicator = indicators.get(row.get("sdg_indicator", ""))
        if row.get("sdg_indicator") and indicator is None:
            errors.append(
                RowError(filename, line, "sdg_indicator", f"unknown SDG indicator {row['sdg_indicator']!r}")
            )
        if not row.get("objective") and not row.get("sdg_indicator"):
            errors.append(RowError(filename, line, "objective", "give an objective, an SDG indicator or both"))
        if row.get("relation") not in Relation.values:
            errors.append(RowError(filename, line, "relation", f"use one of {', '.join(Relation.values)}"))
        if len(errors) == before and element is not None:
            key = (element.pk, objective.pk if objective else None, indicator.pk if indicator else None)
            if key in seen:
                errors.append(RowError(filename, line, "element_code", "the same link appears twice"))
            seen.add(key)
            valid.append((element, objective, indicator, row))
    if errors:
        raise ImportFailed(errors)
    report = ImportReport()
    for element, objective, indicator, row in valid:
        values = {
            "relation": row["relation"],
            "rationale": row.get("rationale", ""),
            "source": row.get("source", ""),
        }
        lookup = {"element": element, "objective": objective, "sdg_indicator": indicator}
        key = (
            f"{element.framework.slug} {element.code} -> {row.get('objective', '')} {row.get('sdg_indicator', '')}"
        )
        link = _upsert(Crosswalk, lookup, values, report, key.strip())
        if link.created_by_id is None and by is not None:
            Crosswalk.objects.filter(pk=link.pk).update(created_by=by)
    return report
