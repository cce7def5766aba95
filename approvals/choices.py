"""Every state and kind in approvals, as language-independent slugs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestState(models.TextChoices):
    """The life of an approval request: draft -> submitted -> in_review -> approved | returned | rejected."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")
    REJECTED = "rejected", _("Rejected")
    PUBLISHED = "published", _("Published")


class ReviewMode(models.TextChoices):
    """How the Executive Committee decides on a request."""

    VOTE = "vote", _("Vote")
    SILENCE = "silence", _("Silence procedure")


class MajorityRule(models.TextChoices):
    """When a vote approves, once the quorum of votes is cast."""

    NO_OBJECTION = "no_objection", _("No objection")
    SIMPLE = "simple", _("Simple majority of votes cast for or against")
    TWO_THIRDS = "two_thirds", _("Two-thirds majority of votes cast for or against")


class VoteChoice(models.TextChoices):
    APPROVE = "approve", _("Approve")
    OBJECT = "object", _("Object")
    ABSTAIN = "abstain", _("Abstain")


class Action(models.TextChoices):
    """What happened to a request; one audit event each."""

    CREATE = "create", _("Created")
    SUBMIT = "submit", _("Submitted")
    OPEN_REVIEW = "open_review", _("Review opened")
    VOTE = "vote", _("Voted")
    OBJECT = "object", _("Objected")
    APPROVE = "approve", _("Approved")
    RETURN = "return", _("Returned")
    REJECT = "reject", _("Rejected")
    PUBLISH = "publish", _("Published")


class FileFormat(models.TextChoices):
    """The downloads of a publication. SDMX-ML is an SDMX 2.1 structure message (code lists), saved as .xml."""

    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"
    JSON = "json", "JSON"
    SDMX = "sdmx", "SDMX-ML"


# File name extension and content type of each download, where they differ from the format's slug.
FILE_EXTENSIONS = {FileFormat.SDMX: "xml"}
SDMX_CONTENT_TYPE = "application/xml"
