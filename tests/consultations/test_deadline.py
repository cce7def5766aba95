"""Time decides: one second after `closes_at` nothing is accepted, with no beat job having run."""

from datetime import timedelta

import pytest
from django.utils import timezone

from config.errors import DeadlinePassed
from consultations import services
from consultations.choices import RoundState, Stance
from consultations.models import Comment, Round, Submission
from tests.factories.consultations import RoundFactory, make_submission

pytestmark = pytest.mark.django_db


def _just_closed() -> Round:
    return RoundFactory(
        closes_at=timezone.now() - timedelta(seconds=1), opens_at=timezone.now() - timedelta(days=1)
    )


def test_a_comment_before_the_deadline_is_stored(open_round, revisions, stakeholder) -> None:
    comment = services.add_comment(round=open_round, by=stakeholder, revision=revisions[0], text="Keep it.")

    assert Comment.objects.filter(pk=comment.pk, submission__organisation=stakeholder.organisation).exists()


def test_a_comment_one_second_after_the_deadline_is_refused_with_the_deadline(stakeholder) -> None:
    round_ = _just_closed()
    assert round_.state == RoundState.OPEN  # no tidy-up job has run

    with pytest.raises(DeadlinePassed) as refused:
        services.add_comment(round=round_, by=stakeholder, text="Too late.", stance=Stance.SUPPORT)

    assert services.format_moment(round_.closes_at) in refused.value.message
    assert not Comment.objects.exists()


def test_a_submission_one_second_after_the_deadline_is_refused(focal_point) -> None:
    round_ = _just_closed()
    draft = make_submission(round_, focal_point.organisation, by=focal_point, submitted=False)

    with pytest.raises(DeadlinePassed) as refused:
        services.submit_submission(submission=draft, by=focal_point)

    assert services.format_moment(round_.closes_at) in refused.value.message
    assert Submission.objects.get(pk=draft.pk).state == "draft"


def test_editing_a_draft_comment_after_the_deadline_is_refused(stakeholder) -> None:
    round_ = _just_closed()
    draft = make_submission(round_, stakeholder.organisation, by=stakeholder, submitted=False)

    with pytest.raises(DeadlinePassed):
        services.update_comment(comment=draft.comments.first(), by=stakeholder, text="Changed")
    with pytest.raises(DeadlinePassed):
        services.delete_comment(comment=draft.comments.first(), by=stakeholder)


def test_a_round_past_its_deadline_reads_as_closed_before_the_job_runs() -> None:
    round_ = _just_closed()

    assert round_.state_at(timezone.now()) == RoundState.CLOSED
    assert not round_.is_open_at(timezone.now())
    assert round_.is_open_at(round_.closes_at - timedelta(seconds=1))


def test_the_tidy_up_job_closes_only_rounds_past_their_deadline(open_round) -> None:
    late = _just_closed()

    closed = services.close_due_rounds()

    assert closed == [late.pk]
    late.refresh_from_db()
    open_round.refresh_from_db()
    assert (late.state, open_round.state) == (RoundState.CLOSED, RoundState.OPEN)
