"""The canonical JSON snapshot of a set version: what a publication freezes, hashes and serves.

Canonical means one byte sequence for one content: keys sorted, no insignificant spaces, UTF-8, lists in a
fixed order (indicators by position then code, links by code or number). Re-serialising the parsed snapshot
gives the same bytes, hence the same SHA-256.
"""

import hashlib
import json
from typing import Any

from django.db.models import Prefetch

from indicators.models import (
    DisaggregationPlanEntry,
    RevisionObjectiveLink,
    RevisionSdgLink,
    SetVersion,
    SetVersionItem,
)

SCHEMA = "gcm-indicator-set/1"

# The columns of the CSV / XLSX / JSON downloads, in order.
TABLE_HEADERS = [
    "code",
    "revision",
    "title",
    "definition",
    "rationale",
    "unit",
    "computation_method",
    "data_sources",
    "custodians",
    "periodicity",
    "tier",
    "is_proxy",
    "primary_objective",
    "gcm_objectives",
    "sdg_indicators",
    "required_disaggregation",
    "recommended_disaggregation",
    "limitations",
]


def canonical_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _items(version: SetVersion) -> list[SetVersionItem]:
    return list(
        SetVersionItem.objects.filter(version=version)
        .select_related("revision__indicator")
        .prefetch_related(
            Prefetch("revision__sdg_links", queryset=RevisionSdgLink.objects.select_related("sdg_indicator")),
            Prefetch(
                "revision__objective_links", queryset=RevisionObjectiveLink.objects.select_related("objective")
            ),
            Prefetch(
                "revision__disaggregation_plan",
                queryset=DisaggregationPlanEntry.objects.select_related("dimension"),
            ),
        )
        .order_by("position", "indicator__code")
    )


def indicator_record(item: SetVersionItem) -> dict[str, Any]:
    revision = item.revision
    objectives = sorted(revision.objective_links.all(), key=lambda link: link.objective.number)
    primary = next((link.objective.number for link in objectives if link.is_primary), None)
    return {
        "code": revision.indicator.code,
        "revision": revision.number,
        "title": revision.title,
        # English and every translation present; publications made before titles existed lack this key.
        "titles": revision.titles,
        "definition": revision.definition,
        "rationale": revision.rationale,
        "unit": revision.unit,
        "computation_method": revision.computation_method,
        "data_sources": revision.data_sources,
        "custodians": revision.custodian_list,
        "periodicity": revision.periodicity,
        "tier": revision.tier,
        "is_proxy": revision.is_proxy,
        "limitations": revision.limitations,
        "primary_objective": primary,
        "gcm_objectives": [
            {"number": link.objective.number, "title": link.objective.title, "primary": link.is_primary}
            for link in objectives
        ],
        "sdg_indicators": [
            {"code": link.sdg_indicator.code, "title": link.sdg_indicator.title, "relation": link.relation}
            for link in sorted(revision.sdg_links.all(), key=lambda link: link.sdg_indicator.sort_key)
        ],
        "disaggregation": [
            {
                "dimension": entry.dimension.code,
                "name": entry.dimension.name,
                "requirement": entry.requirement,
                "data_sources": entry.data_sources,
            }
            for entry in sorted(
                revision.disaggregation_plan.all(), key=lambda e: (e.dimension.order, e.dimension.code)
            )
        ],
    }


def record_titles(record: dict[str, Any]) -> dict[str, str]:
    """An indicator record's titles by language; English only for records published before `titles` existed."""
    return record.get("titles") or {"en": record["title"]}


def set_version_records(version: SetVersion) -> list[dict[str, Any]]:
    """Each indicator of the version as a plain record, in the version's order."""
    return [indicator_record(item) for item in _items(version)]


def build_snapshot(*, version: str, published_at: str, set_version: SetVersion) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "version": version,
        "published_at": published_at,
        "set": {
            "name": set_version.limited_set.name,
            "version": set_version.number,
            "frozen_at": set_version.frozen_at.isoformat() if set_version.frozen_at else None,
        },
        "indicators": set_version_records(set_version),
    }


COMPARED_FIELDS = [
    h for h in TABLE_HEADERS if h not in {"code", "required_disaggregation", "recommended_disaggregation"}
]


def change_log(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> dict[str, Any]:
    """Indicators added, removed and changed (with the names of the fields that changed) from old to new."""
    before = {item["code"]: item for item in old}
    after = {item["code"]: item for item in new}
    changed = []
    for code in sorted(before.keys() & after.keys()):
        old_record = {**before[code], "titles": record_titles(before[code])}
        new_record = {**after[code], "titles": record_titles(after[code])}
        fields = sorted(
            key
            for key in set(old_record) | set(new_record)
            if key != "revision" and old_record.get(key) != new_record.get(key)
        )
        if fields:
            changed.append({"code": code, "title": after[code]["title"], "fields": fields})
    return {
        "added": [{"code": c, "title": after[c]["title"]} for c in sorted(after.keys() - before.keys())],
        "removed": [{"code": c, "title": before[c]["title"]} for c in sorted(before.keys() - after.keys())],
        "changed": changed,
    }


def table_rows(indicators: list[dict[str, Any]]) -> list[list[Any]]:
    """One flat row per indicator, for CSV and XLSX."""
    rows = []
    for item in indicators:
        by_requirement: dict[str, list[str]] = {"required": [], "recommended": []}
        for entry in item["disaggregation"]:
            by_requirement.setdefault(entry["requirement"], []).append(entry["dimension"])
        rows.append(
            [
                item["code"],
                item["revision"],
                item["title"],
                item["definition"],
                item["rationale"],
                item["unit"],
                item["computation_method"],
                item["data_sources"],
                "; ".join(item["custodians"]),
                item["periodicity"],
                item["tier"],
                item["is_proxy"],
                item["primary_objective"],
                "; ".join(str(o["number"]) for o in item["gcm_objectives"]),
                "; ".join(s["code"] for s in item["sdg_indicators"]),
                "; ".join(by_requirement["required"]),
                "; ".join(by_requirement["recommended"]),
                item["limitations"],
            ]
        )
    return rows
