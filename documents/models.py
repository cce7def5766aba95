"""Documents generated from the workbench: the annex, the disaggregation evidence, the consultation report and the
Hub package, each stored with what it describes; and the private tokens of the per-user calendar feeds.

A finished document is never changed: a PostgreSQL trigger (migration 0002) refuses any UPDATE of a row whose
state is `done`. A new document is generated instead.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from documents.choices import PUBLICATION_KINDS, ROUND_KINDS, ArchiveFormat, DocumentKind, DocumentState, Language


class Document(FSMModelMixin, models.Model):
    """One generated document (PDF and DOCX or ZIP) describing a publication or a consultation round.

    `publication_version`, `publication_sha256` and `document_date` are what the document prints, copied when it
    is generated so that the row says exactly what its bytes say.
    """

    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices, default=Language.ENGLISH)
    publication = models.ForeignKey(
        "approvals.Publication",
        verbose_name=_("publication"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    round = models.ForeignKey(
        "consultations.Round",
        verbose_name=_("consultation round"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    state = FSMField(
        _("state"), max_length=10, choices=DocumentState.choices, default=DocumentState.QUEUED, protected=True
    )
    progress_done = models.PositiveIntegerField(_("steps done"), default=0)
    progress_total = models.PositiveIntegerField(_("steps in all"), default=0)
    pdf = models.BinaryField(_("PDF"), null=True, blank=True, editable=False)
    archive = models.BinaryField(_("DOCX or ZIP"), null=True, blank=True, editable=False)
    archive_format = models.CharField(
        _("second file"), max_length=4, choices=ArchiveFormat.choices, default=ArchiveFormat.DOCX
    )
    publication_version = models.CharField(_("publication version"), max_length=12, blank=True)
    publication_sha256 = models.CharField(_("publication SHA-256"), max_length=64, blank=True)
    document_date = models.DateField(_("document date"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind__in=PUBLICATION_KINDS, publication__isnull=False, round__isnull=True)
                    | models.Q(kind__in=ROUND_KINDS, round__isnull=False, publication__isnull=True)
                ),
                name="document_describes_its_subject",
                violation_error_message=_(
                    "A consultation report describes a round; other documents a publication."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(progress_done__lte=models.F("progress_total")) | models.Q(progress_total=0),
                name="document_progress_within_total",
            ),
            models.CheckConstraint(
                condition=~models.Q(state=DocumentState.DONE) | models.Q(pdf__isnull=False, archive__isnull=False),
                name="document_done_has_files",
            ),
        ]
        indexes = [models.Index(fields=["kind", "state"], name="document_kind_state_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.subject_label}, {self.language})"

    @property
    def subject_label(self) -> str:
        if self.publication_id:
            return self.publication_version or str(self.publication)
        return str(self.round) if self.round_id else ""

    @property
    def percent(self) -> int:
        if self.state == DocumentState.DONE:
            return 100
        return int(100 * self.progress_done / self.progress_total) if self.progress_total else 0

    @property
    def is_finished(self) -> bool:
        return self.state in (DocumentState.DONE, DocumentState.FAILED)

    def filename(self, extension: str) -> str:
        subject = self.publication_version or f"round-{self.round_id}"
        return f"gcm-{self.kind.replace('_', '-')}-{subject}-{self.language}.{extension}"

    # --- Transitions: pure; documents.services calls them and stores the files. ---

    @transition(field=state, source=DocumentState.QUEUED, target=DocumentState.RUNNING)
    def start(self) -> None:
        """A worker has picked the document up."""

    @transition(field=state, source=DocumentState.RUNNING, target=DocumentState.DONE)
    def finish(self) -> None:
        """Both files are stored."""

    @transition(field=state, source=[DocumentState.QUEUED, DocumentState.RUNNING], target=DocumentState.FAILED)
    def fail(self) -> None:
        """Generation raised an error; the message is kept in `error`."""


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The private token in a user's iCalendar feed URL; issuing a new one revokes the old address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("issued"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self) -> str:
        return str(self.user)
