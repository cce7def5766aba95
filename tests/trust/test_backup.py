"""`bin/backup` writes a pg_dump archive and `bin/restore` brings it back: every table, row for row.

A scratch database on the project's cluster gets the reference data and the demo workflow (frameworks,
indicators, a consultation with comments and answers, an ExCom approval, a publication); it is backed up,
restored into another empty database, and the two are compared table by table.
"""

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from tests.servers import database_url
from tests.trust.faults_support import ROOT, forget_queue, manage, project_env, schema_facts, table_digests


@pytest.fixture
def scratch_databases() -> Iterator[tuple[str, str]]:
    """Two empty databases of this test on the project's cluster (source, target), dropped afterwards."""
    tag = uuid.uuid4().hex[:8]
    names = (f"trust_backup_{tag}_src", f"trust_backup_{tag}_dst")
    admin_url = database_url({**connection.settings_dict, "NAME": "postgres"})
    with psycopg.connect(admin_url, autocommit=True) as admin:
        for name in names:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield tuple(database_url({**connection.settings_dict, "NAME": name}) for name in names)  # type: ignore[misc]
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            for name in names:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def test_backup_and_restore_round_trip_every_table(scratch_databases: tuple[str, str], tmp_path: Path) -> None:
    source, target = scratch_databases
    tag = uuid.uuid4().hex[:8]
    env = project_env(source, tag)
    try:
        manage(["migrate", "--no-input", "-v", "0"], env)
        manage(["load_reference"], env)
        manage(["load_demo"], env)
    finally:
        forget_queue(f"faults-{tag}")  # publication files and e-mails the demo enqueued: no worker here
    before = table_digests(source)
    populated = {table for table, (count, _) in before.items() if count}
    # A full workflow: reference data, candidates, a consultation with answers, an approval and a publication.
    for table in (
        "mapping_framework",
        "indicators_indicatorrevision",
        "consultations_comment",
        "consultations_disposition",
        "approvals_approvalrequest",
        "approvals_publication",
    ):
        assert table in populated, f"the demo left {table} empty"

    archive = tmp_path / "workbench.dump"
    backup = subprocess.run(
        ["bin/backup", str(archive)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert backup.returncode == 0, backup.stderr
    assert archive.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format

    def restore() -> None:
        done = subprocess.run(
            ["bin/restore", str(archive)],
            cwd=ROOT,
            env={**env, "DATABASE_URL": target},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr

    restore()

    after = table_digests(target)
    assert sorted(after) == sorted(before)
    different = {table: (before[table], after[table]) for table in before if before[table] != after[table]}
    assert not different, different
    # Restoring again over a database that holds the data (the usual case: undoing damage) gives the same.
    restore()
    assert table_digests(target) == before
    print(f"{len(before)} tables, {sum(count for count, _ in before.values())} rows round-tripped")
    assert schema_facts(target) == schema_facts(source)
