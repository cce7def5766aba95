"""The public, read-only API of the reference frameworks under /api/v1/reference/."""

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from config.api import LANG
from mapping import filtersets, selectors
from mapping.api import serializers
from mapping.models import Crosswalk, FrameworkElement


def _read_only(name: str, lookup: OpenApiParameter) -> dict[str, object]:
    return {
        "list": extend_schema(summary=f"List {name} (public)", parameters=[LANG]),
        "retrieve": extend_schema(summary=f"One of the {name} (public)", parameters=[lookup, LANG]),
    }


def _path(name: str, kind: type, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, kind, OpenApiParameter.PATH, description=description)


class PublicReadOnly(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]


@extend_schema_view(**_read_only("GCM objectives", _path("number", int, "Objective number, 1 to 23.")))
class GcmObjectiveViewSet(PublicReadOnly):
    queryset = selectors.gcm_objectives()
    serializer_class = serializers.GcmObjectiveSerializer
    filterset_class = filtersets.GcmObjectiveFilterSet
    lookup_field = "number"


@extend_schema_view(**_read_only("GCM guiding principles", _path("number", int, "Principle number, 1 to 10.")))
class GuidingPrincipleViewSet(PublicReadOnly):
    queryset = selectors.guiding_principles()
    serializer_class = serializers.GuidingPrincipleSerializer
    filterset_class = filtersets.GuidingPrincipleFilterSet
    lookup_field = "number"


@extend_schema_view(**_read_only("SDG goals", _path("number", int, "Goal number, 1 to 17.")))
class SdgGoalViewSet(PublicReadOnly):
    queryset = selectors.sdg_goals()
    serializer_class = serializers.SdgGoalSerializer
    filterset_class = filtersets.SdgGoalFilterSet
    lookup_field = "number"


@extend_schema_view(**_read_only("SDG targets", _path("code", str, "Target code, e.g. 10.7 or 10.c.")))
class SdgTargetViewSet(PublicReadOnly):
    queryset = selectors.sdg_targets()
    serializer_class = serializers.SdgTargetSerializer
    filterset_class = filtersets.SdgTargetFilterSet
    lookup_field = "code"
    lookup_value_regex = r"[0-9]{1,2}\.[0-9a-z]{1,2}"


@extend_schema_view(
    **_read_only(
        "SDG indicators, retired codes included (is_active=false)",
        _path("code", str, "Indicator code as in A/RES/71/313, e.g. 10.7.2."),
    )
)
class SdgIndicatorViewSet(PublicReadOnly):
    queryset = selectors.sdg_indicators()
    serializer_class = serializers.SdgIndicatorSerializer
    filterset_class = filtersets.SdgIndicatorFilterSet
    lookup_field = "code"
    lookup_value_regex = r"[0-9]{1,2}\.[0-9a-z]{1,2}\.[0-9]{1,2}"


@extend_schema_view(
    **_read_only(
        "measurement frameworks with their elements and crosswalk links",
        _path("slug", str, "Short name of the framework in URLs, e.g. mgi."),
    )
)
class FrameworkViewSet(PublicReadOnly):
    serializer_class = serializers.FrameworkSerializer
    filterset_class = filtersets.FrameworkFilterSet
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet:
        links = Crosswalk.objects.select_related("objective", "sdg_indicator")
        elements = FrameworkElement.objects.select_related("parent").prefetch_related(
            Prefetch("crosswalks", links)
        )
        return selectors.frameworks().prefetch_related(Prefetch("elements", elements))


@extend_schema_view(**_read_only("crosswalk links", _path("id", int, "Crosswalk link id.")))
class CrosswalkViewSet(PublicReadOnly):
    queryset = selectors.crosswalks()
    serializer_class = serializers.CrosswalkSerializer
    filterset_class = filtersets.CrosswalkFilterSet
