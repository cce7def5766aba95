from datetime import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from accounts.choices import OrganisationKind, Region
from accounts.models import Organisation
from consultations import conf
from consultations.choices import (
    CommentKind,
    JobKind,
    JobState,
    Outcome,
    RoundState,
    Stance,
    SubmissionState,
)
from consultations.permissions import can_manage_rounds_for, can_submit_for


def _default_criteria() -> list[str]:
    return list(conf.DEFAULT_CRITERIA)


class Round(FSMModelMixin, models.Model):
    """A consultation round: stakeholders comment on one frozen version of the limited set between two dates.

    Time decides: the round accepts comments only while `opens_at <= now < closes_at` and it is open; the
    `state` field records what the co-leads and the tidy-up jobs have done.
    """

    set_version = models.ForeignKey(
        "indicators.SetVersion", verbose_name=_("set version"), on_delete=models.PROTECT, related_name="rounds"
    )
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(_("instructions"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    state = FSMField(
        _("state"), default=RoundState.PLANNED, choices=RoundState.choices, protected=True, max_length=20
    )
    audience_kinds = ArrayField(
        models.CharField(max_length=40, choices=OrganisationKind.choices),
        verbose_name=_("audience: organisation kinds"),
        default=list,
        blank=True,
        help_text=_("Empty: every kind."),
    )
    audience_regions = ArrayField(
        models.CharField(max_length=3, choices=Region.choices),
        verbose_name=_("audience: regions"),
        default=list,
        blank=True,
        help_text=_("Empty: every region."),
    )
    invited_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("invited organisations"), blank=True, related_name="consultation_rounds"
    )
    criteria = models.JSONField(_("criteria"), default=_default_criteria, blank=True)
    green_max_oppose = models.DecimalField(
        _("green up to this share opposing"),
        max_digits=3,
        decimal_places=2,
        default=conf.DEFAULT_GREEN_MAX_OPPOSE,
        help_text=_("A candidate is green when at most this share of responding organisations oppose."),
    )
    grey_min_oppose = models.DecimalField(
        _("grey from this share opposing"),
        max_digits=3,
        decimal_places=2,
        default=conf.DEFAULT_GREY_MIN_OPPOSE,
        help_text=_("A candidate is grey when at least this share of responding organisations oppose."),
    )
    hide_organisation_names = models.BooleanField(_("hide organisation names"), default=False)
    synthesis = models.JSONField(_("synthesis"), null=True, blank=True, editable=False)
    synthesised_at = models.DateTimeField(_("synthesised at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-closes_at", "-pk"]
        verbose_name = _("consultation round")
        verbose_name_plural = _("consultation rounds")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="round_closes_after_it_opens",
                violation_error_message=_("A round must close after it opens."),
            ),
            models.CheckConstraint(
                condition=models.Q(green_max_oppose__gte=0)
                & models.Q(grey_min_oppose__lte=1)
                & models.Q(green_max_oppose__lt=models.F("grey_min_oppose")),
                name="round_thresholds_ordered",
                violation_error_message=_("The green threshold must be below the grey threshold, both 0 to 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:round_detail", kwargs={"pk": self.pk})

    # --- Time decides ---------------------------------------------------------------------------------------

    def is_open_at(self, when: datetime) -> bool:
        """True when the round accepts comments and submissions at `when`, whatever the beat jobs have done."""
        return self.state == RoundState.OPEN and self.opens_at <= when < self.closes_at

    def has_closed_at(self, when: datetime) -> bool:
        return self.state in (RoundState.CLOSED, RoundState.SYNTHESISED) or (
            self.state == RoundState.OPEN and when >= self.closes_at
        )

    def state_at(self, when: datetime) -> str:
        """The state a person should see at `when`: an open round past its deadline reads as closed."""
        if self.state == RoundState.OPEN and when >= self.closes_at:
            return RoundState.CLOSED
        return self.state

    def criteria_with_labels(self) -> list[tuple[str, str]]:
        return [
            (key, str(conf.CRITERION_LABELS.get(key, key.replace("_", " ").capitalize())))
            for key in self.criteria or []
        ]

    def invites(self, organisation: Organisation | None) -> bool:
        """Whether the organisation is among the invited organisations or in the round's audience.

        A round with neither invited organisations nor an audience is open to every organisation.
        """
        if organisation is None:
            return False
        invited = self._invited_ids()
        if organisation.pk in invited:
            return True
        if not self.audience_kinds and not self.audience_regions:
            return not invited
        return (not self.audience_kinds or organisation.kind in self.audience_kinds) and (
            not self.audience_regions or organisation.region in self.audience_regions
        )

    def _invited_ids(self) -> frozenset[int]:
        # One query per round object, also when the invitation list was prefetched.
        if "invited_organisations" in getattr(self, "_prefetched_objects_cache", {}):
            return frozenset(o.pk for o in self.invited_organisations.all())
        if not hasattr(self, "_invited_cache"):
            through = Round.invited_organisations.through
            self._invited_cache = frozenset(
                through.objects.filter(round_id=self.pk).values_list("organisation_id", flat=True)
            )
        return self._invited_cache

    # --- Transitions (pure: side effects live in consultations.services) ------------------------------------

    def _closes_later(self) -> bool:
        return self.closes_at > self.opens_at

    @transition(
        field=state,
        source=RoundState.PLANNED,
        target=RoundState.OPEN,
        conditions=[_closes_later],
        permission=lambda round_, user: can_manage_rounds_for(user),
    )
    def open(self) -> None:
        """Open the round for comments."""

    @transition(
        field=state,
        source=RoundState.OPEN,
        target=RoundState.CLOSED,
        permission=lambda round_, user: can_manage_rounds_for(user),
    )
    def close(self) -> None:
        """Close the round: no comment or submission is accepted any more."""

    @transition(
        field=state,
        source=[RoundState.CLOSED, RoundState.SYNTHESISED],
        target=RoundState.SYNTHESISED,
        permission=lambda round_, user: can_manage_rounds_for(user),
    )
    def mark_synthesised(self) -> None:
        """Record that the synthesis has been computed (again)."""


class Submission(FSMModelMixin, models.Model):
    """An organisation's position in one round: drafted by its members, submitted once by its focal point.

    Once submitted it never changes (a PostgreSQL trigger refuses updates and deletes); a correction is a new
    submission that `supersedes` the previous one, and both are kept.
    """

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.PROTECT, related_name="submissions")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="submissions"
    )
    state = FSMField(
        _("state"), default=SubmissionState.DRAFT, choices=SubmissionState.choices, protected=True, max_length=20
    )
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round", "organisation__name", "-pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"],
                condition=models.Q(state=SubmissionState.DRAFT),
                name="one_draft_per_organisation_and_round",
                violation_error_message=_("The organisation already has a draft in this round."),
            ),
            models.CheckConstraint(
                condition=models.Q(state=SubmissionState.DRAFT)
                | (models.Q(submitted_by__isnull=False) & models.Q(submitted_at__isnull=False)),
                name="submitted_submission_names_who_and_when",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.round}"

    @property
    def is_submitted(self) -> bool:
        return self.state == SubmissionState.SUBMITTED

    @transition(
        field=state,
        source=SubmissionState.DRAFT,
        target=SubmissionState.SUBMITTED,
        permission=lambda submission, user: can_submit_for(user, submission.organisation),
    )
    def submit(self) -> None:
        """The focal point submits the organisation's official position."""


