"""The SDMX-ML 2.1 download of a publication: sdmx1 reads it back with every indicator and its six names."""

import io
import json

import pytest
import sdmx
from django.urls import reverse

from approvals import services
from approvals.choices import FileFormat
from approvals.models import Publication, PublicationFile
from approvals.sdmx import sdmx_id, sdmx_version, structure_message
from approvals.selectors import snapshot_data
from indicators import services as indicator_services
from indicators.choices import SdgRelation, Tier
from tests.approvals.test_publications import approve_by_vote
from tests.factories.indicators import make_indicator, make_set

LANGUAGES = {"en": "en", "fr": "fr", "es": "es", "ar": "ar", "zh": "zh-Hans", "ru": "ru"}


def translations(n: int) -> dict[str, str]:
    return {
        "fr": f"Indicateur {n} des migrations",
        "es": f"Indicador {n} de migración",
        "ar": f"مؤشر الهجرة {n}",
        "zh": f"移民指标 {n}",
        "ru": f"Показатель миграции {n}",
    }


def translated_version(name: str = "Translated set", size: int = 3, hostile: str = ""):
    indicators = [
        make_indicator(
            code=f"GCM-{n + 1:02d}-1",
            title=f"Migration indicator {n}{hostile}",
            title_translations=translations(n),
            primary_objective=n + 1,
            other_objectives=[n + 10],
            tier=Tier.TIER_1,
            sdg_links=[("10.7.2", SdgRelation.IDENTICAL), (f"8.8.{n + 1}", SdgRelation.ADAPTED)],
        )
        for n in range(size)
    ]
    _set, version = make_set(name, indicators)
    return indicator_services.freeze_set_version(version=version, by=None)


@pytest.fixture
def publish(co_lead, secretariat, members, django_capture_on_commit_callbacks):
    return lambda version: approve_by_vote(
        version, co_lead, secretariat, members, django_capture_on_commit_callbacks
    )


def download(client_for, publication: Publication):
    return client_for(None).get(reverse("approvals:publication-download", args=[publication.version, "sdmx"]))


def test_sdmx1_reads_every_indicator_with_its_six_names_and_annotations(publish, client_for) -> None:
    publication = publish(translated_version())
    response = download(client_for, publication)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert response["Content-Disposition"] == f'attachment; filename="gcm-indicators-{publication.version}.xml"'
    assert response.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")

    message = sdmx.read_sdmx(io.BytesIO(response.content))
    assert message.header.test is False
    assert str(message.header.prepared).startswith(snapshot_data(publication)["published_at"][:10])
    codelist = message.codelist["CL_GCM_INDICATORS"]
    assert codelist.maintainer.id == "UNNM" and codelist.version == publication.version and codelist.is_final
    assert set(codelist.name.localizations) == set(LANGUAGES.values())

    records = snapshot_data(publication)["indicators"]
    assert len(codelist) == len(records) == 3
    for n, record in enumerate(records):
        code = codelist[record["code"]]
        expected = {"en": record["title"], **translations(n)}
        assert code.name.localizations == {LANGUAGES[key]: value for key, value in expected.items()}
        annotations = {(a.type, str(a.title)): a for a in code.annotations}
        assert ("SDG_INDICATOR", "10.7.2") in annotations and ("SDG_INDICATOR", f"8.8.{n + 1}") in annotations
        assert annotations[("SDG_INDICATOR", "10.7.2")].text.localizations == {"en": "identical"}
        assert ("GCM_OBJECTIVE", str(n + 1)) in annotations and ("GCM_OBJECTIVE", str(n + 10)) in annotations
        assert ("GCM_OBJECTIVE_PRIMARY", str(n + 1)) in annotations
        assert ("TIER", Tier.TIER_1) in annotations
    objectives = message.codelist["CL_GCM_OBJECTIVE"]
    assert sorted(int(code.id) for code in objectives) == [1, 2, 3, 10, 11, 12]


def test_the_file_is_stored_at_publication_and_built_again_to_the_same_bytes(publish) -> None:
    publication = publish(translated_version())
    stored = PublicationFile.objects.get(publication=publication, format=FileFormat.SDMX)
    again = services.publication_file_bytes(publication=publication, fmt=FileFormat.SDMX)
    assert bytes(stored.content) == again == structure_message(json.loads(publication.snapshot))
    assert stored.filename == f"gcm-indicators-{publication.version}.xml"


