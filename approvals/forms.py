"""Forms of the approval pages: preparing a request, voting, and the reason of an objection or decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from approvals import conf
from approvals.choices import MajorityRule, ReviewMode, VoteChoice
from approvals.selectors import frozen_set_versions
from indicators.models import SetVersion


class RequestForm(forms.Form):
    set_version = forms.ModelChoiceField(queryset=SetVersion.objects.none(), label=_("Set version"))
    review_mode = forms.ChoiceField(choices=ReviewMode.choices, label=_("Review mode"), initial=ReviewMode.SILENCE)
    silence_hours = forms.IntegerField(
        label=_("Silence procedure length (hours)"), min_value=1, max_value=conf.MAX_SILENCE_HOURS
    )
    quorum = forms.IntegerField(label=_("Quorum (votes needed)"), min_value=1, max_value=conf.MAX_QUORUM)
    majority = forms.ChoiceField(choices=MajorityRule.choices, label=_("Majority rule"))
    note = forms.CharField(
        label=_("Note to the Committee"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["set_version"].queryset = frozen_set_versions()
        self.fields["silence_hours"].initial = conf.silence_hours()
        self.fields["silence_hours"].min_value = conf.min_silence_hours()
        self.fields["quorum"].initial = conf.vote_quorum()
        self.fields["majority"].initial = conf.vote_majority()


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class VoteForm(ReasonForm):
    choice = forms.ChoiceField(choices=VoteChoice.choices, label=_("Your vote"), widget=forms.RadioSelect)
