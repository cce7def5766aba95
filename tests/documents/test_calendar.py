"""The consultation plan page and the per-user iCalendar feed with its private token."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from accounts.models import User
from consultations.choices import RoundState
from documents import services
from tests.factories.consultations import RoundFactory


@pytest.fixture
def open_round(db: None):  # type: ignore[no-untyped-def]
    closes = datetime(2026, 12, 15, 17, 0, tzinfo=UTC)
    return RoundFactory(title="Second consultation", opens_at=closes - timedelta(days=30), closes_at=closes)


def _feed(client: Client, user: User) -> Calendar:
    token = services.calendar_token_of(user=user).token
    response = client.get(reverse("documents:calendar", kwargs={"token": token}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_feed_parses_back_and_shows_the_round_deadline_in_utc(
    open_round, stakeholder: User, client_for: Callable[[User | None], Client]
) -> None:
    calendar = _feed(client_for(None), stakeholder)

    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    deadline = events[f"round-{open_round.pk}-deadline@gcm-indicator-workbench"]
    end = deadline.decoded("dtend")
    assert end == open_round.closes_at
    assert end.utcoffset() == timedelta(0) and end.tzinfo is not None
    assert "DTEND:20261215T170000Z" in deadline.to_ical().decode()
    period = events[f"round-{open_round.pk}@gcm-indicator-workbench"]
    assert period.decoded("dtstart") == open_round.opens_at
    assert str(period["summary"]) == "Second consultation"


def test_the_feed_shows_planned_rounds_to_the_co_leads_only(
    db: None, co_lead: User, stakeholder: User, client_for: Callable[[User | None], Client]
) -> None:
    planned = RoundFactory(
        title="Planned round",
        state=RoundState.PLANNED,
        opens_at=timezone.now() + timedelta(days=3),
        closes_at=timezone.now() + timedelta(days=20),
    )
    uid = f"round-{planned.pk}@gcm-indicator-workbench"

    assert uid in {str(e["uid"]) for e in _feed(client_for(None), co_lead).walk("VEVENT")}
    assert uid not in {str(e["uid"]) for e in _feed(client_for(None), stakeholder).walk("VEVENT")}


def test_an_unknown_or_renewed_token_is_refused(
    db: None, stakeholder: User, client_for: Callable[[User | None], Client]
) -> None:
    old = services.calendar_token_of(user=stakeholder).token
    anonymous = client_for(None)
    assert anonymous.get(reverse("documents:calendar", kwargs={"token": "not-a-token"})).status_code == 404

    response = client_for(stakeholder).post(reverse("documents:plan"))

    assert response.status_code == 302
    assert anonymous.get(reverse("documents:calendar", kwargs={"token": old})).status_code == 404
    new = services.calendar_token_of(user=stakeholder).token
    assert new != old and anonymous.get(reverse("documents:calendar", kwargs={"token": new})).status_code == 200


def test_an_inactive_user_feed_stops(
    db: None, stakeholder: User, client_for: Callable[[User | None], Client]
) -> None:
    token = services.calendar_token_of(user=stakeholder).token
    User.objects.filter(pk=stakeholder.pk).update(is_active=False)

    assert client_for(None).get(reverse("documents:calendar", kwargs={"token": token})).status_code == 404


def test_the_plan_page_lists_rounds_for_every_signed_in_user(
    open_round, stakeholder: User, client_for: Callable[[User | None], Client]
) -> None:
    response = client_for(stakeholder).get(reverse("documents:plan"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Second consultation" in body and "2026-12-15 17:00" in body
    assert services.calendar_token_of(user=stakeholder).token in body
    assert client_for(None).get(reverse("documents:plan")).status_code == 302


def test_the_silence_procedure_deadline_is_in_the_plan_of_the_excom(
    db: None, co_lead: User, excom_member: User, client_for: Callable[[User | None], Client]
) -> None:
    from approvals import services as approval_services
    from tests.factories.approvals import frozen_set_version

    request = approval_services.create_request(set_version=frozen_set_version(), by=co_lead)
    approval_services.submit_request(request=request, by=co_lead)
    request = approval_services.open_review(request=request, by=co_lead)

    calendar = _feed(client_for(None), excom_member)
    event = next(e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith(f"approval-{request.pk}@"))
    assert event.decoded("dtend") == request.silence_deadline.replace(microsecond=0)  # iCalendar has whole seconds
    assert "Silence procedure" in str(event["summary"])


def test_the_plan_costs_a_fixed_number_of_queries(
    db: None,
    co_lead: User,
    client_for: Callable[[User | None], Client],
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    client = client_for(co_lead)
    RoundFactory()
    client.get(reverse("documents:plan"))
    with django_assert_max_num_queries(20) as few:  # type: ignore[attr-defined]
        client.get(reverse("documents:plan"))
    for _ in range(10):
        RoundFactory()
    with django_assert_max_num_queries(len(few)):  # type: ignore[attr-defined]
        client.get(reverse("documents:plan"))
