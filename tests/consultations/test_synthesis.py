"""The synthesis: stance counts by constituency, criteria mean and spread, and the classification."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.choices import OrganisationKind
from config.errors import InvalidInput, WorkflowError
from consultations import selectors, services
from consultations.choices import Classification, RoundState, Stance
from consultations.synthesis import classify
from tests.factories.accounts import MemberStateFactory, OrganisationFactory, UserFactory
from tests.factories.consultations import RoundFactory, make_submission, revisions_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("opposing", "responding", "expected"),
    [
        (0, 12, Classification.GREEN),
        (3, 12, Classification.GREEN),
        (4, 12, Classification.YELLOW),
        (5, 12, Classification.YELLOW),
        (6, 12, Classification.GREY),
        (12, 12, Classification.GREY),
        (0, 0, Classification.GREY),
    ],
)
def test_default_classification(opposing, responding, expected) -> None:
    assert classify(opposing=opposing, responding=responding, green_max=0.25, grey_min=0.5) == expected


def _closed_round_with(opposing: int, total: int = 12, **round_fields):
    round_ = RoundFactory(
        opens_at=timezone.now() - timedelta(days=10), closes_at=timezone.now() - timedelta(days=1), **round_fields
    )
    target = revisions_of(round_)[0]
    for n in range(total):
        organisation = MemberStateFactory() if n % 2 else OrganisationFactory(kind=OrganisationKind.CIVIL_SOCIETY)
        person = UserFactory(organisation=organisation, is_focal_point=True)
        stance = Stance.OPPOSE if n < opposing else Stance.SUPPORT
        make_submission(round_, organisation, by=person, stance=stance, revision=target)
    return round_, target


def _candidate(round_, revision):
    return next(c for c in round_.synthesis["candidates"] if c["revision_id"] == revision.pk)


def test_a_synthetic_round_of_twelve_with_three_opposing_is_green(co_lead) -> None:
    round_, target = _closed_round_with(opposing=3)

    round_ = services.synthesise_round(round=round_, by=co_lead)

    candidate = _candidate(round_, target)
    assert (candidate["responding"], candidate["opposing"]) == (12, 3)
    assert candidate["classification"] == Classification.GREEN
    assert round_.state == RoundState.SYNTHESISED
    assert selectors.synthesis_for_round(round_) == round_.synthesis


def test_a_synthetic_round_of_twelve_with_six_opposing_is_grey(co_lead) -> None:
    round_, target = _closed_round_with(opposing=6)

    candidate = _candidate(services.synthesise_round(round=round_, by=co_lead), target)

    assert candidate["classification"] == Classification.GREY


def test_thresholds_can_be_changed_per_round(co_lead) -> None:
    round_, target = _closed_round_with(opposing=3)
    services.set_round_thresholds(round=round_, green_max_oppose="0.10", grey_min_oppose="0.60", by=co_lead)

    candidate = _candidate(services.synthesise_round(round=round_, by=co_lead), target)

    assert candidate["classification"] == Classification.YELLOW
    other, other_target = _closed_round_with(opposing=3)
    assert (
        _candidate(services.synthesise_round(round=other, by=co_lead), other_target)["classification"] == "green"
    )


def test_thresholds_must_be_ordered(co_lead, open_round) -> None:
    with pytest.raises(InvalidInput):
        services.set_round_thresholds(round=open_round, green_max_oppose="0.6", grey_min_oppose="0.5", by=co_lead)


def test_counts_by_constituency_and_criteria_scores(co_lead) -> None:
    round_, target = _closed_round_with(opposing=2, total=4)

    candidate = _candidate(services.synthesise_round(round=round_, by=co_lead), target)

    # Organisations 0 and 2 are civil society, 1 and 3 Member States; 0 and 1 oppose.
    assert candidate["counts"]["civil_society"]["oppose"] == 1
    assert candidate["counts"]["civil_society"]["support"] == 1
    assert candidate["counts"]["member_states"]["oppose"] == 1
    assert candidate["criteria"]["relevance"] == {"mean": 4.0, "spread": 0.0, "n": 4}
    assert candidate["criteria"]["availability"]["n"] == 0


def test_the_synthesis_waits_for_the_close(co_lead, open_round) -> None:
    with pytest.raises(WorkflowError, match="after the round closes"):
        services.synthesise_round(round=open_round, by=co_lead)


def test_drafts_and_superseded_submissions_do_not_count(co_lead, focal_point) -> None:
    round_, target = _closed_round_with(opposing=0, total=2)
    make_submission(round_, focal_point.organisation, by=focal_point, stance=Stance.OPPOSE, submitted=False)

    candidate = _candidate(services.synthesise_round(round=round_, by=co_lead), target)

    assert candidate["responding"] == 2
