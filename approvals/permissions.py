"""Who may act on an approval request. Views, the API, services and the state machine ask these predicates.

Every predicate takes the acting user (possibly anonymous) and the request, and answers True or False.
"""

from typing import TYPE_CHECKING

from accounts.permissions import AnyUser, is_co_lead, is_excom_member, is_secretariat, is_staff_of_workstream

if TYPE_CHECKING:
    from approvals.models import ApprovalRequest


def can_see_requests(user: AnyUser) -> bool:
    """Co-leads, the secretariat and ExCom members follow approval requests."""
    return is_staff_of_workstream(user) or is_excom_member(user)


def can_create_request(user: AnyUser) -> bool:
    return is_co_lead(user)


def can_submit(user: AnyUser, request: "ApprovalRequest | None" = None) -> bool:
    """The co-leads hand a set version to the Executive Committee."""
    return is_co_lead(user)


def can_open_review(user: AnyUser, request: "ApprovalRequest | None" = None) -> bool:
    """The co-leads or the secretariat circulate a submitted request to the ExCom."""
    return is_co_lead(user) or is_secretariat(user)


def can_vote(user: AnyUser, request: "ApprovalRequest | None" = None) -> bool:
    return is_excom_member(user)


def can_object(user: AnyUser, request: "ApprovalRequest | None" = None) -> bool:
    """Any ExCom member may break silence."""
    return is_excom_member(user)


def can_record_decision(user: AnyUser, request: "ApprovalRequest | None" = None) -> bool:
    """The secretariat records a decision the Committee took as a body: return or rejection."""
    return is_secretariat(user)


# The permission of each user-facing action, by action slug.
ACTION_PERMISSIONS = {
    "submit": can_submit,
    "open_review": can_open_review,
    "vote": can_vote,
    "object": can_object,
    "return": can_record_decision,
    "reject": can_record_decision,
}


def can_do(user: AnyUser, action: str, request: "ApprovalRequest | None" = None) -> bool:
    predicate = ACTION_PERMISSIONS.get(action)
    return bool(predicate and predicate(user, request))


def available_actions(user: AnyUser, request: "ApprovalRequest") -> list[str]:
    """The actions the user may take on the request now (the buttons to show), decided by role, state and time."""
    from approvals.choices import RequestState, ReviewMode

    state = request.effective_state
    possible = {
        "submit": state == RequestState.DRAFT,
        "open_review": state == RequestState.SUBMITTED,
        "vote": state == RequestState.IN_REVIEW
        and request.review_mode == ReviewMode.VOTE
        and not any(vote.voter_id == getattr(user, "pk", None) for vote in request.votes.all()),
        "object": state == RequestState.IN_REVIEW and request.review_mode == ReviewMode.SILENCE,
        "return": state in (RequestState.SUBMITTED, RequestState.IN_REVIEW),
        "reject": state in (RequestState.SUBMITTED, RequestState.IN_REVIEW),
    }
    return [action for action, fits in possible.items() if fits and can_do(user, action, request)]