def test_hostile_titles_do_not_break_the_xml(publish, client_for) -> None:
    hostile = ' <script>alert("x")</script> & ]]> \x01\x0b\x1f'
    publication = publish(translated_version(name="Hostile set", hostile=hostile))
    message = sdmx.read_sdmx(io.BytesIO(download(client_for, publication).content))
    names = [code.name.localizations["en"] for code in message.codelist["CL_GCM_INDICATORS"]]
    assert names[0].startswith('Migration indicator 0 <script>alert("x")</script> & ]]>')
    assert not any(char in name for name in names for char in "\x01\x0b\x1f")


def test_a_snapshot_with_control_characters_and_odd_codes_still_gives_valid_xml() -> None:
    snapshot = {
        "version": "2026.12",
        "published_at": "2026-11-28T01:00:00+00:00",
        "indicators": [
            # A record as publications made before translated titles stored it: no `titles`.
            {"code": "GCM 07/2", "revision": 1, "title": "Old \x00title", "sdg_indicators": []},
            {"code": "GCM_07_2", "revision": 1, "title": "Same id once mapped", "primary_objective": None},
        ],
    }
    body = structure_message(snapshot)
    assert body == structure_message(json.loads(json.dumps(snapshot)))
    codelist = sdmx.read_sdmx(io.BytesIO(body)).codelist["CL_GCM_INDICATORS"]
    assert [code.id for code in codelist] == ["GCM_07_2", "GCM_07_2_2"]
    assert codelist["GCM_07_2"].name.localizations == {"en": "Old title"}
    original = [str(a.title) for a in codelist["GCM_07_2"].annotations if a.type == "GCM_INDICATOR_CODE"]
    assert original == ["GCM 07/2"]
    assert codelist.version == "2026.12"


def test_ids_and_versions_follow_the_sdmx_patterns() -> None:
    assert sdmx_id("GCM-07-2") == "GCM-07-2"
    assert sdmx_id("GCM.07 2") == "GCM_07_2"
    assert sdmx_version("2026.3") == "2026.3"


def test_the_bytes_are_deterministic(publish, client_for) -> None:
    publication = publish(translated_version())
    first = download(client_for, publication).content
    assert download(client_for, publication).content == first
    assert structure_message(snapshot_data(publication)) == first


def test_the_publication_page_lists_the_sdmx_download(publish, client_for) -> None:
    publication = publish(translated_version())
    page = client_for(None).get(reverse("approvals:publication", args=[publication.version])).content.decode()
    assert reverse("approvals:publication-download", args=[publication.version, "sdmx"]) in page
    assert "SDMX-ML" in page


def test_the_snapshot_carries_the_titles_in_every_language(publish) -> None:
    publication = publish(translated_version(size=1))
    record = json.loads(publication.snapshot)["indicators"][0]
    assert record["titles"] == {"en": "Migration indicator 0", **translations(0)}


def test_an_untranslated_indicator_has_its_english_title_only(publish, client_for) -> None:
    _set, version = make_set("Plain set", [make_indicator(code="GCM-09-9", title="Only in English")])
    publication = publish(indicator_services.freeze_set_version(version=version, by=None))
    assert json.loads(publication.snapshot)["indicators"][0]["titles"] == {"en": "Only in English"}
    codelist = sdmx.read_sdmx(io.BytesIO(download(client_for, publication).content)).codelist["CL_GCM_INDICATORS"]
    assert codelist["GCM-09-9"].name.localizations == {"en": "Only in English"}


def test_the_change_log_ignores_titles_missing_from_older_snapshots() -> None:
    from approvals.snapshot import change_log

    old = [{"code": "A", "revision": 1, "title": "T"}]
    new = [{"code": "A", "revision": 1, "title": "T", "titles": {"en": "T"}}]
    assert change_log(old, new)["changed"] == []
    translated = [{"code": "A", "revision": 2, "title": "T", "titles": {"en": "T", "fr": "T fr"}}]
    assert change_log(old, translated)["changed"] == [{"code": "A", "title": "T", "fields": ["titles"]}]
