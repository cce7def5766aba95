"""Every kind and state of the documents app, as language-independent slugs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    """What a generated document is; the first three and the Hub package describe a publication or a round."""

    ANNEX = "annex", _("Annex of the proposed set")
    DISAGGREGATION_EVIDENCE = "disaggregation_evidence", _("Data-disaggregation evidence")
    CONSULTATION_REPORT = "consultation_report", _("Consultation report")
    HUB_PACKAGE = "hub_package", _("Migration Network Hub package")


class DocumentState(models.TextChoices):
    """queued -> running -> done | failed. A failed document is requested again as a new row."""

    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Generating")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class Language(models.TextChoices):
    """The six official UN languages a document can be typeset in (Django language codes)."""

    ARABIC = "ar", "العربية"
    CHINESE = "zh-hans", "中文"
    ENGLISH = "en", "English"
    FRENCH = "fr", "Français"
    RUSSIAN = "ru", "Русский"
    SPANISH = "es", "Español"


class ArchiveFormat(models.TextChoices):
    """The second file of a document: a Word file, or a ZIP for the Hub package."""

    DOCX = "docx", "DOCX"
    ZIP = "zip", "ZIP"


ROUND_KINDS = [DocumentKind.CONSULTATION_REPORT]
PUBLICATION_KINDS = [DocumentKind.ANNEX, DocumentKind.DISAGGREGATION_EVIDENCE, DocumentKind.HUB_PACKAGE]
