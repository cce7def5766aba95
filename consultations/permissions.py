"""Who may do what in consultations, as small named predicates asked by views, the API and services.

Each takes the acting user (possibly anonymous) and answers True or False; none raises.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from accounts.models import Organisation
from accounts.permissions import AnyUser, belongs_to, is_co_lead, is_focal_point_of, is_staff_of_workstream

if TYPE_CHECKING:
    from consultations.models import Round, Submission


def can_manage_rounds_for(user: AnyUser) -> bool:
    """Co-leads create, open, close and synthesise rounds."""
    return is_co_lead(user)


def can_answer_comments(user: AnyUser) -> bool:
    """Co-leads record the disposition of every comment and export the resolution matrix."""
    return is_co_lead(user)


def can_submit_for(user: AnyUser, organisation: Organisation | None) -> bool:
    """Only the organisation's focal point submits its official position."""
    return is_focal_point_of(user, organisation)


def can_take_part(user: AnyUser, round_: Round) -> bool:
    """A member of an invited organisation may draft comments in the round."""
    organisation = getattr(user, "organisation", None)
    return bool(user.is_authenticated and organisation is not None and round_.invites(organisation))


def can_draft_in(user: AnyUser, submission: Submission) -> bool:
    """Members of the organisation draft its comments together."""
    return belongs_to(user, submission.organisation)


def can_see_submission(user: AnyUser, submission: Submission) -> bool:
    """Until the round closes an organisation sees only its own submission; co-leads see submitted ones."""
    if belongs_to(user, submission.organisation):
        return True
    if not submission.is_submitted:
        return False
    if is_staff_of_workstream(user):
        return True
    return bool(user.is_authenticated and submission.round.has_closed_at(timezone.now()))


def can_see_all_comments(user: AnyUser, round_: Round) -> bool:
    """After the close every signed-in user reads the round's submitted comments; co-leads read them at once."""
    return is_staff_of_workstream(user) or bool(user.is_authenticated and round_.has_closed_at(timezone.now()))


def can_see_organisation_names(user: AnyUser, round_: Round) -> bool:
    return is_staff_of_workstream(user) or not round_.hide_organisation_names
