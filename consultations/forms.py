from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.choices import OrganisationKind, Region
from accounts.models import Organisation
from consultations import conf
from consultations.choices import CommentKind, Outcome, Stance
from consultations.models import Round
from indicators.models import IndicatorRevision, SetVersion

RATING_CHOICES = [("", "—")] + [(str(n), str(n)) for n in range(1, 6)]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


class RoundForm(forms.Form):
    set_version = forms.ModelChoiceField(
        label=_("Set version"), queryset=SetVersion.objects.select_related("limited_set")
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    instructions = forms.CharField(label=_("Instructions"), widget=forms.Textarea, required=False)
    opens_at = forms.DateTimeField(label=_("Opens at (UTC)"), widget=DateTimeInput())
    closes_at = forms.DateTimeField(label=_("Closes at (UTC)"), widget=DateTimeInput())
    audience_kinds = forms.MultipleChoiceField(
        label=_("Organisation kinds invited"),
        choices=OrganisationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every kind."),
    )
    invited_organisations = forms.ModelMultipleChoiceField(
        label=_("Invited organisations"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Invited in addition to the audience above; with no audience and no one ticked, everyone."),
    )
    audience_regions = forms.MultipleChoiceField(
        label=_("Regions invited"), choices=Region.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    green_max_oppose = forms.DecimalField(
        label=_("Green up to this share opposing"),
        initial="0.25",
        max_digits=3,
        decimal_places=2,
        min_value=0,
        max_value=1,
    )
    grey_min_oppose = forms.DecimalField(
        label=_("Grey from this share opposing"),
        initial="0.50",
        max_digits=3,
        decimal_places=2,
        min_value=0,
        max_value=1,
    )
    hide_organisation_names = forms.BooleanField(
        label=_("Hide organisation names after the close"), required=False
    )


class ThresholdsForm(forms.Form):
    green_max_oppose = forms.DecimalField(
        label=_("Green up to this share opposing"), max_digits=3, decimal_places=2
    )
    grey_min_oppose = forms.DecimalField(label=_("Grey from this share opposing"), max_digits=3, decimal_places=2)


class CommentForm(forms.Form):
    """A comment on one candidate of the round or on the set as a whole, with ratings on the round's criteria."""

    revision = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=IndicatorRevision.objects.none(),
        required=False,
        empty_label=_("The set as a whole"),
    )
    kind = forms.ChoiceField(label=_("Type"), choices=CommentKind.choices)
    stance = forms.ChoiceField(label=_("Stance"), choices=Stance.choices)
    text = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea,
        max_length=conf.COMMENT_TEXT_MAX,
        strip=True,
        help_text=_("Plain text or simple Markdown (emphasis, lists, links). At most %(max)d characters.")
        % {"max": conf.COMMENT_TEXT_MAX},
    )
    proposed_change = forms.CharField(
        label=_("Proposed change"), widget=forms.Textarea, required=False, max_length=conf.PROPOSED_CHANGE_MAX
    )

    def __init__(self, *args: object, round: Round, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["revision"].queryset = (
            IndicatorRevision.objects.filter(set_items__version=round.set_version)
            .select_related("indicator")
            .order_by("set_items__position")
        )
        self.fields["revision"].label_from_instance = lambda r: f"{r.indicator.code} · {r.title}"
        self.criteria = round.criteria_with_labels()
        for key, label in self.criteria:
            self.fields[f"rating_{key}"] = forms.ChoiceField(label=label, choices=RATING_CHOICES, required=False)

    def rating_fields(self) -> list[forms.BoundField]:
        return [self[f"rating_{key}"] for key, _label in self.criteria]

    def service_fields(self) -> dict[str, object]:
        data = self.cleaned_data
        return {
            "revision": data["revision"],
            "kind": data["kind"],
            "stance": data["stance"],
            "text": data["text"],
            "proposed_change": data.get("proposed_change", ""),
            "ratings": {key: data.get(f"rating_{key}") for key, _label in self.criteria},
        }


class DispositionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—")] + Outcome.choices)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=conf.DISPOSITION_REASON_MAX,
    )
    implemented_by = forms.ModelChoiceField(
        label=_("Implemented by revision"),
        queryset=IndicatorRevision.objects.select_related("indicator"),
        required=False,
    )
