"""API of approvals: requests and their actions (co-leads, secretariat, ExCom), public publications."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from approvals import selectors, services
from approvals.api import examples
from approvals.api.serializers import (
    ApprovalRequestCreateSerializer,
    ApprovalRequestSerializer,
    PublicationSerializer,
    PublishedIndicatorSerializer,
    ReasonSerializer,
    VoteInputSerializer,
)
from approvals.filtersets import ApprovalRequestFilterSet, PublicationFilterSet, PublishedIndicatorFilterForm
from approvals.models import ApprovalRequest, Publication
from approvals.snapshot import record_titles
from config.api import LANG
from config.errors import InvalidInput
from mapping.models import language_key

VERSION = OpenApiParameter("version", str, OpenApiParameter.PATH, description="Publication version, e.g. 2026.1.")


@extend_schema_view(
    list=extend_schema(summary="List approval requests", examples=[examples.APPROVAL]),
    retrieve=extend_schema(
        summary="One approval request with its votes and timeline",
        examples=[examples.APPROVAL, examples.VOTE_REQUEST],
    ),
    create=extend_schema(
        summary="Prepare a draft approval request",
        request=ApprovalRequestCreateSerializer,
        examples=[examples.CREATE, examples.APPROVAL],
    ),
)
class ApprovalRequestViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = ApprovalRequestSerializer
    filterset_class = ApprovalRequestFilterSet

    def get_queryset(self):  # type: ignore[no-untyped-def]
        if getattr(self, "swagger_fake_view", False):  # schema generation: no database work
            return ApprovalRequest.objects.none()
        services.settle_due_requests()
        return selectors.requests_visible_to(self.request.user).prefetch_related("votes__voter", "events__actor")

    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        data = ApprovalRequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        created = services.create_request(by=request.user, **data.validated_data)
        return Response(self._out(created.pk), status=status.HTTP_201_CREATED)

    def _out(self, pk: int) -> dict:
        return ApprovalRequestSerializer(selectors.request_detail(pk)).data

    def _reason(self, request: Request) -> str:
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return data.validated_data["reason"]

    def _act(self, run: object) -> Response:
        approval = get_object_or_404(ApprovalRequest, pk=self.kwargs["pk"])
        run(approval)  # type: ignore[operator]
        return Response(self._out(approval.pk))

    @extend_schema(
        summary="Submit the request to the ExCom (co-leads)", request=None, examples=[examples.APPROVAL]
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str) -> Response:
        return self._act(lambda a: services.submit_request(request=a, by=request.user))

    @extend_schema(
        summary="Open the vote or start the silence procedure", request=None, examples=[examples.VOTE_REQUEST]
    )
    @action(detail=True, methods=["post"], url_path="open-review")
    def open_review(self, request: Request, pk: str) -> Response:
        return self._act(lambda a: services.open_review(request=a, by=request.user))

    @extend_schema(
        summary="Vote approve, object or abstain (ExCom members)",
        request=VoteInputSerializer,
        examples=[examples.VOTE, examples.OBJECTION, examples.VOTE_REQUEST],
    )
    @action(detail=True, methods=["post"])
    def vote(self, request: Request, pk: str) -> Response:
        data = VoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._act(lambda a: services.cast_vote(request=a, by=request.user, **data.validated_data))

    @extend_schema(
        summary="Break silence with a written objection (ExCom members)",
        request=ReasonSerializer,
        examples=[examples.REASON, examples.APPROVAL],
    )
    @action(detail=True, methods=["post"])
    def object(self, request: Request, pk: str) -> Response:
        reason = self._reason(request)
        return self._act(lambda a: services.object_to_request(request=a, by=request.user, reason=reason))

    @extend_schema(
        summary="Record the Committee's return of the request (secretariat)",
        request=ReasonSerializer,
        examples=[examples.REASON, examples.APPROVAL],
    )
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_request(self, request: Request, pk: str) -> Response:
        reason = self._reason(request)
        return self._act(lambda a: services.return_request(request=a, by=request.user, reason=reason))

    @extend_schema(
        summary="Record the Committee's rejection (secretariat)",
        request=ReasonSerializer,
        examples=[examples.REASON, examples.APPROVAL],
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str) -> Response:
        reason = self._reason(request)
        return self._act(lambda a: services.reject_request(request=a, by=request.user, reason=reason))


def snapshot_response(body: bytes, sha256: str, *, immutable: bool) -> HttpResponse:
    """The stored canonical bytes, as they were hashed; never re-serialised."""
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = f'"{sha256}"'
    response["Cache-Control"] = "public, max-age=31536000, immutable" if immutable else "public, max-age=60"
    return response


INDICATOR_FILTERS = [
    OpenApiParameter("objective", int, description="GCM objective number (1-23) the indicator is linked to."),
    OpenApiParameter("sdg", str, description="SDG indicator code, e.g. 10.7.2."),
    OpenApiParameter("tier", str, description="Tier: tier_1, tier_2, tier_3 or not_assessed."),
    OpenApiParameter("dimension", str, description="Disaggregation dimension code, e.g. sex."),
]


@extend_schema_view(
    list=extend_schema(summary="List publications, newest first", examples=[examples.PUBLICATION]),
    retrieve=extend_schema(
        summary="One publication: its canonical JSON snapshot",
        description=(
            "The bytes stored and hashed at publication, never re-serialised. Strong `ETag` (the SHA-256 of the "
            "bytes) and `Cache-Control: public, max-age=31536000, immutable`; send `If-None-Match` to get 304."
        ),
        parameters=[VERSION],
        responses=OpenApiTypes.OBJECT,
        examples=[examples.SNAPSHOT],
    ),
)
class PublicationViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    serializer_class = PublicationSerializer
    filterset_class = PublicationFilterSet
    lookup_field = "version"
    lookup_value_regex = r"[0-9]{4}\.[0-9]+"
    queryset = Publication.objects.defer("snapshot").select_related("set_version__limited_set")

    def retrieve(self, request: Request, version: str) -> HttpResponse:
        stored = selectors.stored_snapshot(version)
        if stored is None:
            raise Http404
        return snapshot_response(*stored, immutable=True)

    def _latest(self) -> Publication:
        services.settle_due_requests()
        latest = selectors.latest_publication()
        if latest is None:
            from rest_framework.exceptions import NotFound

            raise NotFound("Nothing has been published yet.")
        return latest

    @extend_schema(
        summary="The newest publication's canonical JSON snapshot",
        description="As `/publications/{version}/` for the newest version, cached for 60 seconds.",
        responses=OpenApiTypes.OBJECT,
        examples=[examples.SNAPSHOT],
    )
    @action(detail=False, methods=["get"])
    def latest(self, request: Request) -> HttpResponse:
        latest = self._latest()
        return snapshot_response(*selectors.stored_snapshot(latest.version, latest), immutable=False)

    def _indicators(self, request: Request, publication: Publication) -> Response:
        form = PublishedIndicatorFilterForm(request.query_params)
        if not form.is_valid():
            raise InvalidInput("Check the filters.", errors={k: list(v) for k, v in form.errors.items()})
        items = selectors.publication_indicators(publication, **{k: v or "" for k, v in form.cleaned_data.items()})
        language = language_key(request.query_params.get("lang"))
        if language != "en":
            items = [{**item, "title": record_titles(item).get(language) or item["title"]} for item in items]
        page = self.paginate_queryset(items)  # type: ignore[arg-type]
        return self.get_paginated_response(page)

    @extend_schema(
        summary="Indicators of a publication",
        parameters=[VERSION, *INDICATOR_FILTERS, LANG],
        responses=PublishedIndicatorSerializer(many=True),
        examples=[examples.PUBLISHED_INDICATOR],
    )
    @action(detail=True, methods=["get"])
    def indicators(self, request: Request, version: str) -> Response:
        return self._indicators(request, get_object_or_404(Publication, version=version))

    @extend_schema(
        summary="Indicators of the newest publication",
        parameters=[*INDICATOR_FILTERS, LANG],
        responses=PublishedIndicatorSerializer(many=True),
        examples=[examples.PUBLISHED_INDICATOR],
    )
    @action(detail=False, methods=["get"], url_path="latest/indicators", url_name="latest-indicators")
    def latest_indicators(self, request: Request) -> Response:
        return self._indicators(request, self._latest())
