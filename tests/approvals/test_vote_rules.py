"""Vote procedure: one vote per member in the database, quorum and majority rules configurable."""

import pytest
from django.db import IntegrityError, transaction

from approvals import services
from approvals.choices import MajorityRule, RequestState, ReviewMode, VoteChoice
from approvals.models import Vote


def opened(co_lead, secretariat, version, **options):
    approval = services.create_request(set_version=version, by=co_lead, review_mode=ReviewMode.VOTE, **options)
    services.submit_request(request=approval, by=co_lead)
    return services.open_review(request=approval, by=secretariat)


def test_by_default_all_nine_members_vote_and_no_objection_approves(co_lead, secretariat, members, ready_version):
    approval = opened(co_lead, secretariat, ready_version)
    assert (approval.quorum, approval.majority) == (9, MajorityRule.NO_OBJECTION)
    for member in members[:8]:
        services.cast_vote(request=approval, by=member, choice=VoteChoice.APPROVE)
    approval.refresh_from_db()
    assert approval.state == RequestState.IN_REVIEW  # eight votes are not the quorum
    services.cast_vote(request=approval, by=members[8], choice=VoteChoice.ABSTAIN)
    approval.refresh_from_db()
    assert approval.state == RequestState.PUBLISHED


def test_one_objection_among_nine_returns_under_the_default_rule(co_lead, secretariat, members, ready_version):
    approval = opened(co_lead, secretariat, ready_version)
    for member in members[:8]:
        services.cast_vote(request=approval, by=member, choice=VoteChoice.APPROVE)
    services.cast_vote(request=approval, by=members[8], choice=VoteChoice.OBJECT, reason="Indicator 3 is weak.")
    approval.refresh_from_db()
    assert approval.state == RequestState.RETURNED


@pytest.mark.parametrize(
    ("majority", "votes", "state"),
    [
        (MajorityRule.SIMPLE, ["approve", "approve", "object"], RequestState.PUBLISHED),
        (MajorityRule.SIMPLE, ["approve", "object", "abstain"], RequestState.RETURNED),
        (MajorityRule.TWO_THIRDS, ["approve", "approve", "object"], RequestState.PUBLISHED),
        (MajorityRule.TWO_THIRDS, ["approve", "object", "object"], RequestState.RETURNED),
        (MajorityRule.NO_OBJECTION, ["approve", "abstain", "abstain"], RequestState.PUBLISHED),
    ],
)
def test_majority_rules(co_lead, secretariat, members, ready_version, majority, votes, state) -> None:
    approval = opened(co_lead, secretariat, ready_version, quorum=3, majority=majority)
    for member, choice in zip(members, votes, strict=False):
        services.cast_vote(request=approval, by=member, choice=choice, reason="Stated.")
    approval.refresh_from_db()
    assert approval.state == state


def test_quorum_and_rule_defaults_come_from_settings(co_lead, ready_version, settings) -> None:
    settings.APPROVALS_VOTE_QUORUM = 5
    settings.APPROVALS_VOTE_MAJORITY = MajorityRule.SIMPLE
    approval = services.create_request(set_version=ready_version, by=co_lead, review_mode=ReviewMode.VOTE)
    assert (approval.quorum, approval.majority) == (5, MajorityRule.SIMPLE)


def test_the_database_refuses_a_second_vote_by_a_member(co_lead, secretariat, members, ready_version) -> None:
    approval = opened(co_lead, secretariat, ready_version)
    Vote.objects.create(request=approval, voter=members[0], choice=VoteChoice.APPROVE)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(request=approval, voter=members[0], choice=VoteChoice.ABSTAIN)


def test_the_database_refuses_an_objection_without_reason(co_lead, secretariat, members, ready_version) -> None:
    approval = opened(co_lead, secretariat, ready_version)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(request=approval, voter=members[0], choice=VoteChoice.OBJECT, reason="")
