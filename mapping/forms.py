from django import forms
from django.utils.translation import gettext_lazy as _

from mapping import selectors
from mapping.choices import Relation
from mapping.models import GcmObjective, SdgIndicator


class CrosswalkForm(forms.Form):
    """Link one element to a GCM objective and/or an SDG indicator."""

    objective = forms.ModelChoiceField(
        queryset=GcmObjective.objects.none(), required=False, label=_("GCM objective"), to_field_name="number"
    )
    sdg_indicator = forms.ModelChoiceField(
        queryset=SdgIndicator.objects.none(), required=False, label=_("SDG indicator"), to_field_name="code"
    )
    relation = forms.ChoiceField(choices=Relation.choices, label=_("Relation"))
    rationale = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, label=_("Rationale"))
    source = forms.CharField(max_length=300, required=False, label=_("Source"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = selectors.gcm_objectives()
        self.fields["sdg_indicator"].queryset = SdgIndicator.objects.filter(is_active=True).order_by("sort_key")

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("objective") and not data.get("sdg_indicator"):
            raise forms.ValidationError(_("Choose a GCM objective, an SDG indicator or both."))
        return data


MAX_IMPORT_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"), help_text=_("The columns of the export of this table."))

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB; split it into several files."))
        return upload
