"""The committed openapi.yaml is the code's schema.

When this fails, regenerate it with:
    .venv/bin/python manage.py openapi --file openapi.yaml --validate
and commit the result.
"""

import difflib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = ".venv/bin/python manage.py openapi --file openapi.yaml --validate"


@pytest.mark.django_db
def test_committed_schema_matches_the_code(tmp_path: Path) -> None:
    generated = tmp_path / "openapi.yaml"
    call_command("openapi", "--file", str(generated), "--validate", stdout=StringIO(), stderr=StringIO())
    committed = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    fresh = generated.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(committed.splitlines(True), fresh.splitlines(True), "openapi.yaml", "code", n=1)
    )
    assert committed == fresh, f"openapi.yaml differs from the code; regenerate: `{REGENERATE}`\n{diff[:4000]}"


@pytest.mark.django_db
def test_schema_generation_prints_no_warning(capfd) -> None:  # type: ignore[no-untyped-def]
    out, err = StringIO(), StringIO()
    call_command("openapi", "--validate", "--fail-on-warn", stdout=out, stderr=err)
    captured = capfd.readouterr()
    assert "warning" not in (err.getvalue() + captured.err).lower()


def _enums(node: object) -> list[tuple[str, list[object]]]:
    """Every (declared type, enum values) pair in a parsed schema."""
    found: list[tuple[str, list[object]]] = []
    if isinstance(node, dict):
        if isinstance(node.get("enum"), list):
            found.append((node.get("type", ""), list(node["enum"])))
        for value in node.values():
            found.extend(_enums(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_enums(value))
    return found


def test_a_yaml_1_2_reader_reads_string_codes_as_strings() -> None:
    """M49 region codes such as 019 stay strings for readers of YAML 1.2 (where a bare 019 is the number 19)."""
    schema = YAML(typ="safe").load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    string_enums = [values for kind, values in _enums(schema) if kind == "string"]
    assert any("019" in values for values in string_enums)
    not_strings = [value for values in string_enums for value in values if not isinstance(value, str | None)]
    assert not not_strings


def test_every_operation_has_a_summary_parameter_descriptions_and_examples() -> None:
    """What a client author reads first. Files and empty answers (204) have no JSON to show."""
    schema = YAML(typ="safe").load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    missing = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            name = f"{method.upper()} {path}"
            if not operation.get("summary"):
                missing.append(f"{name}: summary")
            parameters = operation.get("parameters", [])
            missing += [f"{name}: description of {p['name']}" for p in parameters if not p.get("description")]
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body is not None and not body.get("examples"):
                missing.append(f"{name}: request example")
            answers = [
                response["content"]["application/json"]
                for code, response in operation["responses"].items()
                if code.startswith("2") and "application/json" in response.get("content", {})
            ]
            if answers and not any(answer.get("examples") for answer in answers):
                missing.append(f"{name}: response example")
    assert not missing, "\n".join(missing)
