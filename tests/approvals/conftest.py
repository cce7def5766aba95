"""Fixtures of the approvals tests: the ExCom, a frozen set version whose consultation is finished."""

import pytest

from accounts.models import User
from indicators.models import SetVersion
from tests.factories.approvals import excom, frozen_set_version


@pytest.fixture
def members(db: None) -> list[User]:
    """The nine ExCom members (ILO first)."""
    return excom(9)


@pytest.fixture
def ready_version(db: None) -> SetVersion:
    return frozen_set_version()


@pytest.fixture(autouse=True)
def _tasks_run_inline(settings: object) -> None:
    # Without a worker, tasks enqueued on commit run in the test process.
    settings.CELERY_TASK_ALWAYS_EAGER = True  # type: ignore[attr-defined]
