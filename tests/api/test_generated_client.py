"""A client generated from the committed openapi.yaml by openapi-python-client fetches the latest publication."""

import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from approvals.models import Publication
from config.celery import app as celery_app
from tests.api.conftest import publish

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "workbench_api_client"


def _generate(tmp_path: Path) -> str:
    """Generate the client package into tmp_path; the generator's output."""
    generator = Path(sys.executable).parent / "openapi-python-client"
    command = [str(generator), "generate", "--path", str(ROOT / "openapi.yaml")]
    done = subprocess.run(
        [*command, "--output-path", str(tmp_path / PACKAGE), "--meta", "none"],
        check=True,
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        text=True,
    )
    return done.stdout + done.stderr


@pytest.fixture
def generated_client(tmp_path: Path) -> Iterator[str]:
    """Generate the client package into tmp_path and make it importable; its name."""
    _generate(tmp_path)
    sys.path.insert(0, str(tmp_path))
    yield PACKAGE
    sys.path.remove(str(tmp_path))
    for name in [name for name in sys.modules if name == PACKAGE or name.startswith(f"{PACKAGE}.")]:
        del sys.modules[name]


@pytest.fixture
def publication(transactional_db: None) -> Iterator[Publication]:
    celery_app.conf.task_always_eager = True
    try:
        yield publish(4, name="Client set")
    finally:
        celery_app.conf.task_always_eager = False


def test_generated_client_fetches_the_latest_publication(
    generated_client: str, publication: Publication, live_server
) -> None:
    client_module = importlib.import_module(f"{generated_client}.client")
    api = f"{generated_client}.api.publications"
    latest = importlib.import_module(f"{api}.publications_latest_retrieve")
    indicators = importlib.import_module(f"{api}.publications_latest_indicators_list")

    with client_module.Client(base_url=live_server.url, raise_on_unexpected_status=True) as client:
        response = latest.sync_detailed(client=client)
        assert response.status_code == 200
        snapshot = response.parsed.to_dict()
        page = indicators.sync(client=client)

    expected = json.loads(bytes(publication.snapshot_bytes))
    assert snapshot == expected
    assert page.count == 4
    assert [item.code for item in page.results] == [item["code"] for item in expected["indicators"]]
    assert response.headers["etag"] == f'"{publication.sha256}"'


def test_the_generator_understands_every_operation_and_model(tmp_path: Path) -> None:
    output = _generate(tmp_path)
    # Formatting the generated code needs ruff on PATH, which is optional: those lines are not about the schema.
    problems = [line for line in output.splitlines() if "Unable to" in line or "will not be generated" in line]
    problems += [line for line in output.splitlines() if "will be omitted" in line or "removal of" in line]
    assert not problems, output
    models = tmp_path / PACKAGE / "models"
    assert (models / "me.py").exists() and (models / "organisation.py").exists()
    assert (models / "error.py").exists()
