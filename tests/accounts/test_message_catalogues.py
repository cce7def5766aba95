"""The interface is complete in every language that has a catalogue: nothing untranslated, fuzzy or missing."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po"))
SOURCE = [
    "accounts",
    "mapping",
    "indicators",
    "consultations",
    "approvals",
    "documents",
    "config",
    "templates",
    "manage.py",
]


def language(path: Path) -> str:
    return path.parts[-3]


def test_french_and_spanish_catalogues_exist() -> None:
    assert {"fr", "es"} <= {language(path) for path in CATALOGUES}


@pytest.mark.parametrize("path", CATALOGUES, ids=language)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(path: Path) -> None:
    catalogue = polib.pofile(str(path))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert not untranslated, f"{len(untranslated)} untranslated in {path}: {untranslated[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {path}: {fuzzy[:10]}"
    assert "INTEGER" not in catalogue.metadata.get("Plural-Forms", "INTEGER"), "set the Plural-Forms header"


def test_catalogues_hold_every_string_marked_in_the_source(tmp_path: Path) -> None:
    """Extract the strings afresh in a copy of the source and compare with the committed catalogues."""
    for name in SOURCE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(source, tmp_path / name)
    shutil.copytree(ROOT / "locale", tmp_path / "locale")

    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--all", "--no-obsolete", "-v", "0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]

    for path in CATALOGUES:
        committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}
        fresh = {(e.msgctxt, e.msgid) for e in polib.pofile(str(tmp_path / path.relative_to(ROOT)))}
        missing = sorted(msgid for _ctx, msgid in fresh - committed)
        assert not missing, f"{path} lacks {len(missing)} strings (run `make messages`): {missing[:10]}"
