"""Settings of the consultations app, with defaults; each may be overridden in Django settings."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# The criteria on which a round asks for ratings from 1 to 5, unless the round names its own (by key).
CRITERION_LABELS = {
    "relevance": _("Relevance to the objective"),
    "soundness": _("Methodological soundness"),
    "availability": _("Data availability"),
    "disaggregation": _("Feasibility of disaggregation"),
}
DEFAULT_CRITERIA = list(CRITERION_LABELS)
COMMENT_TEXT_MAX = getattr(settings, "CONSULTATIONS_COMMENT_TEXT_MAX", 5000)
PROPOSED_CHANGE_MAX = getattr(settings, "CONSULTATIONS_PROPOSED_CHANGE_MAX", 3000)
DISPOSITION_REASON_MAX = getattr(settings, "CONSULTATIONS_DISPOSITION_REASON_MAX", 3000)
# Share of responding organisations opposing: green at or below the first, grey at or above the second.
DEFAULT_GREEN_MAX_OPPOSE = 0.25
DEFAULT_GREY_MIN_OPPOSE = 0.50
# Reminders go this many days before a round closes.
REMINDER_DAYS = (7, 1)
