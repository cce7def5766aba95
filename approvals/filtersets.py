"""One FilterSet per model, shared by the HTML lists and the API."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from approvals.choices import RequestState, ReviewMode
from approvals.models import ApprovalRequest, Publication
from indicators.choices import Tier


class ApprovalRequestFilterSet(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=RequestState.choices, label=_("State"))
    review_mode = django_filters.ChoiceFilter(choices=ReviewMode.choices, label=_("Review mode"))

    class Meta:
        model = ApprovalRequest
        fields = ["state", "review_mode"]


class PublicationFilterSet(django_filters.FilterSet):
    year = django_filters.NumberFilter(label=_("Year"), help_text=_("Publications of that year, e.g. 2026."))

    class Meta:
        model = Publication
        fields = ["year"]


class PublishedIndicatorFilterForm(forms.Form):
    """Filters of a publication's indicators (records of the snapshot, not database rows)."""

    objective = forms.IntegerField(
        label=_("GCM objective"), min_value=1, max_value=23, required=False, help_text=_("Objective number, 1-23.")
    )
    sdg = forms.CharField(label=_("SDG indicator code"), required=False, help_text=_("For example 10.7.2."))
    tier = forms.ChoiceField(label=_("Tier"), choices=[("", "")] + Tier.choices, required=False)
    dimension = forms.SlugField(
        label=_("Disaggregation dimension"), required=False, help_text=_("Dimension code, e.g. sex.")
    )
