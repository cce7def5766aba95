"""Submission needs every round on the set closed and every comment answered; the page lists what is missing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from approvals import services
from approvals.choices import RequestState
from config.errors import WorkflowError
from consultations.choices import Outcome, RoundState
from consultations.models import Disposition
from tests.factories.consultations import RoundFactory, make_submission


@pytest.fixture
def draft(co_lead, ready_version):
    return services.create_request(set_version=ready_version, by=co_lead)


def test_an_open_round_blocks_submission(draft, co_lead, ready_version, client_for) -> None:
    RoundFactory(set_version=ready_version, title="First round")
    with pytest.raises(WorkflowError, match="First round"):
        services.submit_request(request=draft, by=co_lead)
    page = client_for(co_lead).get(reverse("approvals:detail", args=[draft.pk])).content.decode()
    assert "What is missing before submission" in page and "First round" in page


def test_a_round_past_its_closing_time_counts_as_closed(draft, co_lead, ready_version) -> None:
    RoundFactory(
        set_version=ready_version,
        opens_at=timezone.now() - timedelta(days=8),
        closes_at=timezone.now() - timedelta(seconds=1),
    )
    assert services.submit_request(request=draft, by=co_lead).state == RequestState.SUBMITTED


def test_every_comment_needs_a_disposition(draft, co_lead, ready_version, mexico, focal_point, client_for) -> None:
    round_ = RoundFactory(set_version=ready_version, state=RoundState.CLOSED, title="Closed round")
    submission = make_submission(round_, mexico, by=focal_point, comments=2)
    first, second = submission.comments.order_by("pk")
    Disposition.objects.create(comment=first, outcome=Outcome.ACCEPTED, reason="Done.", decided_by=co_lead)

    with pytest.raises(WorkflowError, match=f"Comment #{second.pk} by Mexico"):
        services.submit_request(request=draft, by=co_lead)
    page = client_for(co_lead).get(reverse("approvals:detail", args=[draft.pk])).content.decode()
    assert f"Comment #{second.pk}" in page

    Disposition.objects.create(comment=second, outcome=Outcome.NOTED, reason="Noted.", decided_by=co_lead)
    assert services.submit_request(request=draft, by=co_lead).state == RequestState.SUBMITTED


def test_rounds_on_earlier_versions_of_the_set_count_too(
    draft, co_lead, ready_version, mexico, focal_point
) -> None:
    from indicators import services as indicator_services

    round_ = RoundFactory(set_version=ready_version, state=RoundState.CLOSED)
    make_submission(round_, mexico, by=focal_point, comments=1)
    later = indicator_services.start_new_version(limited_set=ready_version.limited_set, by=None)
    indicator_services.freeze_set_version(version=later, by=None)
    later_request = services.create_request(set_version=later, by=co_lead)
    with pytest.raises(WorkflowError, match="has no disposition"):
        services.submit_request(request=later_request, by=co_lead)


def test_draft_positions_do_not_need_answers(draft, co_lead, ready_version, mexico, stakeholder) -> None:
    round_ = RoundFactory(set_version=ready_version, state=RoundState.CLOSED)
    make_submission(round_, mexico, by=stakeholder, comments=1, submitted=False)
    assert services.submit_request(request=draft, by=co_lead).state == RequestState.SUBMITTED


def test_submitting_freezes_an_unfrozen_version(co_lead) -> None:
    from tests.factories.indicators import make_indicator, make_set

    _set, version = make_set("Unfrozen set", [make_indicator()])
    approval = services.create_request(set_version=version, by=co_lead)
    services.submit_request(request=approval, by=co_lead)
    version.refresh_from_db()
    assert version.is_frozen
