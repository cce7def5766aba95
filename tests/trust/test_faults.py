"""Faults, with nothing lost: a worker killed in the middle of a task, PostgreSQL restarted under load.

The worker test holds a real task (the receipt e-mail of a submitted position, sent once under a key) inside
its database transaction: the test inserts the task's key row without committing, so the worker's insert
waits on the unique index. The worker is then killed with SIGKILL, the key released, a new worker started:
the message, acknowledged late, comes back and the e-mail goes out exactly once.

The restart test runs gunicorn against a PostgreSQL cluster of its own, posts comments through the API while
the cluster restarts, and checks that the site answers again by itself and that every accepted comment is
stored.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from django.conf import settings

from accounts.models import Organisation, SentEmail, User
from config.celery import app as celery_app
from consultations.tasks import send_receipt
from tests.conftest import RUN_ID, TEST_QUEUE, Mailbox, WorkerProcess, worker_env
from tests.factories.consultations import RoundFactory, make_submission
from tests.helpers import wait_for
from tests.servers import gunicorn
from tests.trust.faults_support import ThrowawayCluster, forget_queue, manage, project_env

FAULT_QUEUE = f"{TEST_QUEUE}-faults"
# The killed worker's message must come back within seconds; its bookkeeping keys are this run's own, so that
# the short timeout never re-queues another worker's message.
TRANSPORT_OPTIONS = {
    "visibility_timeout": 5,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
    "unacked_key": f"unacked-{RUN_ID}",
    "unacked_index_key": f"unacked-index-{RUN_ID}",
    "unacked_mutex_key": f"unacked-mutex-{RUN_ID}",
}


class FaultWorker(WorkerProcess):
    """A worker on a queue of its own, with the broker transport options of FAULTS_BROKER_TRANSPORT_OPTIONS."""

    def __init__(self, env: dict[str, str], log: Path, pool: str = "solo") -> None:
        super().__init__(env, log)
        self.pool = pool

    def pool_child(self) -> int:
        """The process of a prefork pool that runs the tasks (concurrency 1: the only child)."""
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        assert len(children) == 1, children
        return int(children[0])

    def start(self) -> None:
        command = [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "tests.trust.faults_support",
            "worker",
            f"--pool={self.pool}",
            "--concurrency=1",
            "-Q",
            FAULT_QUEUE,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
            "-n",
            f"{FAULT_QUEUE}@%h",
        ]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=Path(settings.BASE_DIR), env=self.env, stdout=log, stderr=log
            )
        self.wait_until_ready()

    def wait_until_ready(self, timeout: float = 60) -> None:
        result = celery_app.send_task("config.ping", kwargs={"value": "ready"}, queue=FAULT_QUEUE)
        assert result.get(timeout=timeout) == "ready", self.log.read_text()[-3000:]


@pytest.fixture
def fault_worker_env(transactional_db: None, tmp_path: Path) -> Iterator[dict[str, str]]:
    mail = tmp_path / "mail"
    mail.mkdir()
    env = worker_env(queue=FAULT_QUEUE, mail_dir=mail)
    env["FAULTS_BROKER_TRANSPORT_OPTIONS"] = json.dumps(TRANSPORT_OPTIONS)
    yield env
    with celery_app.connection_for_write() as conn:
        conn.default_channel.client.delete(
            FAULT_QUEUE, *(TRANSPORT_OPTIONS[k] for k in TRANSPORT_OPTIONS if "key" in k)
        )


def _unacked_count() -> int:
    with celery_app.connection_for_write() as conn:
        return int(conn.default_channel.client.hlen(TRANSPORT_OPTIONS["unacked_key"]))


def _waiting_on_lock(database_url: str, table: str) -> bool:
    # A connection of its own: pg_stat_activity stays the same within one transaction.
    with psycopg.connect(database_url, autocommit=True) as probe:
        row = probe.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND query LIKE %s",
            [f'INSERT INTO "{table}"%'],
        ).fetchone()
    return bool(row and row[0])


def _hold_email_key(database_url: str, key: str) -> psycopg.Connection:
    """Take an e-mail key without committing: a worker's insert of the same key waits for this transaction."""
    holder = psycopg.connect(database_url)
    holder.execute(
        "INSERT INTO accounts_sentemail (key, \"to\", subject, sent_at) VALUES (%s, '[]', 'held', now())", [key]
    )
    return holder


