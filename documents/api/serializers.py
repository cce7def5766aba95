"""Serializers of the documents API."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from approvals.models import Publication
from consultations.models import Round
from documents.api import examples
from documents.choices import DocumentKind, DocumentState, Language
from documents.models import Document


@extend_schema_serializer(examples=[examples.DOCUMENT])
class DocumentSerializer(serializers.ModelSerializer):
    round = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    percent = serializers.IntegerField(read_only=True)
    pdf_url = serializers.SerializerMethodField()
    file_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "kind",
            "language",
            "publication_version",
            "publication_sha256",
            "round",
            "state",
            "progress_done",
            "progress_total",
            "percent",
            "document_date",
            "archive_format",
            "error",
            "created_at",
            "finished_at",
            "pdf_url",
            "file_url",
        ]

    def _url(self, document: Document, part: str) -> str | None:
        if document.state != DocumentState.DONE:
            return None
        path = reverse("documents:download", kwargs={"pk": document.pk, "part": part})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_pdf_url(self, document: Document) -> str | None:
        return self._url(document, "pdf")

    def get_file_url(self, document: Document) -> str | None:
        return self._url(document, "file")


@extend_schema_serializer(examples=[examples.DOCUMENT_REQUEST])
class DocumentRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    language = serializers.ChoiceField(choices=Language.choices, default=Language.ENGLISH)
    publication = serializers.SlugRelatedField(
        slug_field="version", queryset=Publication.objects.defer("snapshot"), required=False, allow_null=True
    )
    round = serializers.PrimaryKeyRelatedField(queryset=Round.objects.all(), required=False, allow_null=True)


class DimensionEvidenceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    required = serializers.IntegerField()
    recommended = serializers.IntegerField()
    with_source = serializers.IntegerField()
    gap = serializers.IntegerField()
