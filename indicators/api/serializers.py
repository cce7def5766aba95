from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from indicators.api import examples
from indicators.choices import Periodicity, Requirement, SdgRelation, Tier
from indicators.models import (
    TRANSLATION_LANGUAGES,
    DisaggregationPlanEntry,
    Indicator,
    IndicatorRevision,
    LimitedSet,
    RevisionObjectiveLink,
    RevisionSdgLink,
    SetVersion,
)
from indicators.services import PlanLine, RevisionData

TITLE_TRANSLATIONS_HELP = (
    "The title in the other UN languages, keyed fr, es, ar, zh (Simplified Chinese), ru; English is `title`. "
    "A language without a translation is absent."
)


class SdgLinkSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="sdg_indicator.code")

    class Meta:
        model = RevisionSdgLink
        fields = ["code", "relation"]


class ObjectiveLinkSerializer(serializers.ModelSerializer):
    number = serializers.IntegerField(source="objective.number")

    class Meta:
        model = RevisionObjectiveLink
        fields = ["number", "is_primary"]


class PlanEntrySerializer(serializers.ModelSerializer):
    dimension = serializers.CharField(source="dimension.code")

    class Meta:
        model = DisaggregationPlanEntry
        fields = ["dimension", "requirement", "data_sources"]


@extend_schema_serializer(examples=[examples.REVISION])
class RevisionSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True)
    sdg_links = SdgLinkSerializer(many=True, read_only=True)
    objectives = ObjectiveLinkSerializer(source="objective_links", many=True, read_only=True)
    principles = serializers.SerializerMethodField()
    disaggregation_plan = PlanEntrySerializer(many=True, read_only=True)
    title_translations = serializers.DictField(
        child=serializers.CharField(), read_only=True, help_text=TITLE_TRANSLATIONS_HELP
    )

    class Meta:
        model = IndicatorRevision
        fields = [
            "id",
            "indicator",
            "number",
            "title",
            "title_translations",
            "definition",
            "rationale",
            "unit",
            "computation_method",
            "data_sources",
            "custodians",
            "periodicity",
            "tier",
            "is_proxy",
            "limitations",
            "change_summary",
            "sdg_links",
            "objectives",
            "principles",
            "disaggregation_plan",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_principles(self, revision: IndicatorRevision) -> list[int]:
        return [link.principle_id for link in revision.principle_links.all()]


@extend_schema_serializer(examples=[examples.INDICATOR])
class IndicatorSerializer(serializers.ModelSerializer):
    current_revision = RevisionSerializer(read_only=True, allow_null=True)
    merged_into = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="Code of the indicator it was merged into."
    )
    rank = serializers.SerializerMethodField(help_text="Full-text relevance with ?q=; null without a search.")

    class Meta:
        model = Indicator
        fields = ["id", "code", "state", "merged_into", "current_revision", "rank"]
        read_only_fields = fields

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_rank(self, indicator: Indicator) -> float | None:
        return getattr(indicator, "rank", None)


class SdgLinkInput(serializers.Serializer):
    code = serializers.CharField()
    relation = serializers.ChoiceField(choices=SdgRelation.choices, default=SdgRelation.IDENTICAL)


class PlanLineInput(serializers.Serializer):
    dimension = serializers.CharField()
    requirement = serializers.ChoiceField(choices=Requirement.choices, default=Requirement.REQUIRED)
    data_sources = serializers.CharField(required=False, allow_blank=True, default="")


