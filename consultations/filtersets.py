"""One FilterSet per model, shared by the HTML pages and the API."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.choices import OrganisationKind, Region
from consultations.choices import CommentKind, RoundState, Stance
from consultations.models import Comment, Round


class RoundFilterSet(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=RoundState.choices)
    set_version = django_filters.NumberFilter(label=_("Set version"), field_name="set_version_id")
    open = django_filters.BooleanFilter(label=_("Accepting comments now"), method="filter_open")

    class Meta:
        model = Round
        fields = ["state", "set_version", "open"]

    def filter_open(self, queryset: QuerySet[Round], name: str, value: bool | None) -> QuerySet[Round]:
        if value is None:
            return queryset
        now = timezone.now()
        accepting = Q(state=RoundState.OPEN, opens_at__lte=now, closes_at__gt=now)
        return queryset.filter(accepting) if value else queryset.exclude(accepting)


class CommentFilterSet(django_filters.FilterSet):
    stance = django_filters.ChoiceFilter(label=_("Stance"), choices=Stance.choices)
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=CommentKind.choices)
    organisation_kind = django_filters.ChoiceFilter(
        label=_("Organisation kind"), choices=OrganisationKind.choices, field_name="submission__organisation__kind"
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=Region.choices, field_name="submission__organisation__region"
    )
    indicator = django_filters.CharFilter(
        label=_("Indicator code"), field_name="revision__indicator__code", lookup_expr="iexact"
    )
    answered = django_filters.BooleanFilter(label=_("Answered"), method="filter_answered")

    class Meta:
        model = Comment
        fields = ["stance", "kind", "organisation_kind", "region", "indicator", "answered"]

    def filter_answered(self, queryset: QuerySet[Comment], name: str, value: bool | None) -> QuerySet[Comment]:
        if value is None:
            return queryset
        return queryset.filter(disposition__isnull=not value)
