"""Every status and kind of the consultations app. Values are language-independent slugs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoundState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    SYNTHESISED = "synthesised", _("Synthesised")


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class CommentKind(models.TextChoices):
    GENERAL = "general", _("General")
    TECHNICAL = "technical", _("Technical")
    EDITORIAL = "editorial", _("Editorial")


class Stance(models.TextChoices):
    SUPPORT = "support", _("Support")
    SUPPORT_WITH_CHANGES = "support_with_changes", _("Support with changes")
    OPPOSE = "oppose", _("Oppose")
    NO_OPINION = "no_opinion", _("No opinion")


class Outcome(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTIALLY_ACCEPTED = "partially_accepted", _("Partially accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    NOTED = "noted", _("Noted")
    OUT_OF_SCOPE = "out_of_scope", _("Out of scope")


class Classification(models.TextChoices):
    """The traffic light of a candidate after a round, after the IAEG-SDGs' practice in 2015."""

    GREEN = "green", _("Green")
    YELLOW = "yellow", _("Yellow")
    GREY = "grey", _("Grey")


class Constituency(models.TextChoices):
    """How the synthesis groups organisations."""

    MEMBER_STATES = "member_states", _("Member States")
    UN_ENTITIES = "un_entities", _("UN entities")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    OTHERS = "others", _("Others")


class JobKind(models.TextChoices):
    SYNTHESIS = "synthesis", _("Synthesis")
    MATRIX_XLSX = "matrix_xlsx", _("Resolution matrix (XLSX)")
    MATRIX_CSV = "matrix_csv", _("Resolution matrix (CSV)")


class JobState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