def _send_receipt_to_blocked_worker(worker: FaultWorker, submission_id: int, database_url: str) -> Any:
    """Start the worker, send it the receipt task, and wait until it is blocked on the held e-mail key."""
    worker.start()
    result = send_receipt.apply_async(kwargs={"submission_id": submission_id}, queue=FAULT_QUEUE)
    assert wait_for(lambda: _waiting_on_lock(database_url, "accounts_sentemail"), timeout=30), (
        worker.log.read_text()
    )
    return result


@pytest.mark.worker
def test_worker_killed_mid_task_runs_it_again_and_sends_once(
    fault_worker_env: dict[str, str], mexico: Organisation, focal_point: User, tmp_path: Path
) -> None:
    submission = make_submission(RoundFactory(), mexico, by=focal_point)
    key = f"submission-{submission.pk}-receipt"
    mailbox = Mailbox(Path(fault_worker_env["EMAIL_FILE_PATH"]))
    first = FaultWorker(fault_worker_env, tmp_path / "first.log")
    second = FaultWorker(fault_worker_env, tmp_path / "second.log")
    holder = _hold_email_key(fault_worker_env["DATABASE_URL"], key)
    try:
        result = _send_receipt_to_blocked_worker(first, submission.pk, fault_worker_env["DATABASE_URL"])
        assert _unacked_count() == 1  # delivered, not acknowledged: acknowledgement comes after the task

        first.stop(signal.SIGKILL)
        holder.rollback()  # the key is free again; the killed worker's transaction is rolled back by PostgreSQL
        assert mailbox.messages() == []

        second.start()
        assert result.get(timeout=60) is True, second.log.read_text()[-3000:]
        assert SentEmail.objects.filter(key=key).count() == 1
        receipts = [message for message in mailbox.messages() if message["To"] == focal_point.email]
        assert len(receipts) == 1
        assert "Receipt" in receipts[0]["Subject"]
        assert wait_for(lambda: _unacked_count() == 0, timeout=10)  # acknowledged at last

        # A further delivery of the same message (as a second restore would make) sends nothing more.
        again = send_receipt.apply_async(kwargs={"submission_id": submission.pk}, queue=FAULT_QUEUE)
        assert again.get(timeout=30) is False
        assert len(mailbox.messages()) == 1
    finally:
        holder.close()
        first.stop(signal.SIGKILL)
        second.stop()


@pytest.mark.worker
def test_pool_process_killed_mid_task_is_requeued_at_once_and_sends_once(
    fault_worker_env: dict[str, str], mexico: Organisation, focal_point: User, tmp_path: Path
) -> None:
    """reject_on_worker_lost: the worker's own pool process dies, the worker puts the message back at once."""
    submission = make_submission(RoundFactory(), mexico, by=focal_point)
    key = f"submission-{submission.pk}-receipt"
    mailbox = Mailbox(Path(fault_worker_env["EMAIL_FILE_PATH"]))
    # An hour of visibility timeout, as in production: only the rejection can bring the message back in time.
    env = {
        **fault_worker_env,
        "FAULTS_BROKER_TRANSPORT_OPTIONS": json.dumps(TRANSPORT_OPTIONS | {"visibility_timeout": 3600}),
    }
    worker = FaultWorker(env, tmp_path / "prefork.log", pool="prefork")
    holder = _hold_email_key(fault_worker_env["DATABASE_URL"], key)
    try:
        result = _send_receipt_to_blocked_worker(worker, submission.pk, fault_worker_env["DATABASE_URL"])
        os.kill(worker.pool_child(), signal.SIGKILL)
        assert wait_for(lambda: "WorkerLostError" in worker.log.read_text(), timeout=30), worker.log.read_text()
        holder.rollback()

        assert result.get(timeout=30) is True, worker.log.read_text()[-3000:]
        assert SentEmail.objects.filter(key=key).count() == 1
        assert [message["To"] for message in mailbox.messages()] == [focal_point.email]
        assert wait_for(lambda: _unacked_count() == 0, timeout=10)
    finally:
        holder.close()
        worker.stop()


