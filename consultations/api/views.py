"""The consultations API: focal points and colleagues draft and submit; co-leads answer and export."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from config.errors import NotAllowed
from config.exports import table_response
from consultations import exports, permissions, selectors, services
from consultations.api import examples
from consultations.api.serializers import (
    CommentSerializer,
    DispositionSerializer,
    RoundSerializer,
    SubmissionSerializer,
)
from consultations.filtersets import CommentFilterSet, RoundFilterSet
from consultations.models import Comment, Round

ROUND_ID = OpenApiParameter("round_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description="The round's id.")
FORMAT = OpenApiParameter("fmt", str, enum=["csv", "xlsx", "json"], description="File format (default xlsx).")


@extend_schema_view(
    list=extend_schema(summary="Consultation rounds you can see (filter `open=true` for those taking comments)"),
    retrieve=extend_schema(summary="One consultation round"),
)
class RoundViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RoundSerializer
    filterset_class = RoundFilterSet

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return selectors.rounds_visible_to(self.request.user)

    @extend_schema(
        summary="Your organisation's submissions in the round, newest first",
        responses=SubmissionSerializer(many=True),
    )
    @action(detail=True, methods=["get"])
    def submissions(self, request: Request, pk: str) -> Response:
        organisation = getattr(request.user, "organisation", None)
        rows = selectors.submissions_of(self.get_object(), organisation) if organisation else []
        return Response(SubmissionSerializer(rows, many=True).data)

    @extend_schema(
        summary="Submit your organisation's draft as its official position (focal point only)",
        request=None,
        responses=SubmissionSerializer,
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str) -> Response:
        submission = services.submit_draft(round=self.get_object(), by=request.user)
        return Response(SubmissionSerializer(submission).data)

    @extend_schema(
        summary="The synthesis of the round (null until computed)",
        responses=OpenApiTypes.OBJECT,
        examples=[examples.SYNTHESIS],
    )
    @action(detail=True, methods=["get"])
    def synthesis(self, request: Request, pk: str) -> Response:
        return Response(selectors.synthesis_for_round(self.get_object()))

    @extend_schema(
        summary="The comment-resolution matrix as a file (co-leads)",
        parameters=[FORMAT],
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    @action(detail=True, methods=["get"])
    def export(self, request: Request, pk: str) -> HttpResponse:
        if not permissions.can_answer_comments(request.user):
            raise NotAllowed("Only co-leads export the resolution matrix.")
        round_ = self.get_object()
        fmt = request.query_params.get("fmt", "xlsx")
        if fmt not in ("csv", "xlsx", "json"):
            fmt = "xlsx"
        comments = list(CommentFilterSet(request.query_params, queryset=selectors.round_comments(round_)).qs)
        return table_response(
            fmt,
            filename=exports.matrix_filename(round_),
            headers=exports.matrix_headers(round_),
            rows=exports.matrix_rows(round_, comments),
        )


def _fields(serializer: CommentSerializer) -> dict[str, object]:
    data = dict(serializer.validated_data)
    if "revision_id" in data:
        data["revision"] = data.pop("revision_id")
    return data


@extend_schema_view(
    list=extend_schema(
        summary="Comments of the round you may read: your organisation's, and all submitted ones "
        "once the round closes (co-leads: at once)",
        parameters=[ROUND_ID],
    ),
    retrieve=extend_schema(summary="One comment", parameters=[ROUND_ID]),
    create=extend_schema(summary="Draft a comment in your organisation's submission", parameters=[ROUND_ID]),
    update=extend_schema(summary="Change a draft comment", parameters=[ROUND_ID]),
    partial_update=extend_schema(summary="Change part of a draft comment", parameters=[ROUND_ID]),
    destroy=extend_schema(summary="Remove a draft comment", parameters=[ROUND_ID]),
)
class CommentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = CommentSerializer
    filterset_class = CommentFilterSet

    def round(self) -> Round:
        return get_object_or_404(selectors.rounds_visible_to(self.request.user), pk=self.kwargs["round_pk"])

    def get_queryset(self):  # type: ignore[no-untyped-def]
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no round
            return Comment.objects.none()
        return selectors.comments_visible_to(self.request.user, self.round())

    def perform_create(self, serializer: CommentSerializer) -> None:
        serializer.instance = services.add_comment(round=self.round(), by=self.request.user, **_fields(serializer))

    def perform_update(self, serializer: CommentSerializer) -> None:
        serializer.instance = services.update_comment(
            comment=serializer.instance, by=self.request.user, **_fields(serializer)
        )

    def perform_destroy(self, instance: Comment) -> None:
        services.delete_comment(comment=instance, by=self.request.user)

    @extend_schema(
        summary="Record the co-leads' answer to a submitted comment",
        parameters=[ROUND_ID],
        request=DispositionSerializer,
        responses=DispositionSerializer,
    )
    @action(detail=True, methods=["put"])
    def disposition(self, request: Request, round_pk: str, pk: str) -> Response:
        serializer = DispositionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        disposition = services.record_disposition(
            comment=self.get_object(), by=request.user, **serializer.validated_data
        )
        return Response(DispositionSerializer(disposition).data, status=status.HTTP_200_OK)
