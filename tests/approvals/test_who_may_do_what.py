"""Every (state, action, role): allowed ones succeed, the others are refused with 401, 403 or 409 and a message."""

import itertools

import pytest
from django.urls import reverse

from accounts.choices import Role
from approvals.choices import RequestState, ReviewMode
from tests.factories.accounts import UserFactory
from tests.factories.approvals import frozen_set_version, make_request

# The states a request can be in; in review comes in both modes because the actions differ.
STATES = {
    "draft": (RequestState.DRAFT, ReviewMode.SILENCE),
    "submitted": (RequestState.SUBMITTED, ReviewMode.SILENCE),
    "in_review_by_vote": (RequestState.IN_REVIEW, ReviewMode.VOTE),
    "in_review_by_silence": (RequestState.IN_REVIEW, ReviewMode.SILENCE),
    "approved": (RequestState.APPROVED, ReviewMode.VOTE),
    "returned": (RequestState.RETURNED, ReviewMode.SILENCE),
    "rejected": (RequestState.REJECTED, ReviewMode.VOTE),
    "published": (RequestState.PUBLISHED, ReviewMode.SILENCE),
}
ACTIONS = ["submit", "open-review", "vote", "object", "return", "reject"]
ROLES = ["co_lead", "secretariat", "excom_member", "stakeholder", "anonymous"]

# action -> roles allowed to take it at all (others: 403, or 401 without credentials)
ROLE_OF = {
    "submit": {"co_lead"},
    "open-review": {"co_lead", "secretariat"},
    "vote": {"excom_member"},
    "object": {"excom_member"},
    "return": {"secretariat"},
    "reject": {"secretariat"},
}
# action -> states in which it succeeds for an allowed role (others: 409)
STATE_OF = {
    "submit": {"draft"},
    "open-review": {"submitted"},
    "vote": {"in_review_by_vote"},
    "object": {"in_review_by_silence"},
    "return": {"submitted", "in_review_by_vote", "in_review_by_silence"},
    "reject": {"submitted", "in_review_by_vote", "in_review_by_silence"},
}
# The state each successful action leads to.
AFTER = {
    "submit": RequestState.SUBMITTED,
    "open-review": RequestState.IN_REVIEW,
    "vote": RequestState.IN_REVIEW,  # the quorum of 2 is not reached by one vote
    "object": RequestState.RETURNED,
    "return": RequestState.RETURNED,
    "reject": RequestState.REJECTED,
}


def expected(state: str, action: str, role: str) -> int:
    if role == "anonymous":
        return 401  # no credentials: authenticate first
    if role not in ROLE_OF[action]:
        return 403
    if state not in STATE_OF[action]:
        return 409
    return 200


CASES = list(itertools.product(STATES, ACTIONS, ROLES))


def test_the_table_covers_every_combination() -> None:
    assert len(CASES) == 8 * 6 * 5
    assert {expected(*case) for case in CASES} == {200, 401, 403, 409}


@pytest.fixture
def shared_version(db: None):
    return frozen_set_version(name="Table set", size=1)


@pytest.mark.parametrize(("state", "action", "role"), CASES)
def test_state_action_role(state, action, role, co_lead, shared_version, client_for) -> None:
    fsm_state, mode = STATES[state]
    approval = make_request(by=co_lead, state=fsm_state, review_mode=mode, set_version=shared_version)
    user = None if role == "anonymous" else (co_lead if role == "co_lead" else UserFactory(roles=[Role(role)]))
    url = reverse(f"api:approvals:approval-{action}", args=[approval.pk])

    response = client_for(user).post(url, {"reason": "Reasons stated in writing.", "choice": "approve"})

    want = expected(state, action, role)
    assert response.status_code == want, response.content
    approval.refresh_from_db()
    if want == 200:
        assert approval.state == AFTER[action]
        assert approval.events.filter(actor=user).exists()
    else:
        assert response.json()["detail"], "a refusal says why"
        assert approval.state == fsm_state
        assert not approval.events.exists()
