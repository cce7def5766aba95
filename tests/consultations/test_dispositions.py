"""Co-leads answer every submitted comment; the approvals app reads what is left unanswered."""

from datetime import timedelta

import pytest
from django.utils import timezone

from config.errors import InvalidInput, NotAllowed, WorkflowError
from consultations import selectors, services
from consultations.choices import Outcome
from tests.factories.accounts import MemberStateFactory, UserFactory
from tests.factories.consultations import RoundFactory, make_set_version, make_submission, revisions_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(open_round, focal_point):
    return make_submission(open_round, focal_point.organisation, by=focal_point, comments=2)


def test_a_co_lead_records_and_changes_a_disposition(submitted, co_lead, revisions) -> None:
    comment = submitted.comments.first()

    services.record_disposition(comment=comment, outcome=Outcome.NOTED, reason="Thanks", by=co_lead)
    disposition = services.record_disposition(
        comment=comment, outcome=Outcome.ACCEPTED, reason="Done", implemented_by=revisions[0], by=co_lead
    )

    assert (disposition.outcome, disposition.implemented_by) == (Outcome.ACCEPTED, revisions[0])
    assert comment.__class__.objects.get(pk=comment.pk).disposition.reason == "Done"


@pytest.mark.parametrize("persona", ["focal_point", "stakeholder", "secretariat", "excom_member"])
def test_only_co_leads_answer(request, submitted, persona) -> None:
    with pytest.raises(NotAllowed):
        services.record_disposition(
            comment=submitted.comments.first(), outcome=Outcome.NOTED, by=request.getfixturevalue(persona)
        )


def test_drafts_are_not_answered(open_round, stakeholder, co_lead) -> None:
    draft = make_submission(open_round, stakeholder.organisation, by=stakeholder, submitted=False)

    with pytest.raises(WorkflowError):
        services.record_disposition(comment=draft.comments.first(), outcome=Outcome.NOTED, by=co_lead)


def test_the_implementing_revision_must_be_of_the_same_indicator(submitted, co_lead, revisions) -> None:
    with pytest.raises(InvalidInput):
        services.record_disposition(
            comment=submitted.comments.first(), outcome=Outcome.ACCEPTED, implemented_by=revisions[1], by=co_lead
        )


def test_selectors_for_approvals(open_round, submitted, co_lead) -> None:
    version = open_round.set_version
    first, second = submitted.comments.all()
    services.record_disposition(comment=first, outcome=Outcome.PARTIALLY_ACCEPTED, by=co_lead)

    assert list(selectors.rounds_for_set_version(version)) == [open_round]
    assert list(selectors.comments_without_disposition(version)) == [second]
    counts = selectors.disposition_counts(version)
    assert counts == {
        "accepted": 0,
        "partially_accepted": 1,
        "not_accepted": 0,
        "noted": 0,
        "out_of_scope": 0,
    }
    assert selectors.synthesis_for_round(open_round) is None
    assert list(selectors.comments_without_disposition(make_set_version())) == []


def test_matrix_progress(open_round, submitted, co_lead) -> None:
    services.record_disposition(comment=submitted.comments.first(), outcome=Outcome.NOTED, by=co_lead)

    assert selectors.matrix_progress(open_round) == {"total": 2, "answered": 1, "percent": 50}


@pytest.mark.parametrize("organisations", [2, 12])
def test_the_matrix_costs_a_fixed_number_of_queries(organisations, co_lead, django_assert_num_queries) -> None:
    round_ = RoundFactory(
        opens_at=timezone.now() - timedelta(days=3), closes_at=timezone.now() - timedelta(days=1)
    )
    target = revisions_of(round_)[1]
    for _n in range(organisations):
        organisation = MemberStateFactory()
        submission = make_submission(
            round_, organisation, by=UserFactory(organisation=organisation), comments=2, revision=target
        )
        services.record_disposition(
            comment=submission.comments.first(), outcome=Outcome.ACCEPTED, implemented_by=target, by=co_lead
        )

    with django_assert_num_queries(1):
        rows = [
            c.disposition.outcome if hasattr(c, "disposition") else None for c in selectors.round_comments(round_)
        ]

    assert len(rows) == organisations * 2
