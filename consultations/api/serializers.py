from typing import Any

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from consultations import permissions
from consultations.api import examples
from consultations.choices import CommentKind, Outcome, Stance
from consultations.models import Comment, Disposition, Round, Submission
from consultations.rendering import render_markdown
from indicators.models import IndicatorRevision


@extend_schema_serializer(examples=[examples.ROUND])
class RoundSerializer(serializers.ModelSerializer):
    state = serializers.SerializerMethodField(
        help_text="The state now: an open round past its deadline is closed."
    )
    accepting_comments = serializers.SerializerMethodField()
    criteria = serializers.SerializerMethodField()

    class Meta:
        model = Round
        fields = [
            "id",
            "title",
            "instructions",
            "set_version",
            "state",
            "opens_at",
            "closes_at",
            "accepting_comments",
            "criteria",
            "green_max_oppose",
            "grey_min_oppose",
            "hide_organisation_names",
        ]

    def get_state(self, round_: Round) -> str:
        return round_.state_at(timezone.now())

    def get_accepting_comments(self, round_: Round) -> bool:
        return round_.is_open_at(timezone.now())

    @extend_schema_field(
        {
            "type": "array",
            "items": {"type": "object", "properties": {"key": {"type": "string"}, "label": {"type": "string"}}},
        }
    )
    def get_criteria(self, round_: Round) -> list[dict[str, str]]:
        return [{"key": key, "label": label} for key, label in round_.criteria_with_labels()]


@extend_schema_serializer(examples=[examples.DISPOSITION])
class DispositionSerializer(serializers.ModelSerializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    implemented_by = serializers.PrimaryKeyRelatedField(
        queryset=IndicatorRevision.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Disposition
        fields = ["outcome", "reason", "implemented_by", "decided_at"]
        read_only_fields = ["decided_at"]


@extend_schema_serializer(examples=[examples.COMMENT, examples.NEW_COMMENT])
class CommentSerializer(serializers.ModelSerializer):
    """A comment; write `revision` (an indicator revision id of the round's version, or null for the whole set)."""

    # An id checked by the service against the round's (cached, frozen) version: no query per request.
    revision = serializers.IntegerField(source="revision_id", allow_null=True, required=False)
    kind = serializers.ChoiceField(choices=CommentKind.choices, default=CommentKind.GENERAL)
    stance = serializers.ChoiceField(choices=Stance.choices, default=Stance.NO_OPINION)
    # Lengths are checked by the service, whose message says how long the text may be.
    text = serializers.CharField(trim_whitespace=True, allow_blank=True)
    proposed_change = serializers.CharField(required=False, allow_blank=True, default="")
    ratings = serializers.DictField(child=serializers.IntegerField(min_value=1, max_value=5), required=False)
    organisation = serializers.SerializerMethodField()
    submission_state = serializers.CharField(source="submission.state", read_only=True)
    text_html = serializers.SerializerMethodField()
    disposition = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = [
            "id",
            "submission",
            "submission_state",
            "organisation",
            "revision",
            "kind",
            "stance",
            "text",
            "text_html",
            "proposed_change",
            "ratings",
            "disposition",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["submission", "created_at", "updated_at"]

    def get_organisation(self, comment: Comment) -> str | None:
        user = self.context["request"].user
        organisation = comment.submission.organisation
        if organisation.pk == getattr(user, "organisation_id", None) or permissions.can_see_organisation_names(
            user, comment.submission.round
        ):
            return organisation.name
        return None

    def get_text_html(self, comment: Comment) -> str:
        return render_markdown(comment.text)

    @extend_schema_field(DispositionSerializer(allow_null=True))
    def get_disposition(self, comment: Comment) -> dict[str, Any] | None:
        disposition = getattr(comment, "disposition", None)
        return DispositionSerializer(disposition).data if disposition else None


@extend_schema_serializer(examples=[examples.SUBMISSION])
class SubmissionSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    comments = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = ["id", "round", "organisation", "state", "supersedes", "submitted_by", "submitted_at", "comments"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.INT)
    def get_comments(self, submission: Submission) -> int:
        return len(submission.comments.all())
