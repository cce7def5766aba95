"""One FilterSet per model, shared by the documents page and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from documents.choices import DocumentKind, DocumentState, Language
from documents.models import Document


class DocumentFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices, label=_("Document"))
    state = django_filters.ChoiceFilter(choices=DocumentState.choices, label=_("State"))
    language = django_filters.ChoiceFilter(choices=Language.choices, label=_("Language"))
    publication = django_filters.CharFilter(field_name="publication__version", label=_("Publication version"))

    class Meta:
        model = Document
        fields = ["kind", "state", "language", "publication"]
