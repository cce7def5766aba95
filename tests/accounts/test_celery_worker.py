import pytest

from config.celery import app as celery_app
from tests.conftest import TEST_QUEUE, WorkerProcess


@pytest.mark.worker
def test_a_task_travels_through_redis_to_a_real_worker_and_back(celery_worker: WorkerProcess) -> None:
    assert celery_worker.process is not None and celery_worker.process.poll() is None

    result = celery_app.send_task("config.ping", kwargs={"value": "bonjour"}, queue=TEST_QUEUE)

    assert result.get(timeout=30) == "bonjour"
    assert result.successful()


def test_celery_is_configured_for_json_late_acknowledgement_and_utc() -> None:
    conf = celery_app.conf
    assert conf.task_serializer == "json"
    assert conf.accept_content == ["json"]
    assert conf.task_acks_late is True
    assert conf.timezone == "UTC"
