"""Fixtures shared by every app's tests: personas, a real Celery worker, and Chromium for browser tests.

Personas: alice the co-lead (IOM), sam the secretariat (UN DESA), stella a stakeholder of Mexico, fiona the
focal point of Mexico, eric an ExCom member (ILO), and oscar the outsider (a stakeholder of Morocco).
"""

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from accounts.choices import OrganisationKind, Region, Role
from accounts.models import Organisation, User
from config.celery import app as celery_app
from tests.factories.accounts import PASSWORD, OrganisationFactory, UserFactory
from tests.servers import database_url

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
RUN_ID = uuid.uuid4().hex[:10]

# Tasks sent by this test run go to a queue of its own, so that no other worker (a `make run` in another
# terminal, a concurrent test run) consumes them; cache keys get a prefix of their own for the same reason.
TEST_QUEUE = f"test-{RUN_ID}"
celery_app.conf.task_default_queue = TEST_QUEUE
settings.CACHES["default"]["KEY_PREFIX"] = f"test-{RUN_ID}"
# Every test client comes from one address and some tests send thousands of API requests: rates generous enough
# never to refuse, here and in the servers tests start. tests/config/test_throttling.py sets real rates.
GENEROUS_RATE = "1000000/minute"
settings.API_THROTTLE_RATES = {"anon": GENEROUS_RATE, "account": GENEROUS_RATE}
os.environ["API_ANON_RATE"] = os.environ["API_ACCOUNT_RATE"] = GENEROUS_RATE


@pytest.fixture(autouse=True)
def _forget_cache_between_tests() -> Iterator[None]:
    yield
    client = cache._cache.get_client(write=True)  # the redis client behind Django's cache
    keys = list(client.scan_iter(match=f"*test-{RUN_ID}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: object) -> Iterator[None]:
    """The test database, dropped at the end even if a live server's keep-alive thread still holds a connection."""
    yield
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:  # type: ignore[attr-defined]
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


# --- Personas ------------------------------------------------------------------------------------------------


@pytest.fixture
def iom(db: None) -> Organisation:
    return OrganisationFactory(name="International Organization for Migration", acronym="IOM")


@pytest.fixture
def mexico(db: None) -> Organisation:
    return OrganisationFactory(
        name="Mexico",
        acronym="",
        kind=OrganisationKind.MEMBER_STATE,
        country="MEX",
        region=Region.AMERICAS,
        is_champion_country=True,
    )


@pytest.fixture
def morocco(db: None) -> Organisation:
    return OrganisationFactory(
        name="Morocco", acronym="", kind=OrganisationKind.MEMBER_STATE, country="MAR", region=Region.AFRICA
    )


@pytest.fixture
def co_lead(iom: Organisation) -> User:
    return UserFactory(email="alice@example.org", first_name="Alice", organisation=iom, roles=[Role.CO_LEAD])


@pytest.fixture
def secretariat(db: None) -> User:
    desa = OrganisationFactory(name="UN DESA", acronym="DESA")
    return UserFactory(email="sam@example.org", first_name="Sam", organisation=desa, roles=[Role.SECRETARIAT])


@pytest.fixture
def stakeholder(mexico: Organisation) -> User:
    return UserFactory(
        email="stella@example.org", first_name="Stella", organisation=mexico, roles=[Role.STAKEHOLDER]
    )


@pytest.fixture
def focal_point(mexico: Organisation) -> User:
    return UserFactory(
        email="fiona@example.org",
        first_name="Fiona",
        organisation=mexico,
        is_focal_point=True,
        roles=[Role.STAKEHOLDER],
    )


@pytest.fixture
def excom_member(db: None) -> User:
    ilo = OrganisationFactory(name="International Labour Organization", acronym="ILO")
    return UserFactory(email="eric@example.org", first_name="Eric", organisation=ilo, roles=[Role.EXCOM_MEMBER])


@pytest.fixture
def outsider(morocco: Organisation) -> User:
    return UserFactory(
        email="oscar@example.org", first_name="Oscar", organisation=morocco, roles=[Role.STAKEHOLDER]
    )


@pytest.fixture
def client_for(db: None) -> Callable[[User | None], Client]:
    """A Django test client signed in as the given user (or anonymous for None)."""

    def make(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def password() -> str:
    return PASSWORD


# --- A real Celery worker ------------------------------------------------------------------------------------


class Mailbox:
    """The e-mails a worker process wrote with Django's file-based backend."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def clear(self) -> None:
        for item in self.path.glob("*"):
            item.unlink()

    def messages(self) -> list[Message]:
        found: list[Message] = []
        for item in sorted(self.path.glob("*.log")):
            # The file backend separates messages with a line of 79 dashes.
            for chunk in item.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if chunk.strip():
                    found.append(message_from_bytes(chunk.strip()))
        return found


class WorkerProcess:
    """A `celery worker` subprocess consuming this test run's queue against the test database."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = env
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "-Q",
            TEST_QUEUE,
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
            "-n",
            f"{TEST_QUEUE}@%h",
        ]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log)
        self.wait_until_ready()

    def wait_until_ready(self, timeout: float = 60) -> None:
        result = celery_app.send_task("config.ping", kwargs={"value": "ready"}, queue=TEST_QUEUE)
        assert result.get(timeout=timeout) == "ready", self.log.read_text()[-3000:]

    def stop(self, sig: int | None = None) -> None:
        if self.process is None:
            return
        if sig is None:
            self.process.terminate()
        else:
            self.process.send_signal(sig)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


def worker_env(*, queue: str, mail_dir: Path) -> dict[str, str]:
    """The environment of a worker process on the test database and this run's Redis keys, taking `queue` and
    writing e-mails as files into `mail_dir`."""
    from django.db import connection

    return dict(
        os.environ,
        DATABASE_URL=database_url(connection.settings_dict),
        REDIS_URL=settings.REDIS_URL,
        CELERY_BROKER_URL=settings.CELERY_BROKER_URL,
        CELERY_RESULT_BACKEND=settings.CELERY_RESULT_BACKEND,
        CACHE_KEY_PREFIX=f"test-{RUN_ID}",
        CELERY_TASK_DEFAULT_QUEUE=queue,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_dir),
        DB_CONN_MAX_AGE="0",
    )


