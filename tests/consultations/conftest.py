import pytest

from consultations.models import Round
from indicators.models import IndicatorRevision
from tests.factories.consultations import RoundFactory, revisions_of


@pytest.fixture
def open_round(db: None) -> Round:
    """A round open to every organisation, closing in a week, on a frozen version of two indicators."""
    return RoundFactory(title="Round on version 1")


@pytest.fixture
def revisions(open_round: Round) -> list[IndicatorRevision]:
    return revisions_of(open_round)
