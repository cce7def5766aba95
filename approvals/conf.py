"""Settings of the approvals app, read when used so that deployments and tests can change them.

APPROVALS_SILENCE_HOURS      default length of a silence procedure (72)
APPROVALS_MIN_SILENCE_HOURS  shortest silence procedure a request may set (72)
APPROVALS_VOTE_QUORUM        votes needed before a vote is decided (9: every ExCom member)
APPROVALS_VOTE_MAJORITY      rule applied once the quorum is reached (`no_objection`)
"""

from django.conf import settings

from approvals.choices import MajorityRule

# Bounds of what a request may ask for: a silence procedure of at most 60 days, a quorum of at most 100.
MAX_SILENCE_HOURS = 24 * 60
MAX_QUORUM = 100


def silence_hours() -> int:
    return int(getattr(settings, "APPROVALS_SILENCE_HOURS", 72))


def min_silence_hours() -> int:
    return int(getattr(settings, "APPROVALS_MIN_SILENCE_HOURS", 72))


def vote_quorum() -> int:
    return int(getattr(settings, "APPROVALS_VOTE_QUORUM", 9))


def vote_majority() -> str:
    return str(getattr(settings, "APPROVALS_VOTE_MAJORITY", MajorityRule.NO_OBJECTION))
