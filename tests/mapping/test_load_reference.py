"""Acceptance 1: load_reference with and without the reference folder, idempotent."""

import csv
from pathlib import Path

import pytest

from mapping.models import Crosswalk, Framework, GcmObjective, GuidingPrinciple, SdgGoal, SdgIndicator, SdgTarget
from tests.mapping.conftest import REFERENCE, run_command

LANGUAGES = ["ar", "zh", "fr", "ru", "es"]


def test_full_reference_has_the_whole_framework(full_reference: None) -> None:
    assert GcmObjective.objects.count() == 23
    assert GuidingPrinciple.objects.count() == 10
    assert SdgGoal.objects.count() == 17
    assert SdgTarget.objects.count() == 169
    stored = {indicator.code: indicator for indicator in SdgIndicator.objects.all()}
    with (REFERENCE / "sdg_indicators.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 240
    for row in rows:
        indicator = stored[row["code"]]
        assert indicator.title == row["title_en"].strip()
        assert indicator.is_active
        for lang in LANGUAGES:
            if row[f"title_{lang}"].strip():
                assert indicator.title_in(lang) == row[f"title_{lang}"].strip()


def test_goal_and_target_titles_in_six_languages(full_reference: None) -> None:
    with (REFERENCE / "sdg_targets.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["code"]: row for row in csv.DictReader(handle)}
    target = SdgTarget.objects.get(code="10.7")
    assert target.title_in("en") == rows["10.7"]["title_en"]
    assert target.title_in("zh-hans") == rows["10.7"]["title_zh"]
    assert target.title_in("ar") == rows["10.7"]["title_ar"]
    assert SdgGoal.objects.get(number=10).title_in("ru") != SdgGoal.objects.get(number=10).title


def test_repeated_indicator_lists_every_target(full_reference: None) -> None:
    indicator = SdgIndicator.objects.get(code="1.5.1")
    assert sorted(indicator.targets.values_list("code", flat=True)) == ["1.5", "11.5", "13.1"]
    assert indicator.repeats_as == ["11.5.1", "13.1.1"]


def test_retired_codes_are_kept_inactive(full_reference: None) -> None:
    assert SdgIndicator.objects.get(code="1.a.3").is_active is False


def test_builtin_set_alone(builtin_reference: None, tmp_path: Path) -> None:
    assert GcmObjective.objects.count() == 23
    assert GuidingPrinciple.objects.count() == 10
    assert SdgGoal.objects.count() == 17
    codes = set(SdgIndicator.objects.values_list("code", flat=True))
    for target in ["10.7", "10.c", "8.7", "8.8", "4.b", "5.2", "16.2", "17.18", "3.c", "16.9", "17.3"]:
        assert SdgTarget.objects.filter(code=target).exists(), target
        assert any(code.startswith(target + ".") for code in codes), target
    assert {"1.5.1", "11.5.1", "13.1.1", "10.7.2", "10.c.1"} <= codes
    assert set(Framework.objects.values_list("slug", flat=True)) == {
        "sdg-global-indicator-framework",
        "sdg-10-7-2",
        "iom-mgi",
        "mipex",
    }


def test_missing_folder_is_reported_and_the_builtin_set_used(db: None, tmp_path: Path) -> None:
    output = run_command("load_reference", "--folder", str(tmp_path / "absent"))
    assert "built-in set only" in output
    assert GcmObjective.objects.count() == 23


def test_second_run_changes_nothing(full_reference: None) -> None:
    links = Crosswalk.objects.count()
    output = run_command("load_reference")
    assert "added 0; changed 0; retired 0" in output
    assert Crosswalk.objects.count() == links


def test_frameworks_record_endorsement_and_sort_endorsed_first(builtin_reference: None) -> None:
    frameworks = list(Framework.objects.all())
    endorsed = [f.endorsed_by_intergovernmental for f in frameworks]
    assert endorsed == sorted(endorsed, reverse=True)
    ten_seven_two = Framework.objects.get(slug="sdg-10-7-2")
    assert ten_seven_two.endorsed_by_intergovernmental
    assert sorted(ten_seven_two.elements.values_list("code", flat=True)) == [f"PD_{n}" for n in range(1, 7)]
    assert Framework.objects.get(slug="iom-mgi").elements.filter(parent=None).count() == 6
    assert Framework.objects.get(slug="mipex").elements.count() == 8


@pytest.mark.parametrize("language", ["fr", "zh-hans", "xx", None])
def test_title_in_falls_back_to_english(builtin_reference: None, language: str | None) -> None:
    objective = GcmObjective.objects.get(number=1)
    assert objective.title_in(language) == objective.title  # the built-in objectives carry English only


def test_the_folder_comes_from_the_setting(db: None, settings: object, tmp_path: Path) -> None:
    settings.REFERENCE_DATA_DIR = tmp_path  # type: ignore[attr-defined]
    assert "built-in set only" in run_command("load_reference")
    assert SdgTarget.objects.count() < 169
    if (REFERENCE / "sdg_indicators.csv").exists():
        settings.REFERENCE_DATA_DIR = REFERENCE  # type: ignore[attr-defined]
        assert str(REFERENCE) in run_command("load_reference")
        assert SdgTarget.objects.count() == 169
