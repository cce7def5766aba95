"""Read-only representations of the reference frameworks. Titles follow `?lang=` and fall back to English."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from mapping.api import examples
from mapping.models import (
    Crosswalk,
    Framework,
    FrameworkElement,
    GcmObjective,
    GuidingPrinciple,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)


@extend_schema_field(OpenApiTypes.STR)
class LocalisedTitle(serializers.Field):
    """The title in the language asked for with `?lang=` (English when absent or untranslated)."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value: object) -> str:
        request = self.context.get("request")
        language = request.query_params.get("lang") if request is not None else None
        return value.title_in(language)  # type: ignore[attr-defined]


@extend_schema_serializer(examples=[examples.GCM_OBJECTIVE])
class GcmObjectiveSerializer(serializers.ModelSerializer):
    title = LocalisedTitle(help_text="Title in the requested language.")

    class Meta:
        model = GcmObjective
        fields = ["number", "code", "title", "short_title", "commitment_paragraph", "translations"]


@extend_schema_serializer(examples=[examples.GUIDING_PRINCIPLE])
class GuidingPrincipleSerializer(serializers.ModelSerializer):
    title = LocalisedTitle()

    class Meta:
        model = GuidingPrinciple
        fields = ["number", "letter", "title", "text", "translations"]


@extend_schema_serializer(examples=[examples.SDG_GOAL])
class SdgGoalSerializer(serializers.ModelSerializer):
    title = LocalisedTitle()

    class Meta:
        model = SdgGoal
        fields = ["number", "title", "short_title", "translations", "short_title_translations"]


@extend_schema_serializer(examples=[examples.SDG_TARGET])
class SdgTargetSerializer(serializers.ModelSerializer):
    goal = serializers.IntegerField(source="goal.number", read_only=True)
    title = LocalisedTitle()

    class Meta:
        model = SdgTarget
        fields = ["code", "goal", "title", "target_type", "translations"]


@extend_schema_serializer(examples=[examples.SDG_INDICATOR])
class SdgIndicatorSerializer(serializers.ModelSerializer):
    goal = serializers.IntegerField(source="target.goal.number", read_only=True)
    target = serializers.CharField(source="target.code", read_only=True)
    targets = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    title = LocalisedTitle()

    class Meta:
        model = SdgIndicator
        fields = ["code", "goal", "target", "targets", "title", "tier", "tier_note", "custodians", "series_codes",
                  "repeats_as", "is_active", "uri", "translations"]  # fmt: skip


@extend_schema_serializer(examples=[examples.CROSSWALK])
class CrosswalkSerializer(serializers.ModelSerializer):
    framework = serializers.CharField(source="element.framework.slug", read_only=True)
    element = serializers.CharField(source="element.code", read_only=True)
    objective = serializers.IntegerField(source="objective.number", read_only=True, allow_null=True)
    sdg_indicator = serializers.CharField(source="sdg_indicator.code", read_only=True, allow_null=True)

    class Meta:
        model = Crosswalk
        fields = ["id", "framework", "element", "objective", "sdg_indicator", "relation", "rationale", "source"]


class ElementCrosswalkSerializer(serializers.ModelSerializer):
    objective = serializers.IntegerField(source="objective.number", read_only=True, allow_null=True)
    sdg_indicator = serializers.CharField(source="sdg_indicator.code", read_only=True, allow_null=True)

    class Meta:
        model = Crosswalk
        fields = ["objective", "sdg_indicator", "relation", "rationale", "source"]


class FrameworkElementSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent.code", read_only=True, allow_null=True)
    name = LocalisedTitle()
    crosswalks = ElementCrosswalkSerializer(many=True, read_only=True)

    class Meta:
        model = FrameworkElement
        fields = ["code", "parent", "level", "name", "description", "crosswalks"]


@extend_schema_serializer(examples=[examples.FRAMEWORK])
class FrameworkSerializer(serializers.ModelSerializer):
    elements = FrameworkElementSerializer(many=True, read_only=True)

    class Meta:
        model = Framework
        fields = ["slug", "name", "short_name", "owner", "kind", "year", "url", "description", "endorsed_by",
                  "endorsed_by_intergovernmental", "priority", "source", "elements"]  # fmt: skip
