"""Tools for the fault tests: a Celery worker with a short visibility timeout, a throwaway PostgreSQL cluster,
web and management processes run against it, and per-table digests of a database.

Run as a Celery app (`celery -A tests.trust.faults_support worker ...`) this module is the project's app with
the broker transport options of the environment variable FAULTS_BROKER_TRANSPORT_OPTIONS (JSON) applied: the
settings pin `visibility_timeout` to an hour, far too long to watch a killed worker's task come back.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from config.celery import app
from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent

if os.environ.get("FAULTS_BROKER_TRANSPORT_OPTIONS"):
    app.conf.broker_transport_options = json.loads(os.environ["FAULTS_BROKER_TRANSPORT_OPTIONS"])


def is_root() -> bool:
    return os.geteuid() == 0


def pg_bindir() -> Path:
    return Path(
        subprocess.run(["pg_config", "--bindir"], check=True, capture_output=True, text=True).stdout.strip()
    )


def as_postgres(command: Sequence[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL server command as the postgres user when we are root (the server refuses root)."""
    full = ["runuser", "-u", "postgres", "--", *command] if is_root() else list(command)
    return subprocess.run(full, cwd="/", check=True, capture_output=True, text=True, timeout=timeout)


class ThrowawayCluster:
    """A PostgreSQL cluster of its own in a temporary folder, on a free loopback port, removed by `destroy`."""

    def __init__(self) -> None:
        # Short path under /tmp: the socket path must stay under ~100 bytes, and postgres must enter the folder
        # (pytest's tmp_path lives under a folder only root may enter).
        self.root = Path(tempfile.mkdtemp(prefix="gcmpg-", dir="/tmp"))
        self.data = self.root / "data"
        self.sockets = self.root / "s"
        self.log = self.root / "postgres.log"
        self.port = free_port()
        self.bindir = pg_bindir()

    def url(self, database: str = "workbench") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def create(self) -> None:
        self.sockets.mkdir(parents=True)
        if is_root():
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(self.sockets, "postgres", "postgres")
        as_postgres(
            [str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust"]
            + ["--encoding=UTF8", "--locale=C.UTF-8"]
        )
        self.pg_ctl("start", "-l", str(self.log), "-o", self._options())
        as_postgres([str(self.bindir / "createdb"), "-h", str(self.sockets), "-p", str(self.port), "workbench"])

    def _options(self) -> str:
        # fsync off only speeds up migrations: a fast restart is a clean shutdown that writes a checkpoint.
        return f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c fsync=off"

    def pg_ctl(self, action: str, *extra: str) -> None:
        as_postgres([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60", action, *extra], 90)

    def restart(self) -> None:
        """Restart the server as an operator would: fast shutdown (open sessions are cut), then start."""
        # With a log file: otherwise the new server would hold pg_ctl's output pipe open for ever.
        self.pg_ctl("restart", "-m", "fast", "-l", str(self.log))

    def server_pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self.pg_ctl("stop", "-m", "immediate")
            except subprocess.SubprocessError:
                os.kill(self.server_pid(), signal.SIGKILL)
        shutil.rmtree(self.root, ignore_errors=True)


def project_env(database_url: str, tag: str, **extra: str) -> dict[str, str]:
    """The environment of a project process against a database, with a cache prefix and queue of its own."""
    env = dict(os.environ)
    env.pop("DJANGO_TEST_DB", None)
    env.update(
        DATABASE_URL=database_url,
        CACHE_KEY_PREFIX=f"faults-{tag}",
        CELERY_TASK_DEFAULT_QUEUE=f"faults-{tag}",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        DJANGO_ENV="development",
        **extra,
    )
    return env


def manage(args: Sequence[str], env: dict[str, str], timeout: float = 120) -> str:
    """Run `manage.py <args>` in a subprocess; its standard output."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, (
        f"manage.py {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    )
    return done.stdout


def forget_queue(name: str) -> None:
    """Delete a queue of ours from the broker (tasks the project enqueued while we built data)."""
    with app.connection_for_write() as conn:
        conn.default_channel.client.delete(name)


def seed_comment_round() -> None:
    """In the database of DATABASE_URL: an open round and a stakeholder with an API token; prints them as JSON.

    Run with `manage.py shell -c "from tests.trust.faults_support import seed_comment_round; ..."`.
    """
    from rest_framework.authtoken.models import Token

    from accounts.choices import OrganisationKind, Role
    from tests.factories.accounts import OrganisationFactory, UserFactory
    from tests.factories.consultations import RoundFactory, revisions_of

    organisation = OrganisationFactory(name="Mexico", kind=OrganisationKind.MEMBER_STATE, country="MEX")
    user = UserFactory(email="stella@example.org", organisation=organisation, roles=[Role.STAKEHOLDER])
    round_ = RoundFactory()
    token = Token.objects.create(user=user)
    print(json.dumps({"token": token.key, "round": round_.pk, "revision": revisions_of(round_)[0].pk}))


def table_digests(database_url: str) -> dict[str, tuple[int, str]]:
    """Every table of the public schema: (row count, md5 of its rows' text, sorted)."""
    import psycopg
    from psycopg import sql

    digests: dict[str, tuple[int, str]] = {}
    with psycopg.connect(database_url) as conn:
        tables = [
            row[0]
            for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        ]
        for table in tables:
            query = sql.SQL(
                "SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM {} AS t"
            ).format(sql.Identifier(table))
            count, digest = conn.execute(query).fetchone()  # type: ignore[misc]
            digests[table] = (int(count), str(digest))
    return digests


def schema_facts(database_url: str) -> dict[str, list[str]]:
    """What a restore must bring back besides rows: sequence positions, triggers, constraints, indexes."""
    import psycopg

    queries = {
        "sequences": "SELECT sequencename || '=' || coalesce(last_value, 0) FROM pg_sequences "
        "WHERE schemaname = 'public' ORDER BY 1",
        "triggers": "SELECT tgrelid::regclass || '.' || tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1",
        "constraints": "SELECT conrelid::regclass || '.' || conname FROM pg_constraint c "
        "JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' ORDER BY 1",
        "indexes": "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
        "functions": "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = 'public' ORDER BY 1",
    }
    with psycopg.connect(database_url) as conn:
        return {name: [str(row[0]) for row in conn.execute(query)] for name, query in queries.items()}
