"""Fixtures of the API tests: a published set of a chosen size; tasks run in the test process."""

from collections.abc import Callable, Iterator

import pytest

from accounts.choices import Role
from approvals import services
from approvals.choices import ReviewMode, VoteChoice
from approvals.models import Publication
from config.celery import app as celery_app
from tests.factories.accounts import UserFactory
from tests.factories.approvals import excom_member, frozen_set_version


@pytest.fixture(autouse=True)
def _tasks_run_inline() -> Iterator[None]:
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


def publish(size: int, name: str = "Published set") -> Publication:
    """Freeze a set of `size` indicators, approve it by one vote and return its publication."""
    co_lead = UserFactory(roles=[Role.CO_LEAD])
    version = frozen_set_version(name=name, size=size)
    approval = services.create_request(set_version=version, by=co_lead, review_mode=ReviewMode.VOTE, quorum=1)
    services.submit_request(request=approval, by=co_lead)
    services.open_review(request=approval, by=co_lead)
    services.cast_vote(request=approval, by=excom_member("ILO"), choice=VoteChoice.APPROVE)
    return Publication.objects.get(request=approval)


@pytest.fixture
def publish_set(db: None) -> Callable[[int], Publication]:
    return publish
