"""Acceptance 2: import_sdg_framework reads the UNSD API answer and the CSV layout, atomically."""

import json
import shutil
from pathlib import Path

import pytest
from django.core.management.base import CommandError

from mapping.models import SdgIndicator, SdgTarget
from tests.mapping.conftest import REFERENCE, run_command

API_FILE = REFERENCE / "unsd_sdg_api_indicator_list_2022Q1.json"
needs_api_file = pytest.mark.skipif(not API_FILE.exists(), reason="the reference folder is not available")


def _snapshot() -> list[tuple]:
    return list(
        SdgIndicator.objects.order_by("code").values_list("code", "title", "tier", "series_codes", "is_active")
    )


@needs_api_file
def test_imports_all_248_entries_with_series(builtin_reference: None) -> None:
    output = run_command("import_sdg_framework", str(API_FILE))
    entries = json.loads(API_FILE.read_text(encoding="utf-8"))
    assert len(entries) == 248
    stored = {indicator.code: indicator for indicator in SdgIndicator.objects.all()}
    for entry in entries:
        indicator = stored[entry["code"]]
        assert indicator.is_active
        assert indicator.title == entry["description"].strip()
        assert indicator.series_codes == list(dict.fromkeys(series["code"] for series in entry["series"]))
    assert "10.7.3" in stored and stored["10.7.3"].series_codes == ["SM_DTH_MIGR"]
    assert "added" in output


@needs_api_file
def test_second_run_changes_nothing(builtin_reference: None) -> None:
    run_command("import_sdg_framework", str(API_FILE))
    before = _snapshot()
    output = run_command("import_sdg_framework", str(API_FILE))
    assert "added 0; changed 0; retired 0" in output
    assert _snapshot() == before


@needs_api_file
def test_broken_row_names_the_row_and_writes_nothing(full_reference: None, tmp_path: Path) -> None:
    entries = json.loads(API_FILE.read_text(encoding="utf-8"))
    entries[0]["description"] = "A changed title that must not be written"
    entries[41]["code"] = "10.7.x"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(entries), encoding="utf-8")
    before = _snapshot()
    with pytest.raises(CommandError, match=r"broken.json, row 42, field 'code'"):
        run_command("import_sdg_framework", str(broken))
    assert _snapshot() == before


def test_dry_run_writes_nothing(builtin_reference: None, tmp_path: Path) -> None:
    data = [
        {"goal": "10", "target": "10.7", "code": "10.7.9", "description": "A new one", "tier": "2", "series": []}
    ]
    path = tmp_path / "list.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = _snapshot()
    output = run_command("import_sdg_framework", str(path), "--dry-run")
    assert "Dry run" in output and "10.7.9" in output
    assert _snapshot() == before


def test_codes_that_disappear_are_retired_not_deleted(builtin_reference: None, tmp_path: Path) -> None:
    data = [{"goal": "10", "target": "10.7", "code": "10.7.2", "description": "Policies", "tier": "1",
             "series": [{"code": "SG_CPA_MIGRS"}]}]  # fmt: skip
    path = tmp_path / "list.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    output = run_command("import_sdg_framework", str(path))
    assert "retired" in output and "10.7.3" in output
    assert SdgIndicator.objects.get(code="10.7.3").is_active is False
    assert SdgIndicator.objects.get(code="10.7.2").is_active is True
    assert SdgIndicator.objects.get(code="10.7.2").series_codes == ["SG_CPA_MIGRS"]


def test_unknown_target_is_created_as_a_placeholder(builtin_reference: None, tmp_path: Path) -> None:
    data = [{"goal": "1", "target": "1.1", "code": "1.1.1", "description": "Poverty", "tier": "1", "series": []}]
    path = tmp_path / "list.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    run_command("import_sdg_framework", str(path))
    assert SdgTarget.objects.get(code="1.1").goal.number == 1


@pytest.mark.skipif(not (REFERENCE / "sdg_indicators.csv").exists(), reason="no reference folder")
def test_csv_folder_with_a_bad_cell_names_file_row_and_field(builtin_reference: None, tmp_path: Path) -> None:
    for name in ["sdg_goals.csv", "sdg_targets.csv", "sdg_indicators.csv"]:
        shutil.copy(REFERENCE / name, tmp_path / name)
    path = tmp_path / "sdg_indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = lines[5].replace(lines[5].split(",")[0], "not-a-code", 1)
    path.write_text("".join(lines), encoding="utf-8")
    before = _snapshot()
    with pytest.raises(CommandError, match=r"sdg_indicators.csv, row 6, field 'code'"):
        run_command("import_sdg_framework", str(tmp_path))
    assert _snapshot() == before


@pytest.mark.skipif(not (REFERENCE / "sdg_indicators.csv").exists(), reason="no reference folder")
def test_csv_folder_imports_titles_in_six_languages(builtin_reference: None) -> None:
    run_command("import_sdg_framework", str(REFERENCE))
    assert SdgTarget.objects.count() == 169
    assert SdgIndicator.objects.get(code="10.7.2").title_in("fr").startswith("Nombre de pays")


def test_url_failure_is_reported(db: None) -> None:
    with pytest.raises(CommandError, match="Could not fetch"):
        run_command("import_sdg_framework", "--url", "http://127.0.0.1:9/nothing", "--timeout", "1")


def test_url_answer_is_imported(builtin_reference: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    answer = [{"goal": "10", "target": "10.7", "code": "10.7.2", "description": "Policies", "tier": "1",
               "series": [{"code": "SG_CPA_MIGRS"}, {"code": "SG_CPA_MIGRP"}]}]  # fmt: skip
    seen: dict[str, object] = {}

    def fake_get(url: str, **kwargs: object) -> httpx.Response:
        seen.update(url=url, **kwargs)
        return httpx.Response(200, json=answer, request=httpx.Request("GET", url))

    monkeypatch.setattr(httpx, "get", fake_get)
    output = run_command("import_sdg_framework", "--url", "--timeout", "5", "--dry-run")
    assert seen["url"] == "https://unstats.un.org/sdgapi/v1/sdg/Indicator/List" and seen["timeout"] == 5.0
    assert "Dry run" in output and "10.7.2" in output
