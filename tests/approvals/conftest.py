"""Fixtures of the approvals tests: the ExCom, a frozen set version whose consultation is finished."""

from collections.abc import Iterator

import pytest

from accounts.models import User
from config.celery import app as celery_app
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
def _tasks_run_inline(request: pytest.FixtureRequest) -> Iterator[None]:
    """Without a worker, tasks run in the test process (tests with `celery_worker` use the real one)."""
    if "celery_worker" in request.fixturenames:
        yield
        return
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False
