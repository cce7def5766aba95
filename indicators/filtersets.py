"""One FilterSet per model, shared by the browser pages and the API."""

import django_filters
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from indicators.choices import IndicatorState, Tier
from indicators.models import DisaggregationDimension, Indicator, IndicatorRevision, LimitedSet, SetVersion
from mapping.models import GcmObjective


def _objective_choices() -> list[tuple[str, str]]:
    return [
        (str(obj.number), f"{obj.number}. {obj.short_title or obj.title}")
        for obj in GcmObjective.objects.order_by("number")
    ]


def _dimension_choices() -> list[tuple[str, str]]:
    return [(dim.code, dim.name) for dim in DisaggregationDimension.objects.order_by("order", "code")]


class IndicatorFilterSet(django_filters.FilterSet):
    """The catalogue: full-text search (title > definition > rationale) and filters that combine."""

    q = django_filters.CharFilter(method="search", label=_("Search"))
    objective = django_filters.ChoiceFilter(
        field_name="current_revision__objective_links__objective__number",
        choices=_objective_choices,
        label=_("GCM objective"),
    )
    sdg = django_filters.CharFilter(
        field_name="current_revision__sdg_links__sdg_indicator__code", label=_("SDG indicator code")
    )
    tier = django_filters.ChoiceFilter(field_name="current_revision__tier", choices=Tier.choices, label=_("Tier"))
    custodian = django_filters.CharFilter(
        field_name="current_revision__custodians", lookup_expr="icontains", label=_("Custodian")
    )
    dimension = django_filters.ChoiceFilter(
        field_name="current_revision__disaggregation_plan__dimension__code",
        choices=_dimension_choices,
        label=_("Disaggregation dimension"),
    )
    state = django_filters.ChoiceFilter(choices=IndicatorState.choices, label=_("State"))

    class Meta:
        model = Indicator
        fields = ["q", "objective", "sdg", "tier", "custodian", "dimension", "state"]

    def search(self, queryset: QuerySet[Indicator], name: str, value: str) -> QuerySet[Indicator]:
        value = value.strip()
        if not value:
            return queryset
        query = SearchQuery(value, search_type="websearch", config="english")
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "code")
        )


class RevisionFilterSet(django_filters.FilterSet):
    indicator = django_filters.CharFilter(field_name="indicator__code", label=_("Indicator code"))
    is_proxy = django_filters.BooleanFilter(label=_("Proxy indicators (true) or direct measures (false)"))

    class Meta:
        model = IndicatorRevision
        fields = ["indicator", "tier", "is_proxy"]


class SetVersionFilterSet(django_filters.FilterSet):
    limited_set = django_filters.ModelChoiceFilter(queryset=LimitedSet.objects.all(), label=_("Limited set id"))
    number = django_filters.NumberFilter(label=_("Version number within its set"))
    frozen = django_filters.BooleanFilter(
        field_name="frozen_at", lookup_expr="isnull", exclude=True, label=_("Frozen (true) or draft (false)")
    )

    class Meta:
        model = SetVersion
        fields = ["limited_set", "number", "frozen"]
