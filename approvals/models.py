"""Decisions of the Executive Committee on a frozen set version, and the publications they produce.

An `ApprovalRequest` carries one frozen set version through draft -> submitted -> in_review -> approved |
returned | rejected, and approved -> published. Every step, vote and objection is an `ApprovalEvent`; votes,
events, publications and their files are append-only: PostgreSQL triggers (migration 0002) refuse UPDATE and
DELETE on them, whatever code path sends it.
"""

from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from approvals import permissions
from approvals.choices import (
    FILE_EXTENSIONS,
    Action,
    FileFormat,
    MajorityRule,
    RequestState,
    ReviewMode,
    VoteChoice,
)
from config.errors import Immutable

REASON_REQUIRED = [Action.OBJECT, Action.RETURN, Action.REJECT]


def _permission(predicate: Callable[..., bool]) -> Callable[["ApprovalRequest", object], bool]:
    """Adapt a `(user, request)` predicate to django-fsm's `(instance, user)` permission call."""
    return lambda instance, user: predicate(user, instance)


class ApprovalRequest(FSMModelMixin, models.Model):
    """A request that the Executive Committee approve one frozen set version, by vote or silence procedure.

    A returned or rejected request stays as it is; the co-leads make a new set version and a new request.
    """

    set_version = models.ForeignKey(
        "indicators.SetVersion",
        verbose_name=_("set version"),
        on_delete=models.PROTECT,
        related_name="approval_requests",
    )
    state = FSMField(
        _("state"), max_length=20, choices=RequestState.choices, default=RequestState.DRAFT, protected=True
    )
    review_mode = models.CharField(
        _("review mode"), max_length=20, choices=ReviewMode.choices, default=ReviewMode.SILENCE
    )
    silence_hours = models.PositiveIntegerField(
        _("silence procedure length (hours)"), default=72, help_text=_("At least 72 hours unless configured.")
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum"), default=9, help_text=_("Votes needed before a vote is decided.")
    )
    majority = models.CharField(
        _("majority rule"), max_length=20, choices=MajorityRule.choices, default=MajorityRule.NO_OBJECTION
    )
    note = models.TextField(_("note to the Committee"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    review_opened_at = models.DateTimeField(_("review opened"), null=True, blank=True)
    silence_deadline = models.DateTimeField(_("silence deadline"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("approval request")
        verbose_name_plural = _("approval requests")
        constraints = [
            models.UniqueConstraint(
                fields=["set_version"],
                condition=~models.Q(state__in=[RequestState.RETURNED, RequestState.REJECTED]),
                name="one_live_request_per_set_version",
                violation_error_message=_("This set version already has an approval request under way."),
            ),
            models.CheckConstraint(condition=models.Q(quorum__gte=1), name="approval_quorum_at_least_one"),
            models.CheckConstraint(
                condition=~models.Q(state=RequestState.IN_REVIEW, review_mode=ReviewMode.SILENCE)
                | models.Q(silence_deadline__isnull=False),
                name="silence_review_has_deadline",
            ),
        ]
        indexes = [models.Index(fields=["state", "silence_deadline"], name="approval_due_idx")]

    def __str__(self) -> str:
        return str(_("Approval of {version}")).format(version=self.set_version)

    # --- Time decides: the effective state of a silence procedure past its deadline is approved. ---

    def silence_has_ended(self, when: datetime | None = None) -> bool:
        return (
            self.review_mode == ReviewMode.SILENCE
            and self.state == RequestState.IN_REVIEW
            and self.silence_deadline is not None
            and (when or timezone.now()) >= self.silence_deadline
        )

    @property
    def effective_state(self) -> str:
        """The state as time has decided it, even before a job has recorded the approval."""
        return RequestState.APPROVED if self.silence_has_ended() else self.state

    def get_effective_state_display(self) -> str:
        return str(RequestState(self.effective_state).label)

    # --- Conditions (pure reads) ---

    def set_version_is_frozen(self) -> bool:
        return self.set_version.is_frozen

    def consultation_is_complete(self) -> bool:
        from approvals.selectors import submission_blockers

        return not submission_blockers(self.set_version)

    def review_approves(self) -> bool:
        """The silence deadline has passed, or the quorum has voted and the majority rule is met."""
        if self.review_mode == ReviewMode.SILENCE:
            return self.silence_has_ended()
        return self.vote_outcome() == RequestState.APPROVED

    def vote_outcome(self) -> str | None:
        """approved or returned once the quorum of votes is cast; None while the vote is still open."""
        counts = dict.fromkeys(VoteChoice.values, 0)
        for choice in self.votes.values_list("choice", flat=True):
            counts[choice] += 1
        if sum(counts.values()) < self.quorum:
            return None
        approve, against = counts[VoteChoice.APPROVE], counts[VoteChoice.OBJECT]
        if self.majority == MajorityRule.NO_OBJECTION:
            passed = against == 0
        elif self.majority == MajorityRule.SIMPLE:
            passed = approve > against
        else:
            passed = approve * 3 >= (approve + against) * 2 and approve > 0
        return RequestState.APPROVED if passed else RequestState.RETURNED

    def has_publication(self) -> bool:
        """The snapshot is written before the request moves to published."""
        return Publication.objects.filter(request_id=self.pk).exists()

    # --- Transitions: pure; approvals.services calls them and writes events, votes and publications. ---

    @transition(
        field=state,
        source=RequestState.DRAFT,
        target=RequestState.SUBMITTED,
        conditions=[set_version_is_frozen, consultation_is_complete],
        permission=_permission(permissions.can_submit),
    )
    def submit(self) -> None:
        """The co-leads hand the set version to the Executive Committee."""

    @transition(
        field=state,
        source=RequestState.SUBMITTED,
        target=RequestState.IN_REVIEW,
        permission=_permission(permissions.can_open_review),
    )
    def open_review(self) -> None:
        """The request circulates to the ExCom: votes open, or the silence procedure starts."""

    @transition(
        field=state,
        source=RequestState.IN_REVIEW,
        target=RequestState.APPROVED,
        conditions=[review_approves],
    )
    def approve(self) -> None:
        """Approved by the quorum's votes or by silence at the deadline (never by one person's button)."""

    @transition(
        field=state,
        source=[RequestState.SUBMITTED, RequestState.IN_REVIEW],
        target=RequestState.RETURNED,
        permission=_permission(permissions.can_record_decision),
    )
    def return_to_co_leads(self) -> None:
        """Back to the co-leads, who make a new set version and a new request (also after an objection)."""

    @transition(
        field=state,
        source=[RequestState.SUBMITTED, RequestState.IN_REVIEW],
        target=RequestState.REJECTED,
        permission=_permission(permissions.can_record_decision),
    )
    def reject(self) -> None:
        """The Committee rejects the set version."""

    @transition(
        field=state, source=RequestState.APPROVED, target=RequestState.PUBLISHED, conditions=[has_publication]
    )
    def publish(self) -> None:
        """The approved set version becomes a publication."""


class AppendOnly(models.Model):
    """Rows written once: saving an existing row or deleting one is refused here, and by PostgreSQL anyway."""

    class Meta:
        abstract = True

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise Immutable(
                str(_("{record} is part of the approval record and can never change.")).format(record=self)
            )
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise Immutable(
            str(_("{record} is part of the approval record and can never be deleted.")).format(record=self)
        )


class Vote(AppendOnly):
    """One ExCom member's vote on a request under the vote procedure: approve, object or abstain."""

    request = models.ForeignKey(ApprovalRequest, on_delete=models.PROTECT, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voter"), on_delete=models.PROTECT, related_name="+"
    )
    choice = models.CharField(_("vote"), max_length=10, choices=VoteChoice.choices)
    reason = models.TextField(_("reason"), blank=True)
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)

    class Meta:
        ordering = ["cast_at", "id"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "voter"],
                name="one_vote_per_member",
                violation_error_message=_("Each ExCom member votes once on a request."),
            ),
            models.CheckConstraint(
                condition=~models.Q(choice=VoteChoice.OBJECT) | ~models.Q(reason=""),
                name="objection_vote_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.voter}: {self.get_choice_display()}"


class ApprovalEvent(AppendOnly):
    """One line of the append-only audit trail: who did what to a request, when, from which state to which.

    `actor` is empty when time decided (a silence procedure reaching its deadline).
    """

    request = models.ForeignKey(ApprovalRequest, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_state = models.CharField(_("from"), max_length=20, choices=RequestState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=20, choices=RequestState.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("approval event")
        verbose_name_plural = _("approval events")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(action__in=REASON_REQUIRED) | ~models.Q(reason=""),
                name="approval_event_reason_required",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"


class Publication(AppendOnly):
    """An approved set version as an immutable, citable release (`2026.1`).

    `snapshot` holds the canonical JSON bytes (UTF-8 text, sorted keys, no spaces) written once at
    publication, and `sha256` their digest; both are served as they are, never re-serialised.
    """

    version = models.CharField(_("version"), max_length=12, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("number in the year"))
    request = models.OneToOneField(
        ApprovalRequest, verbose_name=_("approval request"), on_delete=models.PROTECT, related_name="publication"
    )
    set_version = models.ForeignKey(
        "indicators.SetVersion", verbose_name=_("set version"), on_delete=models.PROTECT, related_name="+"
    )
    previous = models.ForeignKey(
        "self", verbose_name=_("previous publication"), on_delete=models.PROTECT, null=True, blank=True
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    indicator_count = models.PositiveIntegerField(_("indicators"), default=0)
    snapshot = models.TextField(_("canonical JSON snapshot"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    change_log = models.JSONField(_("changes against the previous publication"), default=dict)

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = ["published_at", "id"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="publication_number_unique_per_year"),
            models.CheckConstraint(condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"), name="publication_sha256"),
            models.CheckConstraint(
                condition=models.Q(version__regex=r"^[0-9]{4}\.[1-9][0-9]*$"), name="publication_version_format"
            ),
        ]

    def __str__(self) -> str:
        return self.version

    @property
    def snapshot_bytes(self) -> bytes:
        return self.snapshot.encode("utf-8")


def publication_filename(version: str, fmt: str) -> str:
    """`gcm-indicators-2026.1.csv`; the SDMX-ML message is an `.xml` file."""
    return f"gcm-indicators-{version}.{FILE_EXTENSIONS.get(fmt, fmt)}"


class PublicationFile(AppendOnly):
    """A download of a publication (CSV, XLSX, JSON or SDMX-ML), built once by a Celery task from the snapshot."""

    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="files")
    format = models.CharField(_("format"), max_length=10, choices=FileFormat.choices)
    content = models.BinaryField(_("content"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    built_at = models.DateTimeField(_("built"), default=timezone.now)

    class Meta:
        ordering = ["publication", "format"]
        verbose_name = _("publication file")
        verbose_name_plural = _("publication files")
        constraints = [
            models.UniqueConstraint(fields=["publication", "format"], name="one_file_per_format"),
        ]

    def __str__(self) -> str:
        return f"{self.publication.version}.{self.format}"

    @property
    def filename(self) -> str:
        return publication_filename(self.publication.version, self.format)
