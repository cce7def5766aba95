"""Invitation, reminder and receipt e-mails go once each, even when a real worker gets the task twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import SentEmail
from consultations import services, tasks
from consultations.choices import RoundState, Stance
from tests.factories.accounts import MemberStateFactory, UserFactory
from tests.factories.consultations import RoundFactory, make_set_version
from tests.helpers import wait_for

pytestmark = pytest.mark.worker


def _recipients(mailbox) -> list[str]:
    return sorted(message["To"] for message in mailbox.messages())


def _twice(task, **kwargs) -> None:
    for result in (task.delay(**kwargs), task.delay(**kwargs)):
        result.get(timeout=60)


def test_invitations_go_once_to_each_invited_focal_point(
    celery_worker, worker_mailbox, co_lead, focal_point, stakeholder, outsider, mexico
) -> None:
    round_ = RoundFactory(set_version=make_set_version(), state=RoundState.PLANNED)
    round_.invited_organisations.set([mexico])

    services.open_round(round=round_, by=co_lead)  # enqueues the invitations after commit
    assert wait_for(lambda: len(worker_mailbox.messages()) >= 1)
    _twice(tasks.send_invitations, round_id=round_.pk)

    assert _recipients(worker_mailbox) == [focal_point.email]  # not the colleague, not Morocco
    assert "Consultation open" in worker_mailbox.messages()[0]["Subject"]


def test_reminders_go_once_to_focal_points_who_have_not_submitted(
    celery_worker, worker_mailbox, focal_point, outsider
) -> None:
    round_ = RoundFactory(closes_at=timezone.now() + timedelta(days=6, hours=20))
    other = MemberStateFactory()
    other_focal_point = UserFactory(organisation=other, is_focal_point=True)
    services.add_comment(round=round_, by=other_focal_point, text="Fine", stance=Stance.SUPPORT)
    services.submit_draft(round=round_, by=other_focal_point)
    assert wait_for(lambda: len(worker_mailbox.messages()) >= 1)  # the receipt
    worker_mailbox.clear()

    _twice(tasks.send_reminders, round_id=round_.pk, days=7)
    _twice(tasks.remind_due_rounds)

    assert _recipients(worker_mailbox) == [focal_point.email]
    assert "Reminder" in worker_mailbox.messages()[0]["Subject"]


def test_the_receipt_goes_once(celery_worker, worker_mailbox, focal_point) -> None:
    round_ = RoundFactory()
    services.add_comment(round=round_, by=focal_point, text="Our position", stance=Stance.SUPPORT)
    submission = services.submit_draft(round=round_, by=focal_point)

    assert wait_for(lambda: len(worker_mailbox.messages()) >= 1)
    _twice(tasks.send_receipt, submission_id=submission.pk)

    assert _recipients(worker_mailbox) == [focal_point.email]
    assert "Receipt" in worker_mailbox.messages()[0]["Subject"]
    assert SentEmail.objects.filter(key=f"submission-{submission.pk}-receipt").count() == 1


def test_the_deadline_tidy_up_closes_and_sends_one_digest(celery_worker, worker_mailbox, co_lead) -> None:
    round_ = RoundFactory(
        opens_at=timezone.now() - timedelta(days=2), closes_at=timezone.now() - timedelta(minutes=1)
    )

    # The tidy-up runs here, so that the digest it enqueues goes to this test run's queue.
    assert services.close_due_rounds() == [round_.pk]
    assert services.close_due_rounds() == []
    assert wait_for(lambda: len(worker_mailbox.messages()) >= 1)
    _twice(tasks.send_digest, round_id=round_.pk)

    round_.refresh_from_db()
    assert round_.state == RoundState.CLOSED
    assert _recipients(worker_mailbox) == [co_lead.email]
