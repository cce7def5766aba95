"""The form that requests a document."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documents import selectors
from documents.choices import DocumentKind, Language


class DocumentRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices, initial=Language.ENGLISH)
    publication = forms.ModelChoiceField(
        label=_("Publication"),
        queryset=selectors.publications_for_documents(),
        required=False,
        help_text=_("For the annex, the disaggregation evidence and the Hub package."),
    )
    round = forms.ModelChoiceField(
        label=_("Consultation round"),
        queryset=selectors.rounds_for_documents(),
        required=False,
        help_text=_("For the consultation report."),
    )
