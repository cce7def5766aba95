"""The committed openapi.yaml is the code's schema.

When this fails, regenerate it with:
    .venv/bin/python manage.py spectacular --file openapi.yaml --validate
and commit the result.
"""

import difflib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = ".venv/bin/python manage.py spectacular --file openapi.yaml --validate"


@pytest.mark.django_db
def test_committed_schema_matches_the_code(tmp_path: Path) -> None:
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(generated), "--validate", stdout=StringIO(), stderr=StringIO())
    committed = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    fresh = generated.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(committed.splitlines(True), fresh.splitlines(True), "openapi.yaml", "code", n=1)
    )
    assert committed == fresh, f"openapi.yaml differs from the code; regenerate: `{REGENERATE}`\n{diff[:4000]}"


@pytest.mark.django_db
def test_schema_generation_prints_no_warning(capfd) -> None:  # type: ignore[no-untyped-def]
    out, err = StringIO(), StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out, stderr=err)
    captured = capfd.readouterr()
    assert "warning" not in (err.getvalue() + captured.err).lower()
