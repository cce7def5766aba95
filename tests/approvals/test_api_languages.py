"""`?lang=` gives titles in the six UN languages: reference data, and the indicators of a publication."""

import pytest
from django.test import Client

from mapping.models import GcmObjective
from tests.approvals.test_sdmx import publish, translated_version, translations  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_publication_indicators_follow_lang_and_fall_back_to_english(publish) -> None:  # noqa: F811
    publication = publish(translated_version(size=2))
    path = f"/api/v1/publications/{publication.version}/indicators/"

    english = Client().get(path).json()["results"]
    spanish = Client().get(path, {"lang": "es"}).json()["results"]
    chinese = Client().get(path, {"lang": "zh-hans"}).json()["results"]
    unknown = Client().get(path, {"lang": "xx"}).json()["results"]

    assert [item["title"] for item in english] == ["Migration indicator 0", "Migration indicator 1"]
    assert [item["title"] for item in spanish] == [translations(0)["es"], translations(1)["es"]]
    assert [item["title"] for item in chinese] == [translations(0)["zh"], translations(1)["zh"]]
    assert [item["title"] for item in unknown] == [item["title"] for item in english]
    # Everything but the title is as published, the translations included.
    assert [{**item, "title": ""} for item in spanish] == [{**item, "title": ""} for item in english]
    assert spanish[0]["titles"]["fr"] == translations(0)["fr"]


def test_reference_titles_follow_lang() -> None:
    GcmObjective.objects.update_or_create(
        number=7,
        defaults={"title": "Address and reduce vulnerabilities in migration", "translations": {"ru": "Устранять"}},
    )

    russian = Client().get("/api/v1/reference/gcm-objectives/7/", {"lang": "ru"}).json()
    arabic = Client().get("/api/v1/reference/gcm-objectives/7/", {"lang": "ar"}).json()

    assert russian["title"] == "Устранять"
    assert arabic["title"] == "Address and reduce vulnerabilities in migration"