@extend_schema_serializer(examples=[examples.NEW_INDICATOR])
class IndicatorWriteSerializer(serializers.Serializer):
    """A new indicator (with `code`) or a new revision of one: every field not sent keeps its current value."""

    code = serializers.CharField(required=False, max_length=30)
    title = serializers.CharField(max_length=400)
    title_translations = serializers.DictField(
        child=serializers.CharField(max_length=400, allow_blank=True),
        required=False,
        help_text=TITLE_TRANSLATIONS_HELP
        + " Sending it replaces every translation (a blank value removes one); leaving it out keeps the current "
        "revision's translations.",
    )
    definition = serializers.CharField()
    rationale = serializers.CharField()
    primary_objective = serializers.IntegerField(min_value=1, max_value=23)
    other_objectives = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=23), required=False
    )
    unit = serializers.CharField(required=False, allow_blank=True, max_length=200)
    computation_method = serializers.CharField(required=False, allow_blank=True)
    data_sources = serializers.CharField(required=False, allow_blank=True)
    custodians = serializers.CharField(required=False, allow_blank=True, max_length=400)
    periodicity = serializers.ChoiceField(choices=Periodicity.choices, required=False)
    tier = serializers.ChoiceField(choices=Tier.choices, required=False)
    is_proxy = serializers.BooleanField(required=False)
    limitations = serializers.CharField(required=False, allow_blank=True)
    change_summary = serializers.CharField(required=False, allow_blank=True, max_length=400)
    sdg_links = SdgLinkInput(many=True, required=False)
    principles = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=10), required=False)
    plan = PlanLineInput(many=True, required=False)

    def validate_title_translations(self, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(TRANSLATION_LANGUAGES))
        if unknown:
            raise serializers.ValidationError(
                f"Unknown language key(s): {', '.join(unknown)}. Use {', '.join(TRANSLATION_LANGUAGES)}."
            )
        return value

    def revision_data(self, base: RevisionData | None = None) -> RevisionData:
        values = dict(self.validated_data)
        values.pop("code", None)
        if "sdg_links" in values:
            values["sdg_links"] = [(link["code"], link["relation"]) for link in values["sdg_links"]]
        if "plan" in values:
            values["plan"] = [PlanLine(**line) for line in values["plan"]]
        if base is None:
            return RevisionData(**values)
        for name, value in values.items():
            setattr(base, name, value)
        return base


@extend_schema_serializer(examples=[examples.TRANSITION])
class TransitionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(
        choices=["propose", "shortlist", "unshortlist", "withdraw", "reinstate", "merge"]
    )
    merged_into = serializers.CharField(required=False, help_text="Code of the indicator to merge into.")
    note = serializers.CharField(required=False, allow_blank=True, default="")


@extend_schema_serializer(examples=[examples.SET_VERSION])
class SetVersionSerializer(serializers.ModelSerializer):
    is_frozen = serializers.BooleanField(read_only=True)
    items = serializers.SerializerMethodField()

    class Meta:
        model = SetVersion
        fields = ["id", "limited_set", "number", "note", "frozen_at", "is_frozen", "items", "created_at"]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_items(self, version: SetVersion) -> list[dict[str, object]]:
        return [
            {
                "position": item.position,
                "indicator": item.indicator.code,
                "revision": item.revision.number,
                "revision_id": item.revision_id,
                "title": item.revision.title,
            }
            for item in version.items.all()
        ]


@extend_schema_serializer(examples=[examples.LIMITED_SET, examples.NEW_LIMITED_SET])
class LimitedSetSerializer(serializers.ModelSerializer):
    versions = serializers.SerializerMethodField()

    class Meta:
        model = LimitedSet
        fields = ["id", "name", "description", "versions", "created_at"]
        read_only_fields = ["id", "versions", "created_at"]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_versions(self, limited_set: LimitedSet) -> list[int]:
        return [version.pk for version in limited_set.versions.all()]


@extend_schema_serializer(examples=[examples.VERSION_CHANGE])
class VersionChangeSerializer(serializers.Serializer):
    indicator = serializers.CharField(help_text="Indicator code, e.g. GCM-07-2.")


@extend_schema_serializer(examples=[examples.SUGGEST_REQUEST])
class SuggestRequestSerializer(serializers.Serializer):
    k = serializers.IntegerField(min_value=1, max_value=5, default=1, help_text="Cover each objective k times.")
    pinned_in = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    pinned_out = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    time_limit = serializers.FloatField(min_value=0.1, max_value=60, default=10)


class SuggestChoiceSerializer(serializers.Serializer):
    code = serializers.CharField()
    reasons = serializers.ListField(child=serializers.CharField())


@extend_schema_serializer(examples=[examples.SUGGEST_RESPONSE])
class SuggestResponseSerializer(serializers.Serializer):
    method = serializers.CharField(help_text="exact, or greedy when the solver hit its time limit")
    size = serializers.IntegerField()
    chosen = SuggestChoiceSerializer(many=True)
    uncoverable_objectives = serializers.ListField(child=serializers.IntegerField())
    short_objectives = serializers.DictField(
        child=serializers.IntegerField(), help_text="Objective number -> how many of the k coverings are missing"
    )
    elapsed_ms = serializers.FloatField()
