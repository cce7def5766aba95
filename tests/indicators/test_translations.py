"""Indicator titles in the six UN languages: the revision form, the API, new revisions, the demo, frozen rows."""

from io import StringIO

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from config.errors import InvalidInput
from indicators import demo, services
from indicators.models import Indicator, IndicatorRevision
from mapping.models import SdgIndicator
from tests.factories.indicators import all_objectives, make_indicator, make_set, revision_data

pytestmark = pytest.mark.django_db

FRENCH = "Coûts de recrutement à la charge des travailleurs migrants"
ALL = {
    "fr": FRENCH,
    "es": "Costos de contratación sufragados por los trabajadores migrantes",
    "ar": "تكاليف التوظيف التي يتحملها العمال المهاجرون",
    "zh": "移民工人承担的招聘费用",
    "ru": "Расходы на наем, которые несут трудящиеся-мигранты",
}


def form_values(**changes: str) -> dict[str, object]:
    values = {
        "title": "Recruitment costs borne by migrant workers",
        "definition": "Cost over income.",
        "rationale": "Fair recruitment.",
        "primary_objective": "6",
        "periodicity": "annual",
        "tier": "tier_2",
    }
    values.update(changes)
    return values


def test_title_in_falls_back_to_english():
    revision = make_indicator("GCM-06-1", title_translations={"fr": FRENCH}).current_revision
    assert revision.title_in("fr") == FRENCH
    assert revision.title_in("fr-ca") == FRENCH
    assert revision.title_in("es") == revision.title
    assert revision.title_in(None) == revision.title
    assert revision.titles == {"en": revision.title, "fr": FRENCH}


def test_a_new_revision_keeps_the_previous_translations_unless_new_ones_are_given(co_lead):
    indicator = make_indicator("GCM-06-1", title_translations=ALL)
    second = services.revise_indicator(
        indicator=indicator, data=revision_data(definition="Changed", change_summary="Definition"), by=co_lead
    )
    assert second.title_translations == ALL
    third = services.revise_indicator(
        indicator=indicator, data=revision_data(title_translations={"fr": "Nouveau titre", "es": " "}), by=co_lead
    )
    assert third.title_translations == {"fr": "Nouveau titre"}
    edit = services.RevisionData.from_revision(third, change_summary="Copy")
    assert services.revise_indicator(indicator=indicator, data=edit, by=co_lead).title_translations == {
        "fr": "Nouveau titre"
    }
    assert IndicatorRevision.objects.get(indicator=indicator, number=1).title_translations == ALL


def test_unknown_languages_are_refused_and_control_characters_dropped():
    with pytest.raises(InvalidInput, match="Unknown title language"):
        make_indicator("GCM-06-1", title_translations={"de": "Anwerbungskosten"})
    revision = make_indicator("GCM-06-2", title_translations={"fr": "Co\x01ûts\x0b"}).current_revision
    assert revision.title_translations == {"fr": "Coûts"}


def test_the_revision_form_edits_the_translations(client_for, co_lead):
    all_objectives()
    make_indicator("GCM-06-1", title_translations={"fr": FRENCH})
    client = client_for(co_lead)
    url = reverse("indicators:edit", args=["GCM-06-1"])
    page = client.get(url).content.decode()
    labels = {"fr": "French", "es": "Spanish", "ar": "Arabic", "zh": "Chinese", "ru": "Russian"}
    for key, label in labels.items():
        assert f'<label for="id_title_{key}">Title in {label}</label>' in page
    assert FRENCH in page and 'lang="zh-Hans"' in page and 'dir="rtl"' in page
    values = form_values(**{f"title_{key}": value for key, value in ALL.items() if key != "fr"})
    response = client.post(url, values)
    assert response.status_code == 302, response.context["form"].errors
    revision = Indicator.objects.get(code="GCM-06-1").current_revision
    assert revision.number == 2
    assert revision.title_translations == {key: value for key, value in ALL.items() if key != "fr"}


def test_the_create_form_takes_translations(client_for, co_lead):
    all_objectives()
    response = client_for(co_lead).post(
        reverse("indicators:create"), form_values(code="GCM-06-9", title_ru=ALL["ru"])
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Indicator.objects.get(code="GCM-06-9").current_revision.title_translations == {"ru": ALL["ru"]}


def test_the_api_reads_and_writes_translations(client_for, co_lead):
    all_objectives()
    client = client_for(co_lead)
    body = {
        "code": "GCM-06-7",
        "title": "Recruitment costs",
        "title_translations": {"fr": FRENCH, "zh": ALL["zh"]},
        "definition": "Cost over income.",
        "rationale": "Fair recruitment.",
        "primary_objective": 6,
    }
    response = client.post("/api/v1/indicators/", body, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert response.json()["current_revision"]["title_translations"] == {"fr": FRENCH, "zh": ALL["zh"]}
    # A change that does not send translations keeps them.
    response = client.patch(
        "/api/v1/indicators/GCM-06-7/", {"definition": "Changed."}, content_type="application/json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["current_revision"]["title_translations"] == {"fr": FRENCH, "zh": ALL["zh"]}
    response = client.patch(
        "/api/v1/indicators/GCM-06-7/", {"title_translations": ALL}, content_type="application/json"
    )
    assert response.json()["current_revision"]["title_translations"] == ALL
    assert client.get("/api/v1/indicators/GCM-06-7/").json()["current_revision"]["title_translations"] == ALL
    refused = client.patch(
        "/api/v1/indicators/GCM-06-7/", {"title_translations": {"xx": "?"}}, content_type="application/json"
    )
    assert refused.status_code == 400 and "title_translations" in refused.json()["errors"]


def test_a_frozen_revision_refuses_a_change_of_translations(co_lead):
    indicator = make_indicator("GCM-06-1", title_translations={"fr": FRENCH})
    _set, version = make_set(indicators=[indicator])
    services.freeze_set_version(version=version, by=co_lead)
    revision = indicator.revisions.get()
    sql = "UPDATE indicators_indicatorrevision SET title_translations = '{}'::jsonb WHERE id = %s"
    refused = pytest.raises(IntegrityError, match="frozen set version")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [revision.pk])
    revision.refresh_from_db()
    assert revision.title_translations == {"fr": FRENCH}


def test_demo_candidates_take_the_titles_of_their_identical_sdg_indicator():
    from mapping import services as mapping_services

    mapping_services.load_builtin_reference()
    demo.load(StringIO())
    followed = Indicator.objects.get(code="GCM-08-1").current_revision  # 10.7.3, identical
    sdg = SdgIndicator.objects.get(code="10.7.3")
    assert followed.title_translations and followed.title_translations == sdg.translations
    adapted = Indicator.objects.get(code="GCM-01-1").current_revision  # 17.18.1, adapted
    assert adapted.title_translations == {}


def test_the_indicator_page_shows_the_translations_and_the_diff_compares_them(client_for, co_lead):
    indicator = make_indicator("GCM-06-1", title_translations={"ar": ALL["ar"]})
    services.revise_indicator(indicator=indicator, data=revision_data(title_translations=ALL), by=co_lead)
    page = client_for(co_lead).get(reverse("indicators:detail", args=["GCM-06-1"])).content.decode()
    assert f'<li lang="zh-Hans">{ALL["zh"]}</li>' in page and f'<li lang="ar" dir="rtl">{ALL["ar"]}</li>' in page
    assert "Title in other languages" in page and "<ins>" in page
