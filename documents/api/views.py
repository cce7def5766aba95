"""The documents API: generated documents (read, request) and the disaggregation evidence of a publication."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from approvals.models import Publication
from documents import selectors, services
from documents.api import examples
from documents.api.serializers import DocumentRequestSerializer, DocumentSerializer
from documents.builders.evidence import evidence_for
from documents.filtersets import DocumentFilterSet


@extend_schema_view(
    list=extend_schema(summary="List generated documents, newest first"),
    retrieve=extend_schema(summary="One document: its state, progress and download addresses"),
    create=extend_schema(
        summary="Generate a document (queued; poll it for progress)",
        request=DocumentRequestSerializer,
        responses={202: DocumentSerializer},
        examples=[examples.DOCUMENT_REQUEST, examples.QUEUED],
    ),
)
class DocumentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilterSet

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return selectors.documents_visible_to(self.request.user)

    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        payload = DocumentRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        document = services.request_document(by=request.user, **payload.validated_data)
        return Response(
            DocumentSerializer(document, context={"request": request}).data, status=status.HTTP_202_ACCEPTED
        )


@extend_schema_view(
    retrieve=extend_schema(
        summary="Disaggregation evidence of a publication: totals per dimension, ranked gaps, indicators "
        "without migratory status",
        parameters=[
            OpenApiParameter("version", str, OpenApiParameter.PATH, description="Publication, e.g. 2026.1")
        ],
        responses=OpenApiTypes.OBJECT,
        examples=[examples.EVIDENCE],
    )
)
class EvidenceViewSet(viewsets.GenericViewSet):
    permission_classes = [AllowAny]
    lookup_field = "version"
    lookup_value_regex = r"[0-9]{4}\.[0-9]+"
    queryset = Publication.objects.all()

    def retrieve(self, request: Request, version: str) -> Response:
        publication = get_object_or_404(Publication, version=version)
        return Response({"publication": publication.version, **evidence_for(publication).as_json()})
