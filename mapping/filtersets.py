"""One FilterSet per model, shared by the browser pages and the API."""

import django_filters as filters
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import F, Func, Q, QuerySet, TextField, Value
from django.utils.translation import gettext_lazy as _

from mapping.choices import ElementLevel, FrameworkKind, Relation, Tier
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


def text_search(queryset: QuerySet, value: str, *fields: str) -> QuerySet:
    """Full-text match on the English fields, or a substring of a code, a title or a translation."""
    value = value.strip()
    if not value:
        return queryset
    vector = SearchVector(*fields, config="english")
    words = Q(search=SearchQuery(value, search_type="websearch", config="english"))
    partial = Q(translations__icontains=value)
    for name in fields:
        partial |= Q(**{f"{name}__icontains": value})
    return queryset.annotate(search=vector).filter(words | partial)


class LanguageFilterSet(filters.FilterSet):
    """Adds `lang`: the language of the titles in the answer (ar, zh-hans, en, fr, ru, es); it filters nothing."""

    lang = filters.CharFilter(method="keep", label=_("Language of titles (ar, zh-hans, en, fr, ru, es)"))

    def keep(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset


class GcmObjectiveFilterSet(LanguageFilterSet):
    q = filters.CharFilter(method="search", label=_("Search"))
    number = filters.NumberFilter(label=_("Objective number, 1 to 23"))

    class Meta:
        model = GcmObjective
        fields = ["number"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(queryset, value, "title", "short_title")


class GuidingPrincipleFilterSet(LanguageFilterSet):
    q = filters.CharFilter(method="search", label=_("Search"))
    number = filters.NumberFilter(label=_("Principle number, 1 to 10"))

    class Meta:
        model = GuidingPrinciple
        fields = ["number"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(queryset, value, "title", "text")


class SdgGoalFilterSet(LanguageFilterSet):
    q = filters.CharFilter(method="search", label=_("Search"))
    number = filters.NumberFilter(label=_("Goal number, 1 to 17"))

    class Meta:
        model = SdgGoal
        fields = ["number"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(queryset, value, "title", "short_title")


class SdgTargetFilterSet(LanguageFilterSet):
    goal = filters.NumberFilter(field_name="goal__number", label=_("Goal number"))
    q = filters.CharFilter(method="search", label=_("Search"))

    class Meta:
        model = SdgTarget
        fields = ["goal", "target_type"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(queryset, value, "code", "title")


class SdgIndicatorFilterSet(LanguageFilterSet):
    goal = filters.NumberFilter(field_name="target__goal__number", label=_("Goal number, e.g. 10"))
    target = filters.CharFilter(method="by_target", label=_("Target code, e.g. 10.7 (repeats included)"))
    tier = filters.ChoiceFilter(choices=Tier.choices, label=_("Tier: I, II, III or multiple"))
    custodian = filters.CharFilter(method="by_custodian", label=_("Custodian agency, name or acronym, e.g. IOM"))
    is_active = filters.BooleanFilter(label=_("Active in the current framework"))
    q = filters.CharFilter(method="search", label=_("Full-text search in code and title"))

    class Meta:
        model = SdgIndicator
        fields = ["goal", "target", "tier", "custodian", "is_active"]

    def by_target(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(target__code=value) | Q(targets__code=value)).distinct()

    def by_custodian(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        joined = Func(F("custodians"), Value(" | "), function="array_to_string", output_field=TextField())
        return queryset.annotate(custodian_text=joined).filter(custodian_text__icontains=value.strip())

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(queryset, value, "code", "title")


class FrameworkFilterSet(LanguageFilterSet):
    kind = filters.ChoiceFilter(choices=FrameworkKind.choices)
    endorsed = filters.BooleanFilter(
        field_name="endorsed_by_intergovernmental", label=_("Endorsed by an intergovernmental body")
    )
    q = filters.CharFilter(method="search", label=_("Search"))

    class Meta:
        model = Framework
        fields = ["kind", "endorsed"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(queryset, value, "name", "short_name", "owner")


class FrameworkElementFilterSet(LanguageFilterSet):
    framework = filters.CharFilter(field_name="framework__slug", label=_("Framework slug"))
    level = filters.ChoiceFilter(choices=ElementLevel.choices)
    q = filters.CharFilter(method="search", label=_("Search"))

    class Meta:
        model = FrameworkElement
        fields = ["framework", "level"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(queryset, value, "code", "name")


class CrosswalkFilterSet(filters.FilterSet):
    framework = filters.CharFilter(field_name="element__framework__slug", label=_("Framework slug"))
    element = filters.NumberFilter(field_name="element_id", label=_("Element id"))
    objective = filters.NumberFilter(field_name="objective__number", label=_("GCM objective number"))
    sdg_indicator = filters.CharFilter(field_name="sdg_indicator__code", label=_("SDG indicator code"))
    relation = filters.ChoiceFilter(choices=Relation.choices)

    class Meta:
        model = Crosswalk
        fields = ["framework", "element", "objective", "sdg_indicator", "relation"]
