"""Reminders go 7 days and 1 day before the close, to focal points whose organisation has not submitted."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from consultations import notifications
from tests.factories.consultations import RoundFactory, make_submission

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("left", "subject_days"),
    [(timedelta(days=6, hours=23), "7d"), (timedelta(hours=12), "1d"), (timedelta(days=3), None)],
)
def test_the_reminder_of_the_day(left, subject_days, focal_point) -> None:
    round_ = RoundFactory(closes_at=timezone.now() + left)

    sent = notifications.remind_due_rounds() + notifications.remind_due_rounds()

    if subject_days is None:
        assert sent == 0 and mail.outbox == []
    else:
        assert sent == 1 and [m.to for m in mail.outbox] == [[focal_point.email]]
        from accounts.models import SentEmail

        assert SentEmail.objects.filter(key__contains=f"round-{round_.pk}-reminder-{subject_days}").exists()


def test_no_reminder_once_submitted(focal_point) -> None:
    round_ = RoundFactory(closes_at=timezone.now() + timedelta(hours=12))
    make_submission(round_, focal_point.organisation, by=focal_point)

    assert notifications.remind_due_rounds() == 0
