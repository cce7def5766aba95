"""Every status and kind used by the indicators app. Values are language-independent slugs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CANDIDATE = "candidate", _("Candidate")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    MERGED = "merged", _("Merged")


class Tier(models.TextChoices):
    """Data availability, as the IAEG-SDGs tier classification."""

    TIER_1 = "tier_1", _("Tier I")
    TIER_2 = "tier_2", _("Tier II")
    TIER_3 = "tier_3", _("Tier III")
    NOT_ASSESSED = "not_assessed", _("Not assessed")


class Periodicity(models.TextChoices):
    ANNUAL = "annual", _("Annual")
    BIENNIAL = "biennial", _("Every two years")
    FIVE_YEARLY = "five_yearly", _("Every five years")
    DECENNIAL = "decennial", _("Every ten years (census)")
    IRREGULAR = "irregular", _("Irregular")


class SdgRelation(models.TextChoices):
    IDENTICAL = "identical", _("Identical")
    ADAPTED = "adapted", _("Adapted")
    PROXY = "proxy", _("Proxy")
    COMPLEMENTARY = "complementary", _("Complementary")


class Requirement(models.TextChoices):
    REQUIRED = "required", _("Required")
    RECOMMENDED = "recommended", _("Recommended")


class SuggestMethod(models.TextChoices):
    EXACT = "exact", _("Exact (integer program)")
    GREEDY = "greedy", _("Greedy fallback (the solver hit its time limit)")
