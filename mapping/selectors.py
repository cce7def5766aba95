"""Reused reads of the reference frameworks and the crosswalk, each a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Max, Prefetch, QuerySet, Value, When

from mapping.choices import RELATION_STRENGTH
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


def gcm_objectives() -> QuerySet[GcmObjective]:
    """The 23 GCM objectives in order."""
    return GcmObjective.objects.order_by("number")


def guiding_principles() -> QuerySet[GuidingPrinciple]:
    return GuidingPrinciple.objects.order_by("number")


def sdg_goals() -> QuerySet[SdgGoal]:
    return SdgGoal.objects.order_by("number")


def sdg_targets() -> QuerySet[SdgTarget]:
    return SdgTarget.objects.select_related("goal").order_by("sort_key")


def sdg_indicators() -> QuerySet[SdgIndicator]:
    """Every SDG indicator, retired codes included, with its target, goal and the targets it repeats under."""
    return (
        SdgIndicator.objects.select_related("target__goal")
        .prefetch_related(Prefetch("targets", queryset=SdgTarget.objects.order_by("sort_key")))
        .order_by("sort_key")
    )


def active_sdg_indicators() -> QuerySet[SdgIndicator]:
    """The SDG indicators of the current framework (retired codes left out)."""
    return sdg_indicators().filter(is_active=True)


def frameworks() -> QuerySet[Framework]:
    """Frameworks, those endorsed by an intergovernmental body first."""
    return Framework.objects.order_by("-endorsed_by_intergovernmental", "priority", "name")


def crosswalks() -> QuerySet[Crosswalk]:
    """Crosswalk links with their element, framework, objective and SDG indicator."""
    return Crosswalk.objects.select_related(
        "element__framework", "element__parent", "objective", "sdg_indicator"
    ).order_by(
        "element__framework__priority",
        "element__framework__name",
        "element__position",
        "element__code",
        "objective__number",
        "sdg_indicator__sort_key",
    )


def framework_elements(framework: Framework) -> QuerySet[FrameworkElement]:
    """The elements of one framework in tree order, each with its crosswalk links."""
    return (
        FrameworkElement.objects.filter(framework=framework)
        .select_related("parent")
        .prefetch_related(
            Prefetch("crosswalks", queryset=Crosswalk.objects.select_related("objective", "sdg_indicator"))
        )
        .order_by("position", "code")
    )


@dataclass
class CoverageCell:
    """One cell of the heat map: elements of a framework linked to an objective, and the strongest link."""

    objective: GcmObjective
    framework: Framework
    elements: int = 0
    strength: int = 0

    @property
    def is_gap(self) -> bool:
        return self.elements == 0


@dataclass
class CoverageRow:
    objective: GcmObjective
    cells: list[CoverageCell]

    @property
    def is_gap(self) -> bool:
        return all(cell.is_gap for cell in self.cells)


def coverage_matrix() -> tuple[list[Framework], list[CoverageRow]]:
    """GCM objectives x frameworks: linked elements per cell and the strongest relation. Three queries."""
    strength = Case(
        *[When(relation=relation, then=Value(value)) for relation, value in RELATION_STRENGTH.items()],
        output_field=IntegerField(),
    )
    counts = (
        Crosswalk.objects.filter(objective__isnull=False)
        .values("objective_id", "element__framework_id")
        .annotate(elements=Count("element", distinct=True), strength=Max(strength))
    )
    by_key = {(row["objective_id"], row["element__framework_id"]): row for row in counts}
    columns = list(frameworks())
    rows = []
    for objective in gcm_objectives():
        cells = []
        for framework in columns:
            found = by_key.get((objective.pk, framework.pk), {})
            cells.append(CoverageCell(objective, framework, found.get("elements", 0), found.get("strength", 0)))
        rows.append(CoverageRow(objective, cells))
    return columns, rows


def objectives_without_links() -> QuerySet[GcmObjective]:
    """Objectives that no framework element is linked to: the gaps of the mapping."""
    return gcm_objectives().filter(crosswalks__isnull=True)
