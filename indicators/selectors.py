"""Reads that several pages, the API and other apps reuse. Each list costs a fixed number of queries."""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Prefetch, QuerySet

from indicators.choices import IndicatorState, Requirement, Tier
from indicators.models import (
    DisaggregationDimension,
    DisaggregationPlanEntry,
    Indicator,
    IndicatorRevision,
    LimitedSet,
    RevisionObjectiveLink,
    RevisionSdgLink,
    SetVersion,
    SetVersionItem,
)
from indicators.suggest import Candidate
from mapping.models import GcmObjective, GuidingPrinciple

MIGRATORY_STATUS = "migratory_status"


def _revision_prefetches(prefix: str = "") -> list[Prefetch]:
    return [
        Prefetch(
            f"{prefix}objective_links",
            queryset=RevisionObjectiveLink.objects.select_related("objective").order_by(
                "-is_primary", "objective__number"
            ),
        ),
        Prefetch(
            f"{prefix}sdg_links",
            queryset=RevisionSdgLink.objects.select_related("sdg_indicator").order_by("sdg_indicator__sort_key"),
        ),
        Prefetch(
            f"{prefix}disaggregation_plan",
            queryset=DisaggregationPlanEntry.objects.select_related("dimension").order_by("dimension__order"),
        ),
        Prefetch(f"{prefix}principle_links"),
    ]


def catalogue(*, search: str = "") -> QuerySet[Indicator]:
    """Indicators with their current revision and its links; with `search`, ranked by full-text relevance.

    The search uses the weighted `search_vector` (title A > definition B > rationale C) and its GIN index.
    """
    queryset = Indicator.objects.select_related(
        "current_revision", "current_revision__indicator", "merged_into"
    ).prefetch_related(*_revision_prefetches("current_revision__"))
    search = search.strip()
    if not search:
        return queryset.order_by("code")
    query = SearchQuery(search, search_type="websearch", config="english")
    return (
        queryset.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "code")
    )


def indicator_detail(code: str) -> Indicator:
    return Indicator.objects.select_related("current_revision", "merged_into").get(code=code)


def revision_history(indicator: Indicator) -> QuerySet[IndicatorRevision]:
    """All revisions of an indicator, newest first, with their links."""
    return (
        indicator.revisions.select_related("created_by")
        .prefetch_related(*_revision_prefetches(), "principle_links__principle", "provenance__element")
        .order_by("-number")
    )


def revisions() -> QuerySet[IndicatorRevision]:
    return IndicatorRevision.objects.select_related("indicator", "created_by").prefetch_related(
        *_revision_prefetches()
    )


def set_version_items(version: SetVersion) -> QuerySet[IndicatorRevision]:
    """The revisions a set version lists, in order, with indicator, SDG links, objectives and plan prefetched."""
    return (
        IndicatorRevision.objects.filter(set_items__version=version)
        .select_related("indicator", "created_by")
        .prefetch_related(*_revision_prefetches(), "principle_links__principle")
        .annotate(position=F("set_items__position"))
        .order_by("set_items__position", "set_items__id")
    )


def limited_sets() -> QuerySet[LimitedSet]:
    return LimitedSet.objects.prefetch_related(
        Prefetch("versions", queryset=SetVersion.objects.order_by("-number"))
    )


def set_versions() -> QuerySet[SetVersion]:
    return SetVersion.objects.select_related("limited_set", "frozen_by").prefetch_related(
        Prefetch("items", queryset=SetVersionItem.objects.select_related("indicator", "revision"))
    )


def latest_version(limited_set: LimitedSet) -> SetVersion | None:
    return limited_set.versions.order_by("-number").first()


def dimensions() -> QuerySet[DisaggregationDimension]:
    return DisaggregationDimension.objects.order_by("order", "code")


# --- Coverage of a set version ------------------------------------------------------------------------------


@dataclass
class Coverage:
    """What a list of revisions covers: the live panel of the builder."""

    size: int = 0
    objectives_total: int = 0
    objectives_covered: list[GcmObjective] = field(default_factory=list)
    objectives_missing: list[GcmObjective] = field(default_factory=list)
    principles_total: int = 0
    principles_touched: list[GuidingPrinciple] = field(default_factory=list)
    tier_1_share: float = 0.0
    sdg_share: float = 0.0
    migratory_status_share: float = 0.0


def _share(count: int, size: int) -> float:
    return round(100 * count / size, 1) if size else 0.0


