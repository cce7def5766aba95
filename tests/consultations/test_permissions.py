"""Who may do which transition and action, in one table."""

import pytest
from django_fsm import has_transition_perm

from consultations import permissions
from consultations.models import Submission

pytestmark = pytest.mark.django_db

PERSONAS = ["co_lead", "secretariat", "stakeholder", "focal_point", "excom_member", "outsider"]

# persona: (open/close a round, submit Mexico's draft, answer comments, draft in Mexico's submission)
TABLE = {
    "co_lead": (True, False, True, False),
    "secretariat": (False, False, False, False),
    "stakeholder": (False, False, False, True),
    "focal_point": (False, True, False, True),
    "excom_member": (False, False, False, False),
    "outsider": (False, False, False, False),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_do_what(request, persona, open_round, mexico) -> None:
    user = request.getfixturevalue(persona)
    draft = Submission.objects.create(round=open_round, organisation=mexico)
    manage, submit, answer, draft_in = TABLE[persona]

    assert has_transition_perm(open_round.close, user) is manage
    assert permissions.can_manage_rounds_for(user) is manage
    assert has_transition_perm(draft.submit, user) is submit
    assert permissions.can_answer_comments(user) is answer
    assert permissions.can_draft_in(user, draft) is draft_in
