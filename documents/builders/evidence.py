"""Data-disaggregation evidence for the strategy chapter: the indicator x dimension matrix of a publication.

For each dimension: how many indicators require it, recommend it, and how many of those name a data source
that can deliver it; the gaps (required without a source) ranked; and the indicators that cannot yet be
disaggregated by migratory status (no plan entry for it, as the indicators app counts it).
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from approvals.models import Publication
from approvals.selectors import snapshot_data
from documents.builders import render
from indicators.selectors import MIGRATORY_STATUS, dimensions

REQUIRED = "required"
RECOMMENDED = "recommended"


@dataclass
class DimensionTotals:
    code: str
    name: str
    required: int = 0
    recommended: int = 0
    with_source: int = 0
    required_with_source: int = 0

    @property
    def gap(self) -> int:
        """Indicators that require the dimension but name no source that can deliver it."""
        return self.required - self.required_with_source


@dataclass
class Evidence:
    dimensions: list[DimensionTotals]
    rows: list[dict[str, Any]]  # {"code", "title", "cells": [requirement or ""]}
    gaps: list[DimensionTotals]
    not_by_migratory_status: list[dict[str, str]]

    def as_json(self) -> dict[str, Any]:
        return {
            "dimensions": [
                {
                    "code": d.code,
                    "name": d.name,
                    "required": d.required,
                    "recommended": d.recommended,
                    "with_source": d.with_source,
                    "gap": d.gap,
                }
                for d in self.dimensions
            ],
            "gaps": [{"code": d.code, "gap": d.gap} for d in self.gaps],
            "not_by_migratory_status": self.not_by_migratory_status,
            "indicators": len(self.rows),
        }


def evidence_for(publication: Publication) -> Evidence:
    """The evidence computed from the publication's snapshot and the dimensions of the reference list."""
    indicators = snapshot_data(publication)["indicators"]
    known = [(dim.code, dim.name) for dim in dimensions()]
    seen = {code for code, _name in known}
    for item in indicators:  # a dimension retired from the list since publication still counts
        for entry in item["disaggregation"]:
            if entry["dimension"] not in seen:
                known.append((entry["dimension"], entry["name"]))
                seen.add(entry["dimension"])
    totals = {code: DimensionTotals(code=code, name=name) for code, name in known}
    rows = []
    for item in indicators:
        plan = {entry["dimension"]: entry for entry in item["disaggregation"]}
        for code, entry in plan.items():
            dim = totals[code]
            has_source = bool((entry.get("data_sources") or "").strip())
            dim.required += entry["requirement"] == REQUIRED
            dim.recommended += entry["requirement"] == RECOMMENDED
            dim.with_source += has_source
            dim.required_with_source += has_source and entry["requirement"] == REQUIRED
        rows.append(
            {
                "code": item["code"],
                "title": item["title"],
                "cells": [plan[code]["requirement"] if code in plan else "" for code in totals],
            }
        )
    ordered = list(totals.values())
    return Evidence(
        dimensions=ordered,
        rows=rows,
        gaps=sorted((d for d in ordered if d.gap), key=lambda d: (-d.gap, d.code)),
        not_by_migratory_status=[
            {"code": item["code"], "title": item["title"]}
            for item in indicators
            if not any(e["dimension"] == MIGRATORY_STATUS for e in item["disaggregation"])
        ],
    )


def context(publication: Publication, language: str, document_date: Any) -> dict[str, Any]:
    return {
        "publication": publication,
        "language": language,
        "evidence": evidence_for(publication),
        "document_date": document_date,
        "t": _meta_labels(),
    }


def _meta_labels() -> dict[str, str]:
    return {
        "version": _("Version"),
        "published": _("Published"),
        "date": _("Document date"),
        "sha": _("SHA-256 of the publication"),
    }


def size(ctx: dict[str, Any]) -> int:
    """The rows of the Word file, the unit of progress."""
    return len(ctx["evidence"].rows)


def pdf(ctx: dict[str, Any]) -> bytes:
    return render.pdf_bytes("documents/pdf/evidence.html", ctx)


def docx(ctx: dict[str, Any], progress: render.Progress | None = None) -> bytes:
    evidence: Evidence = ctx["evidence"]
    document = render.new_docx()
    title = _("Evidence for the disaggregated migration data strategy")
    publication = ctx["publication"]
    render.describe(document, title=title, version=publication.version, sha256=publication.sha256)
    render.heading(document, title, level=0)
    _meta(document, ctx)
    render.heading(document, _("Dimensions"), level=1)
    render.table(
        document,
        [_("Dimension"), _("Required by"), _("Recommended by"), _("With a data source"), _("Gap")],
        [[d.name, d.required, d.recommended, d.with_source, d.gap] for d in evidence.dimensions],
    )
    render.heading(document, _("Gaps, largest first"), level=1)
    if evidence.gaps:
        render.table(document, [_("Dimension"), _("Gap")], [[d.name, d.gap] for d in evidence.gaps])
    else:
        render.paragraph(document, _("Every required disaggregation names a data source."))
    render.heading(document, _("Indicators that cannot yet be disaggregated by migratory status"), level=1)
    for item in evidence.not_by_migratory_status:
        render.paragraph(document, f"{item['code']} — {item['title']}", style="List Bullet")
    if not evidence.not_by_migratory_status:
        render.paragraph(document, _("None."))
    render.heading(document, _("Indicator × dimension matrix"), level=1)
    render.table(
        document,
        [_("Code"), *[d.code for d in evidence.dimensions]],
        [[row["code"], *row["cells"]] for row in evidence.rows],
    )
    if progress:
        progress(len(evidence.rows), max(len(evidence.rows), 1))
    return render.docx_bytes(document)


def _meta(document: Any, ctx: dict[str, Any]) -> None:
    publication, t = ctx["publication"], ctx["t"]
    render.paragraph(document, f"{t['version']}: {publication.version}")
    render.paragraph(document, f"{t['published']}: {publication.published_at:%Y-%m-%d}")
    render.paragraph(document, f"{t['date']}: {ctx['document_date']:%Y-%m-%d}")
    render.paragraph(document, f"{t['sha']}: {publication.sha256}")