@pytest.fixture(scope="session")
def worker_mailbox(tmp_path_factory: pytest.TempPathFactory) -> Mailbox:
    return Mailbox(tmp_path_factory.mktemp("worker-mail"))


@pytest.fixture(scope="session")
def _worker_process(
    django_db_setup: None, worker_mailbox: Mailbox, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WorkerProcess]:

    env = worker_env(queue=TEST_QUEUE, mail_dir=worker_mailbox.path)
    worker = WorkerProcess(env, tmp_path_factory.mktemp("worker") / "worker.log")
    worker.start()
    yield worker
    worker.stop()
    # Drop whatever this run left in its queue.
    with celery_app.connection_for_write() as conn:
        conn.default_channel.client.delete(TEST_QUEUE)


@pytest.fixture
def celery_worker(
    transactional_db: None, _worker_process: WorkerProcess, worker_mailbox: Mailbox
) -> WorkerProcess:
    """A running worker that sees what the test commits (the test runs outside a wrapping transaction)."""
    worker_mailbox.clear()
    if _worker_process.process is None or _worker_process.process.poll() is not None:
        _worker_process.start()
    return _worker_process


# --- Chromium for browser tests ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Chromium is missing: `make test` installs Debian's chromium package"
    return {
        **browser_type_launch_args,
        "executable_path": chromium,
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture
def sign_in(live_server: object, client_for: Callable[[User | None], Client]) -> Callable[..., None]:
    """Sign a Playwright page in as a user by handing it a real session cookie."""

    def sign_in_page(page: object, user: User) -> None:
        client = client_for(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(  # type: ignore[attr-defined]
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]  # type: ignore[attr-defined]
        )

    return sign_in_page


@pytest.fixture
def signed_in_page(browser: Any, sign_in: Callable[..., None]) -> Iterator[Callable[[User], Any]]:
    """Open a signed-in page for a user, in a browser context of its own; the contexts are closed at the end so
    that the live server's keep-alive threads end and release their database connections."""
    contexts = []

    def open_page(user: User) -> Any:
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        sign_in(page, user)
        return page

    yield open_page
    for context in contexts:
        context.close()


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [
        f"test run {RUN_ID}: celery queue {TEST_QUEUE}, database {settings.DATABASES['default']['TEST']['NAME']}"
    ]
