"""The public, read-only API of the reference frameworks under /api/v1/reference/."""

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from mapping import filtersets, selectors
from mapping.api import serializers
from mapping.models import Crosswalk, FrameworkElement


def _read_only(name: str) -> dict[str, object]:
    return {
        "list": extend_schema(summary=f"List {name} (public)"),
        "retrieve": extend_schema(summary=f"One of the {name} (public)"),
    }


class PublicReadOnly(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]


@extend_schema_view(**_read_only("GCM objectives"))
class GcmObjectiveViewSet(PublicReadOnly):
    queryset = selectors.gcm_objectives()
    serializer_class = serializers.GcmObjectiveSerializer
    filterset_class = filtersets.GcmObjectiveFilterSet
    lookup_field = "number"


@extend_schema_view(**_read_only("GCM guiding principles"))
class GuidingPrincipleViewSet(PublicReadOnly):
    queryset = selectors.guiding_principles()
    serializer_class = serializers.GuidingPrincipleSerializer
    filterset_class = filtersets.GuidingPrincipleFilterSet
    lookup_field = "number"


@extend_schema_view(**_read_only("SDG goals"))
class SdgGoalViewSet(PublicReadOnly):
    queryset = selectors.sdg_goals()
    serializer_class = serializers.SdgGoalSerializer
    filterset_class = filtersets.SdgGoalFilterSet
    lookup_field = "number"


@extend_schema_view(**_read_only("SDG targets"))
class SdgTargetViewSet(PublicReadOnly):
    queryset = selectors.sdg_targets()
    serializer_class = serializers.SdgTargetSerializer
    filterset_class = filtersets.SdgTargetFilterSet
    lookup_field = "code"
    lookup_value_regex = r"[0-9]{1,2}\.[0-9a-z]{1,2}"


@extend_schema_view(**_read_only("SDG indicators, retired codes included (is_active=false)"))
class SdgIndicatorViewSet(PublicReadOnly):
    queryset = selectors.sdg_indicators()
    serializer_class = serializers.SdgIndicatorSerializer
    filterset_class = filtersets.SdgIndicatorFilterSet
    lookup_field = "code"
    lookup_value_regex = r"[0-9]{1,2}\.[0-9a-z]{1,2}\.[0-9]{1,2}"


@extend_schema_view(**_read_only("measurement frameworks with their elements and crosswalk links"))
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


@extend_schema_view(**_read_only("crosswalk links"))
class CrosswalkViewSet(PublicReadOnly):
    queryset = selectors.crosswalks()
    serializer_class = serializers.CrosswalkSerializer
    filterset_class = filtersets.CrosswalkFilterSet
