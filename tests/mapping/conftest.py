import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

REFERENCE = Path(settings.REFERENCE_DATA_DIR)


def run_command(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def builtin_reference(db: None) -> None:
    """The built-in reference set and the frameworks, as on a machine without the reference folder."""
    run_command("load_reference", "--builtin-only")


@pytest.fixture
def full_reference(db: None) -> None:
    """Everything load_reference loads when the reference folder is present."""
    if not (REFERENCE / "sdg_indicators.csv").exists():
        pytest.skip("the reference folder is not available")
    run_command("load_reference")


@pytest.fixture
def command() -> Callable[..., str]:
    return run_command
