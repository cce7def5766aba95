"""Serializers of the approvals API."""

from django.urls import reverse
from rest_framework import serializers

from approvals.choices import FileFormat, MajorityRule, ReviewMode, VoteChoice
from approvals.conf import MAX_QUORUM, MAX_SILENCE_HOURS
from approvals.models import ApprovalEvent, ApprovalRequest, Publication, Vote
from indicators.models import SetVersion


class VoteSerializer(serializers.ModelSerializer):
    voter = serializers.StringRelatedField()

    class Meta:
        model = Vote
        fields = ["voter", "choice", "reason", "cast_at"]


class EventSerializer(serializers.ModelSerializer):
    actor = serializers.StringRelatedField(allow_null=True)  # the system records some events itself

    class Meta:
        model = ApprovalEvent
        fields = ["at", "actor", "action", "from_state", "to_state", "reason"]


class ApprovalRequestSerializer(serializers.ModelSerializer):
    set_version = serializers.StringRelatedField()
    set_version_id = serializers.IntegerField(read_only=True)
    effective_state = serializers.CharField(read_only=True)
    publication = serializers.SlugRelatedField(slug_field="version", read_only=True)
    votes = VoteSerializer(many=True, read_only=True)
    events = EventSerializer(many=True, read_only=True)

    class Meta:
        model = ApprovalRequest
        fields = [
            "id",
            "set_version",
            "set_version_id",
            "state",
            "effective_state",
            "review_mode",
            "silence_hours",
            "silence_deadline",
            "quorum",
            "majority",
            "note",
            "created_at",
            "submitted_at",
            "review_opened_at",
            "decided_at",
            "publication",
            "votes",
            "events",
        ]
        read_only_fields = fields


class ApprovalRequestCreateSerializer(serializers.Serializer):
    set_version = serializers.PrimaryKeyRelatedField(
        queryset=SetVersion.objects.all(), help_text="Id of the set version to approve."
    )
    review_mode = serializers.ChoiceField(choices=ReviewMode.choices, default=ReviewMode.SILENCE)
    silence_hours = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_SILENCE_HOURS, help_text="At least 72 unless configured."
    )
    quorum = serializers.IntegerField(required=False, min_value=1, max_value=MAX_QUORUM)
    majority = serializers.ChoiceField(choices=MajorityRule.choices, required=False)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(
        help_text="Why: required to object, return or reject.", allow_blank=True, required=False, default=""
    )


class VoteInputSerializer(serializers.Serializer):
    choice = serializers.ChoiceField(choices=VoteChoice.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="Required to object.")


class PublicationSerializer(serializers.ModelSerializer):
    set_name = serializers.CharField(source="set_version.limited_set.name", read_only=True)
    set_version_number = serializers.IntegerField(source="set_version.number", read_only=True)
    url = serializers.SerializerMethodField()
    downloads = serializers.SerializerMethodField()

    class Meta:
        model = Publication
        fields = [
            "version",
            "published_at",
            "set_name",
            "set_version_number",
            "indicator_count",
            "sha256",
            "url",
            "downloads",
        ]

    def get_url(self, publication: Publication) -> str:
        return reverse("api:approvals:publication-detail", args=[publication.version])

    def get_downloads(self, publication: Publication) -> dict[str, str]:
        return {
            fmt: reverse("approvals:publication-download", args=[publication.version, fmt])
            for fmt in FileFormat.values
        }


class PublishedIndicatorSerializer(serializers.Serializer):
    """An indicator as the snapshot records it (documentation of the shape; the data are served as stored)."""

    code = serializers.CharField()
    revision = serializers.IntegerField()
    title = serializers.CharField(help_text="The title in English.")
    titles = serializers.DictField(
        child=serializers.CharField(),
        required=False,
        help_text="The title by language (en, fr, es, ar, zh, ru) where translated; absent in publications made "
        "before translations were recorded.",
    )
    definition = serializers.CharField()
    rationale = serializers.CharField()
    unit = serializers.CharField()
    tier = serializers.CharField()
    is_proxy = serializers.BooleanField()
    custodians = serializers.ListField(child=serializers.CharField())
    primary_objective = serializers.IntegerField(allow_null=True)
    gcm_objectives = serializers.ListField(child=serializers.DictField())
    sdg_indicators = serializers.ListField(child=serializers.DictField())
    disaggregation = serializers.ListField(child=serializers.DictField())