class Comment(models.Model):
    """One remark of an organisation on an indicator revision of the consulted version, or on the set as a whole.

    Text and proposed change are plain text or a safe Markdown subset, sanitised when rendered.
    """

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="comments"
    )
    revision = models.ForeignKey(
        "indicators.IndicatorRevision",
        verbose_name=_("indicator revision"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_comments",
        help_text=_("Empty: a comment on the set as a whole."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=CommentKind.choices, default=CommentKind.GENERAL)
    stance = models.CharField(_("stance"), max_length=30, choices=Stance.choices, default=Stance.NO_OPINION)
    text = models.TextField(_("comment"), max_length=conf.COMMENT_TEXT_MAX)
    proposed_change = models.TextField(_("proposed change"), max_length=conf.PROPOSED_CHANGE_MAX, blank=True)
    ratings = models.JSONField(_("ratings"), default=dict, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["submission", "revision_id", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("text"), conf.COMMENT_TEXT_MAX), name="comment_text_length"
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("proposed_change"), conf.PROPOSED_CHANGE_MAX),
                name="comment_proposed_change_length",
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="comment_text_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.submission.organisation} · {self.get_stance_display()}"

    @property
    def round(self) -> Round:
        return self.submission.round


class Disposition(models.Model):
    """The co-leads' answer to one comment: the outcome, why, and the revision that implemented it."""

    comment = models.OneToOneField(
        Comment, verbose_name=_("comment"), on_delete=models.PROTECT, related_name="disposition"
    )
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices)
    reason = models.TextField(_("reason"), max_length=conf.DISPOSITION_REASON_MAX, blank=True)
    implemented_by = models.ForeignKey(
        "indicators.IndicatorRevision",
        verbose_name=_("implemented by revision"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implemented_dispositions",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now=True)

    class Meta:
        ordering = ["comment"]
        verbose_name = _("disposition")
        verbose_name_plural = _("dispositions")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.comment_id}"


class RoundJob(models.Model):
    """A long piece of work on a round run by a Celery worker (synthesis, matrix export), with its progress."""

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(_("kind"), max_length=20, choices=JobKind.choices)
    state = models.CharField(_("state"), max_length=20, choices=JobState.choices, default=JobState.PENDING)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    result = models.BinaryField(null=True, blank=True, editable=False)
    filename = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("round job")
        verbose_name_plural = _("round jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.round}"

    @property
    def percent(self) -> int:
        if self.state == JobState.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0
