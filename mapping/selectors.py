"""Reused reads of the reference frameworks and the crosswalk, each a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

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