def coverage(revision_list: list[IndicatorRevision]) -> Coverage:
    """Coverage of revisions fetched with `set_version_items` (or the same prefetches): 2 more queries."""
    objectives = list(GcmObjective.objects.order_by("number"))
    principles = list(GuidingPrinciple.objects.order_by("number"))
    covered = {link.objective_id for rev in revision_list for link in rev.objective_links.all()}
    touched = {link.principle_id for rev in revision_list for link in rev.principle_links.all()}
    size = len(revision_list)
    return Coverage(
        size=size,
        objectives_total=len(objectives),
        objectives_covered=[obj for obj in objectives if obj.pk in covered],
        objectives_missing=[obj for obj in objectives if obj.pk not in covered],
        principles_total=len(principles),
        principles_touched=[p for p in principles if p.pk in touched],
        tier_1_share=_share(sum(rev.tier == Tier.TIER_1 for rev in revision_list), size),
        sdg_share=_share(sum(bool(rev.sdg_links.all()) for rev in revision_list), size),
        migratory_status_share=_share(sum(is_migratory_status_disaggregable(rev) for rev in revision_list), size),
    )


def is_migratory_status_disaggregable(revision: IndicatorRevision) -> bool:
    return any(entry.dimension.code == MIGRATORY_STATUS for entry in revision.disaggregation_plan.all())


# --- Diff of two set versions -------------------------------------------------------------------------------


@dataclass
class VersionDiff:
    added: list[IndicatorRevision]
    removed: list[IndicatorRevision]
    revised: list[tuple[IndicatorRevision, IndicatorRevision]]
    unchanged: list[IndicatorRevision]


def diff_set_versions(old: SetVersion, new: SetVersion) -> VersionDiff:
    """What changed from `old` to `new`: indicators added, removed, and revised (old and new revision)."""
    old_by_indicator = {rev.indicator_id: rev for rev in set_version_items(old)}
    new_by_indicator = {rev.indicator_id: rev for rev in set_version_items(new)}
    return VersionDiff(
        added=[rev for key, rev in new_by_indicator.items() if key not in old_by_indicator],
        removed=[rev for key, rev in old_by_indicator.items() if key not in new_by_indicator],
        revised=[
            (old_by_indicator[key], rev)
            for key, rev in new_by_indicator.items()
            if key in old_by_indicator and old_by_indicator[key].pk != rev.pk
        ],
        unchanged=[
            rev
            for key, rev in new_by_indicator.items()
            if key in old_by_indicator and old_by_indicator[key].pk == rev.pk
        ],
    )


def live_candidates() -> QuerySet[Indicator]:
    """Indicators that can enter a set: candidates and shortlisted ones (and drafts) with a revision."""
    return catalogue().filter(
        state__in=[IndicatorState.DRAFT, IndicatorState.CANDIDATE, IndicatorState.SHORTLISTED],
        current_revision__isnull=False,
    )


def disaggregation_matrix(
    revision_list: list[IndicatorRevision],
) -> tuple[list[DisaggregationDimension], list[dict]]:
    """Rows of (revision, {dimension code: requirement}) and totals per dimension."""
    dims = list(dimensions())
    rows = []
    for rev in revision_list:
        cells = {entry.dimension.code: entry for entry in rev.disaggregation_plan.all()}
        rows.append({"revision": rev, "cells": [cells.get(dim.code) for dim in dims]})
    for dim in dims:
        dim.required_count = sum(  # type: ignore[attr-defined]
            1
            for row in rows
            for cell in row["cells"]
            if cell and cell.dimension_id == dim.pk and cell.requirement == Requirement.REQUIRED
        )
        dim.recommended_count = sum(  # type: ignore[attr-defined]
            1
            for row in rows
            for cell in row["cells"]
            if cell and cell.dimension_id == dim.pk and cell.requirement == Requirement.RECOMMENDED
        )
    return dims, rows


def suggestion_candidates() -> list[Candidate]:
    """The live candidates as the integer program sees them (a fixed number of queries)."""
    return [
        Candidate(
            key=indicator.pk,
            code=indicator.code,
            objectives=frozenset(
                link.objective.number for link in indicator.current_revision.objective_links.all()
            ),
            tier_1=indicator.current_revision.tier == Tier.TIER_1,
            sdg_based=bool(indicator.current_revision.sdg_links.all()),
            migratory_status=is_migratory_status_disaggregable(indicator.current_revision),
        )
        for indicator in live_candidates().exclude(state=IndicatorState.DRAFT)
    ]
