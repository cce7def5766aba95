from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from indicators import permissions as rules
from indicators import selectors, services
from indicators.api import serializers as s
from indicators.filtersets import IndicatorFilterSet, RevisionFilterSet, SetVersionFilterSet
from indicators.models import Indicator, LimitedSet
from indicators.suggest import suggest
from mapping.models import GcmObjective


class ReadOrCurate(permissions.BasePermission):
    """Signed-in users read; co-leads write (services check again)."""

    def has_permission(self, request: Request, view: object) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return rules.can_read_catalogue(request.user)
        return rules.can_curate(request.user) or (
            getattr(view, "action", "") == "freeze" and rules.can_freeze(request.user)
        )


CODE = OpenApiParameter("code", str, OpenApiParameter.PATH, description="Indicator code, e.g. GCM-07-2.")


@extend_schema_view(
    list=extend_schema(
        summary="Candidate indicators, searchable and filterable",
        parameters=[
            OpenApiParameter("q", str, description="Full-text search, ranked title > definition > rationale")
        ],
    ),
    retrieve=extend_schema(summary="One candidate indicator with its current revision", parameters=[CODE]),
    create=extend_schema(summary="Add a candidate (draft, revision 1)", request=s.IndicatorWriteSerializer),
    update=extend_schema(
        summary="Edit: creates a new revision", request=s.IndicatorWriteSerializer, parameters=[CODE]
    ),
    partial_update=extend_schema(
        summary="Edit some fields: creates a new revision", request=s.IndicatorWriteSerializer, parameters=[CODE]
    ),
)
class IndicatorViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = s.IndicatorSerializer
    permission_classes = [ReadOrCurate]
    filterset_class = IndicatorFilterSet
    lookup_field = "code"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return selectors.catalogue()

    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        form = s.IndicatorWriteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        indicator = services.create_indicator(
            code=form.validated_data.get("code", ""), data=form.revision_data(), by=request.user
        )
        return Response(
            s.IndicatorSerializer(selectors.catalogue().get(pk=indicator.pk)).data, status=status.HTTP_201_CREATED
        )

    def update(self, request: Request, *args: object, **kwargs: object) -> Response:
        indicator = self.get_object()
        form = s.IndicatorWriteSerializer(data=request.data, partial=kwargs.get("partial", False))
        form.is_valid(raise_exception=True)
        base = services.RevisionData.from_revision(indicator.current_revision)
        services.revise_indicator(indicator=indicator, data=form.revision_data(base), by=request.user)
        return Response(s.IndicatorSerializer(selectors.catalogue().get(pk=indicator.pk)).data)

    @extend_schema(
        summary="Move an indicator along its lifecycle", request=s.TransitionSerializer, parameters=[CODE]
    )
    @action(detail=True, methods=["post"])
    def transition(self, request: Request, code: str) -> Response:
        form = s.TransitionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        target = Indicator.objects.filter(code=form.validated_data.get("merged_into", "")).first()
        services.change_indicator_state(
            indicator=self.get_object(),
            action=form.validated_data["action"],
            by=request.user,
            merged_into=target,
            note=form.validated_data["note"],
        )
        return Response(s.IndicatorSerializer(selectors.catalogue().get(code=code)).data)


@extend_schema_view(
    list=extend_schema(summary="Indicator revisions (immutable)"), retrieve=extend_schema(summary="One revision")
)
class RevisionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.RevisionSerializer
    permission_classes = [ReadOrCurate]
    filterset_class = RevisionFilterSet
    queryset = selectors.revisions().order_by("indicator__code", "number")


@extend_schema_view(
    list=extend_schema(summary="Limited sets"),
    retrieve=extend_schema(summary="One limited set with its version ids"),
    create=extend_schema(summary="Create a limited set with an empty draft version 1"),
)
class LimitedSetViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.LimitedSetSerializer
    permission_classes = [ReadOrCurate]
    queryset = selectors.limited_sets()

    def perform_create(self, serializer: s.LimitedSetSerializer) -> None:
        serializer.instance = services.create_limited_set(
            name=serializer.validated_data["name"],
            description=serializer.validated_data.get("description", ""),
            by=self.request.user,
        )

    @extend_schema(
        summary="Suggest the smallest set covering every GCM objective",
        request=s.SuggestRequestSerializer,
        responses=s.SuggestResponseSerializer,
    )
    @action(detail=True, methods=["post"])
    def suggest(self, request: Request, pk: str) -> Response:
        get_object_or_404(LimitedSet, pk=pk)
        form = s.SuggestRequestSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        codes = dict(Indicator.objects.values_list("code", "pk"))
        result = suggest(
            selectors.suggestion_candidates(),
            objectives=GcmObjective.objects.values_list("number", flat=True),
            k=form.validated_data["k"],
            pinned_in={codes[c] for c in form.validated_data["pinned_in"] if c in codes},
            pinned_out={codes[c] for c in form.validated_data["pinned_out"] if c in codes},
            time_limit=form.validated_data["time_limit"],
        )
        return Response(
            {
                "method": result.method,
                "size": result.size,
                "chosen": [{"code": c.candidate.code, "reasons": c.reasons} for c in result.chosen],
                "uncoverable_objectives": result.uncoverable,
                "short_objectives": {str(j): missing for j, missing in result.short.items()},
                "elapsed_ms": round(result.elapsed_ms, 1),
            }
        )


@extend_schema_view(
    list=extend_schema(summary="Set versions"), retrieve=extend_schema(summary="One set version with its items")
)
class SetVersionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.SetVersionSerializer
    permission_classes = [ReadOrCurate]
    filterset_class = SetVersionFilterSet
    queryset = selectors.set_versions().order_by("limited_set", "number")

    @extend_schema(summary="Freeze the version (idempotent)", request=None)
    @action(detail=True, methods=["post"])
    def freeze(self, request: Request, pk: str) -> Response:
        version = services.freeze_set_version(version=self.get_object(), by=request.user)
        return Response(s.SetVersionSerializer(selectors.set_versions().get(pk=version.pk)).data)

    @extend_schema(
        summary="Add an indicator's current revision to a draft version", request=s.VersionChangeSerializer
    )
    @action(detail=True, methods=["post"])
    def add(self, request: Request, pk: str) -> Response:
        return self._change(request, services.add_to_set_version)

    @extend_schema(summary="Remove an indicator from a draft version", request=s.VersionChangeSerializer)
    @action(detail=True, methods=["post"])
    def remove(self, request: Request, pk: str) -> Response:
        return self._change(request, services.remove_from_set_version)

    def _change(self, request: Request, operation) -> Response:  # type: ignore[no-untyped-def]
        form = s.VersionChangeSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        indicator = get_object_or_404(Indicator, code=form.validated_data["indicator"])
        version = self.get_object()
        operation(version=version, indicator=indicator, by=request.user)
        return Response(s.SetVersionSerializer(selectors.set_versions().get(pk=version.pk)).data)