# --- PostgreSQL restarted under load ---------------------------------------------------------------------------

REQUEST_LIMIT = 600
TIME_LIMIT = 45  # seconds of posting, whatever happens
ACCEPTED_AFTER_RESTART = 20


@pytest.fixture
def cluster() -> Iterator[ThrowawayCluster]:
    cluster = ThrowawayCluster()
    try:
        cluster.create()
        yield cluster
    finally:
        cluster.destroy()


def test_postgres_restart_under_load_loses_no_accepted_comment(cluster: ThrowawayCluster, tmp_path: Path) -> None:
    tag = RUN_ID + "-restart"
    env = project_env(cluster.url(), tag, DB_CONN_MAX_AGE="600")
    try:
        manage(["migrate", "--no-input", "-v", "0"], env)
        seeded = json.loads(
            manage(
                ["shell", "-c", "from tests.trust.faults_support import seed_comment_round; seed_comment_round()"],
                env,
            )
            .strip()
            .splitlines()[-1]
        )
        accepted: dict[int, str] = {}  # comment id -> text, for every 2xx answer
        failures: list[str] = []
        restarted = threading.Event()
        restart_error: list[BaseException] = []

        def restart() -> None:
            try:
                cluster.restart()
            except BaseException as error:  # noqa: BLE001 - reported by the test below
                restart_error.append(error)
            finally:
                restarted.set()

        server_before = cluster.server_pid()
        with gunicorn(env, tmp_path / "gunicorn.log") as base_url:
            url = f"{base_url}/api/v1/rounds/{seeded['round']}/comments/"
            headers = {"Authorization": f"Token {seeded['token']}"}
            after_restart = 0
            restarter = threading.Thread(target=restart)
            with httpx.Client(headers=headers, timeout=10) as client:
                deadline = time.monotonic() + TIME_LIMIT
                for n in range(REQUEST_LIMIT):
                    if n == 20:
                        restarter.start()
                    text = f"Comment {n} while the database restarts ({tag})"
                    try:
                        answer = client.post(
                            url, json={"revision": seeded["revision"], "text": text, "stance": "support"}
                        )
                    except httpx.HTTPError as error:
                        failures.append(f"{n}: {error!r}")
                        continue
                    if answer.is_success:
                        accepted[answer.json()["id"]] = text
                        if restarted.is_set():
                            after_restart += 1
                    else:
                        failures.append(f"{n}: {answer.status_code}")
                    if after_restart >= ACCEPTED_AFTER_RESTART or time.monotonic() > deadline:
                        break
                restarter.join(timeout=90)
                # The site answers again without a restart of its own: the last requests were all accepted.
                assert not restart_error, restart_error
                assert cluster.server_pid() != server_before  # a new server, not the one the site started with
                assert after_restart >= ACCEPTED_AFTER_RESTART, (len(accepted), failures[-5:])
                assert client.get(url).is_success

        with psycopg.connect(cluster.url()) as conn:
            stored = dict(conn.execute("SELECT id, text FROM consultations_comment").fetchall())
        missing = {pk: text for pk, text in accepted.items() if stored.get(pk) != text}
        assert not missing, missing
        print(f"{len(accepted)} comments accepted, {len(failures)} refused during the restart, none lost")
    finally:
        forget_queue(f"faults-{tag}")
