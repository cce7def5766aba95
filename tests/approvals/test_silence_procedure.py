"""Silence procedure: time approves at the deadline; an objection before it returns the request; after, refused."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from approvals import services
from approvals.choices import Action, FileFormat, RequestState, ReviewMode
from approvals.models import Publication
from approvals.tasks import settle_due_requests_task
from config.errors import DeadlinePassed, InvalidInput


@pytest.fixture
def circulating(co_lead, secretariat, ready_version):
    approval = services.create_request(set_version=ready_version, by=co_lead, review_mode=ReviewMode.SILENCE)
    services.submit_request(request=approval, by=co_lead)
    return services.open_review(request=approval, by=secretariat)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_opening_the_review_sets_a_deadline_72_hours_ahead(circulating) -> None:
    assert circulating.silence_deadline - circulating.review_opened_at == timedelta(hours=72)


def test_without_objection_time_alone_approves_at_the_deadline(circulating, excom_member) -> None:
    deadline = circulating.silence_deadline
    with at(deadline - timedelta(seconds=1)):
        assert circulating.effective_state == RequestState.IN_REVIEW
    with at(deadline):
        # No job has run: the row still says in review, yet every reader sees it approved.
        circulating.refresh_from_db()
        assert circulating.state == RequestState.IN_REVIEW
        assert circulating.effective_state == RequestState.APPROVED


def test_an_objection_one_second_before_the_deadline_returns_the_request(circulating, excom_member) -> None:
    with at(circulating.silence_deadline - timedelta(seconds=1)):
        services.object_to_request(request=circulating, by=excom_member, reason="Indicator 2 lacks data.")
    circulating.refresh_from_db()
    assert circulating.state == RequestState.RETURNED
    assert list(circulating.events.values_list("action", flat=True))[-2:] == [Action.OBJECT, Action.RETURN]
    assert circulating.events.get(action=Action.OBJECT).actor == excom_member
    assert not Publication.objects.exists()


def test_an_objection_one_second_after_the_deadline_is_refused(circulating, excom_member, client_for) -> None:
    with at(circulating.silence_deadline + timedelta(seconds=1)):
        with pytest.raises(DeadlinePassed, match="silence procedure ended"):
            services.object_to_request(request=circulating, by=excom_member, reason="Too late.")
        response = client_for(excom_member).post(
            reverse("api:approvals:approval-object", args=[circulating.pk]), {"reason": "Too late."}
        )
    assert response.status_code == 409
    assert response.json()["code"] == "deadline_passed"
    assert not circulating.events.filter(action=Action.OBJECT).exists()


def test_an_objection_needs_a_written_reason(circulating, excom_member) -> None:
    with pytest.raises(InvalidInput):
        services.object_to_request(request=circulating, by=excom_member, reason="  ")


def test_the_beat_job_records_the_approval_publishes_and_notifies(
    circulating, members, co_lead, django_capture_on_commit_callbacks
) -> None:
    mail.outbox.clear()
    with at(circulating.silence_deadline - timedelta(seconds=1)):
        assert settle_due_requests_task() == 0
    with at(circulating.silence_deadline + timedelta(seconds=5)), django_capture_on_commit_callbacks(execute=True):
        assert settle_due_requests_task() == 1
        assert settle_due_requests_task() == 0  # idempotent
    circulating.refresh_from_db()
    assert circulating.state == RequestState.PUBLISHED
    approve = circulating.events.get(action=Action.APPROVE)
    assert approve.actor is None and "silence" in approve.reason
    # Built on commit (tasks run inline here).
    assert circulating.publication.files.count() == len(FileFormat.values)
    recipients = {address for message in mail.outbox for address in message.to}
    assert co_lead.email in recipients and members[0].email in recipients


def test_pages_show_time_decided_approval_without_any_job(circulating, excom_member, client_for) -> None:
    with at(circulating.silence_deadline + timedelta(seconds=1)):
        response = client_for(excom_member).get(reverse("approvals:detail", args=[circulating.pk]))
    assert response.status_code == 200
    circulating.refresh_from_db()
    assert circulating.state == RequestState.PUBLISHED
    assert "Break silence" not in response.content.decode()


def test_the_minimum_length_is_72_hours_unless_configured(co_lead, ready_version, settings) -> None:
    with pytest.raises(InvalidInput, match="at least 72 hours"):
        services.create_request(set_version=ready_version, by=co_lead, silence_hours=48)
    settings.APPROVALS_MIN_SILENCE_HOURS = 24
    approval = services.create_request(set_version=ready_version, by=co_lead, silence_hours=48)
    assert approval.silence_hours == 48


def test_the_default_length_is_configurable(co_lead, secretariat, ready_version, settings) -> None:
    settings.APPROVALS_SILENCE_HOURS = 96
    approval = services.create_request(set_version=ready_version, by=co_lead)
    services.submit_request(request=approval, by=co_lead)
    approval = services.open_review(request=approval, by=secretariat)
    assert approval.silence_deadline - timezone.now() > timedelta(hours=95)
