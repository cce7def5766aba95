"""Fixtures for the trust tests: the reference and demo data of a module (`world`), and axe-core from the npm
registry, installed once and pinned, and running it.

The site's content security policy forbids inline scripts, so a page that runs axe must come from a browser
context with `bypass_csp=True` (see `a11y_context_args`); other trust tests keep the policy in force.
"""

import io
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.trust import permission_expectations as expected

ROOT = Path(__file__).resolve().parents[2]
AXE_VERSION = "4.14.1"
NPM_PREFIX = ROOT / ".local" / "npm"
AXE_SCRIPT = NPM_PREFIX / "node_modules" / "axe-core" / "axe.min.js"
AXE_PACKAGE = NPM_PREFIX / "node_modules" / "axe-core" / "package.json"

# Impacts that fail a page; "minor" and "moderate" findings are reported by axe but do not fail it.
FAILING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="session")
def a11y_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's context arguments, bypassing the content security policy so that axe can run."""
    return {**browser_context_args, "bypass_csp": True}


def _installed_version() -> str | None:
    if not AXE_SCRIPT.exists() or not AXE_PACKAGE.exists():
        return None
    return json.loads(AXE_PACKAGE.read_text())["version"]


@pytest.fixture(scope="session")
def axe_script() -> Iterator[Path]:
    """The path of axe.min.js, installed once (pinned) from the npm registry when missing."""
    if _installed_version() != AXE_VERSION:
        npm = shutil.which("npm")
        assert npm, "npm is needed to install axe-core for the accessibility tests"
        subprocess.run(
            [
                npm,
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(NPM_PREFIX),
                f"axe-core@{AXE_VERSION}",
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
    assert _installed_version() == AXE_VERSION
    yield AXE_SCRIPT


def axe_violations(page: Any, script: Path) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now; return the serious and critical violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(script))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v.get("impact") in FAILING_IMPACTS]


def describe(violations: list[dict[str, Any]]) -> str:
    """A readable account of violations: rule, impact, help, and the first few offending elements."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[expected.World]:
    """Reference and demo data loaded once for a module, rolled back at its end
    (the module marks its tests `django_db` so that the test database exists)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_reference", stdout=io.StringIO())
        call_command("load_demo", stdout=io.StringIO())
        yield expected.build_world()
        transaction.set_rollback(True)
