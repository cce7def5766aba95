"""Two people acting at the same moment, each on a database connection of their own, end in one outcome.

Each thread opens its own connection (Django connections are per thread); a barrier releases them together.
"""

import threading
from collections.abc import Callable
from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection

from approvals import services
from approvals.choices import Action, RequestState, ReviewMode, VoteChoice
from approvals.models import ApprovalRequest, Publication
from config.errors import DomainError

pytestmark = pytest.mark.django_db(transaction=True)


def race(*calls: Callable[[], object]) -> list[object]:
    """Run the calls at once in threads with their own connections; each result or the DomainError raised."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except DomainError as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def opened(co_lead, secretariat, version, mode: str, quorum: int = 2) -> ApprovalRequest:
    approval = services.create_request(set_version=version, by=co_lead, review_mode=mode, quorum=quorum)
    services.submit_request(request=approval, by=co_lead)
    return services.open_review(request=approval, by=secretariat)


@pytest.mark.parametrize("attempt", range(3))
def test_the_two_deciding_votes_at_once_publish_exactly_once(
    attempt, co_lead, secretariat, members, ready_version
) -> None:
    approval = opened(co_lead, secretariat, ready_version, ReviewMode.VOTE, quorum=2)
    first, second = members[:2]

    race(
        lambda: services.cast_vote(request=approval, by=first, choice=VoteChoice.APPROVE),
        lambda: services.cast_vote(request=approval, by=second, choice=VoteChoice.APPROVE),
    )

    approval.refresh_from_db()
    assert approval.state == RequestState.PUBLISHED
    assert approval.votes.count() == 2
    assert Publication.objects.count() == 1
    assert list(
        approval.events.filter(action__in=[Action.APPROVE, Action.PUBLISH]).values_list("action", flat=True)
    ) == [
        Action.APPROVE,
        Action.PUBLISH,
    ]


def test_approve_and_object_at_once_end_in_one_consistent_outcome(
    co_lead, secretariat, members, ready_version
) -> None:
    approval = opened(co_lead, secretariat, ready_version, ReviewMode.VOTE, quorum=2)

    results = race(
        lambda: services.cast_vote(request=approval, by=members[0], choice=VoteChoice.APPROVE),
        lambda: services.cast_vote(request=approval, by=members[1], choice=VoteChoice.OBJECT, reason="No."),
    )

    assert not any(isinstance(result, DomainError) for result in results)
    approval.refresh_from_db()
    assert approval.state == RequestState.RETURNED  # no objection is the rule: one objection returns it
    assert not Publication.objects.exists()
    assert approval.events.filter(action=Action.RETURN).count() == 1


def test_an_objection_at_the_deadline_second_races_the_beat_job(
    co_lead, secretariat, members, ready_version
) -> None:
    approval = opened(co_lead, secretariat, ready_version, ReviewMode.SILENCE)
    with mock.patch("django.utils.timezone.now", return_value=approval.silence_deadline):
        objection, settled = race(
            lambda: services.object_to_request(request=approval, by=members[0], reason="Objection."),
            lambda: services.settle_request(request=approval),
        )
    approval.refresh_from_db()
    # At the deadline second time has already approved: the objection is refused, whatever ran first.
    assert isinstance(objection, DomainError) and objection.code == "deadline_passed"
    assert settled is True
    assert approval.state == RequestState.PUBLISHED
    assert Publication.objects.count() == 1
    assert not approval.events.filter(action=Action.OBJECT).exists()


def test_an_objection_a_second_early_races_the_beat_job(co_lead, secretariat, members, ready_version) -> None:
    approval = opened(co_lead, secretariat, ready_version, ReviewMode.SILENCE)
    early = approval.silence_deadline - timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=early):
        objection, settled = race(
            lambda: services.object_to_request(request=approval, by=members[0], reason="Objection."),
            lambda: services.settle_request(request=approval),
        )
    approval.refresh_from_db()
    assert settled is False
    assert approval.state == RequestState.RETURNED
    assert not Publication.objects.exists()


def test_two_objections_at_once_return_the_request_once(co_lead, secretariat, members, ready_version) -> None:
    approval = opened(co_lead, secretariat, ready_version, ReviewMode.SILENCE)

    results = race(
        lambda: services.object_to_request(request=approval, by=members[0], reason="First."),
        lambda: services.object_to_request(request=approval, by=members[1], reason="Second."),
    )

    refused = [result for result in results if isinstance(result, DomainError)]
    assert len(refused) == 1 and refused[0].code == "workflow"
    approval.refresh_from_db()
    assert approval.state == RequestState.RETURNED
    assert approval.events.filter(action=Action.RETURN).count() == 1
