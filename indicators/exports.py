"""CSV / XLSX / JSON tables of the catalogue, a set version and the disaggregation matrix."""

from collections.abc import Iterable, Sequence

from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse

from config.exports import Cell, table_response
from indicators import selectors
from indicators.models import DisaggregationDimension, Indicator, IndicatorRevision, SetVersion

REVISION_HEADERS = [
    "code",
    "revision",
    "state",
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
    "objectives",
    "sdg_indicators",
    "disaggregation_required",
    "disaggregation_recommended",
    "limitations",
]


def revision_row(revision: IndicatorRevision, state: str) -> list[Cell]:
    links = list(revision.objective_links.all())
    plan = list(revision.disaggregation_plan.all())
    return [
        revision.indicator.code,
        revision.number,
        state,
        revision.title,
        revision.definition,
        revision.rationale,
        revision.unit,
        revision.computation_method,
        revision.data_sources,
        revision.custodians,
        revision.periodicity,
        revision.tier,
        revision.is_proxy,
        next((link.objective.number for link in links if link.is_primary), None),
        "; ".join(str(link.objective.number) for link in links),
        "; ".join(f"{link.sdg_indicator.code} ({link.relation})" for link in revision.sdg_links.all()),
        "; ".join(entry.dimension.code for entry in plan if entry.requirement == "required"),
        "; ".join(entry.dimension.code for entry in plan if entry.requirement == "recommended"),
        revision.limitations,
    ]


def _catalogue_rows(queryset: QuerySet[Indicator]) -> Iterable[list[Cell]]:
    for indicator in queryset:
        if indicator.current_revision is not None:
            yield revision_row(indicator.current_revision, indicator.state)


def catalogue_response(fmt: str, queryset: QuerySet[Indicator]) -> HttpResponse | StreamingHttpResponse:
    return table_response(
        fmt,
        filename="candidate-indicators",
        headers=REVISION_HEADERS,
        rows=_catalogue_rows(queryset),
        title="Catalogue",
    )


def version_response(fmt: str, version: SetVersion) -> HttpResponse | StreamingHttpResponse:
    rows = [
        [version.number, position, *revision_row(rev, rev.indicator.state)]
        for position, rev in enumerate(selectors.set_version_items(version), start=1)
    ]
    return table_response(
        fmt,
        filename=f"limited-set-{version.limited_set_id}-v{version.number}",
        headers=["version", "position", *REVISION_HEADERS],
        rows=rows,
        title=f"Version {version.number}",
    )


def matrix_response(
    fmt: str, dimensions: Sequence[DisaggregationDimension], rows: Sequence[dict]
) -> HttpResponse | StreamingHttpResponse:
    headers = ["code", "revision", "title", *[dim.code for dim in dimensions]]
    table: list[list[Cell]] = [
        [
            row["revision"].indicator.code,
            row["revision"].number,
            row["revision"].title,
            *[cell.requirement if cell else "" for cell in row["cells"]],
        ]
        for row in rows
    ]
    table.append(["TOTAL required", None, "", *[dim.required_count for dim in dimensions]])  # type: ignore[attr-defined]
    table.append(["TOTAL recommended", None, "", *[dim.recommended_count for dim in dimensions]])  # type: ignore[attr-defined]
    return table_response(
        fmt, filename="disaggregation-matrix", headers=headers, rows=table, title="Disaggregation"
    )
