"""/api/v1/indicators/, revisions, sets, set versions and the suggestion, with the browser's filters."""

import pytest

from indicators.models import Indicator, IndicatorRevision
from indicators.services import freeze_set_version
from tests.factories.indicators import all_objectives, make_indicator, make_set, sdg_indicator

pytestmark = pytest.mark.django_db

NEW = {
    "code": "GCM-20-5",
    "title": "Remittance costs",
    "definition": "Average cost of sending USD 200.",
    "rationale": "Cheaper remittances.",
    "primary_objective": 20,
    "sdg_links": [{"code": "10.c.1", "relation": "identical"}],
    "plan": [{"dimension": "geographic_location", "requirement": "recommended"}],
    "tier": "tier_1",
}


@pytest.fixture
def reference(db):
    all_objectives()
    sdg_indicator("10.c.1")
    from tests.factories.indicators import dimension

    dimension("geographic_location")


def test_signed_in_users_read_with_filters(client_for, stakeholder, reference):
    make_indicator("GCM-06-1")
    make_indicator("GCM-08-1", primary_objective=8, title="Missing migrants")
    client = client_for(stakeholder)
    body = client.get("/api/v1/indicators/", {"objective": 8}).json()
    assert [row["code"] for row in body["results"]] == ["GCM-08-1"]
    body = client.get("/api/v1/indicators/", {"q": "missing"}).json()
    assert body["results"][0]["code"] == "GCM-08-1" and body["results"][0]["rank"] > 0
    assert client.get("/api/v1/indicators/GCM-06-1/").json()["current_revision"]["number"] == 1


def test_anonymous_users_are_refused(client, reference):
    assert client.get("/api/v1/indicators/").status_code == 401


def test_co_leads_create_and_edit_through_new_revisions(client_for, co_lead, reference):
    client = client_for(co_lead)
    response = client.post("/api/v1/indicators/", NEW, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert response.json()["state"] == "draft"
    response = client.patch(
        "/api/v1/indicators/GCM-20-5/",
        {"title": "Cost of remittances", "change_summary": "Title"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    revision = response.json()["current_revision"]
    assert revision["number"] == 2 and revision["sdg_links"] == [{"code": "10.c.1", "relation": "identical"}]
    assert IndicatorRevision.objects.get(indicator__code="GCM-20-5", number=1).title == "Remittance costs"


def test_stakeholders_cannot_write(client_for, stakeholder, reference):
    response = client_for(stakeholder).post("/api/v1/indicators/", NEW, content_type="application/json")
    assert response.status_code == 403


def test_invalid_input_names_the_problem(client_for, co_lead, reference):
    response = client_for(co_lead).post(
        "/api/v1/indicators/", {**NEW, "sdg_links": [{"code": "99.9.9"}]}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "99.9.9" in response.json()["detail"]


def test_revisions_are_read_only_in_the_api(client_for, co_lead, reference):
    indicator = make_indicator("GCM-06-1")
    revision = indicator.current_revision
    client = client_for(co_lead)
    assert client.get("/api/v1/revisions/", {"indicator": "GCM-06-1"}).json()["count"] == 1
    response = client.patch(f"/api/v1/revisions/{revision.pk}/", {"title": "x"}, content_type="application/json")
    assert response.status_code == 405


def test_frozen_revision_via_api_edit_gets_a_new_revision(client_for, co_lead, reference):
    indicator = make_indicator("GCM-06-1")
    _set, version = make_set(indicators=[indicator])
    freeze_set_version(version=version, by=co_lead)
    response = client_for(co_lead).patch(
        "/api/v1/indicators/GCM-06-1/", {"title": "Changed"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert IndicatorRevision.objects.get(indicator=indicator, number=1).title != "Changed"
    assert version.items.get().revision.number == 1


def test_transition_endpoint(client_for, co_lead, stakeholder, reference):
    make_indicator("GCM-06-1")
    assert (
        client_for(stakeholder)
        .post("/api/v1/indicators/GCM-06-1/transition/", {"action": "shortlist"})
        .status_code
        == 403
    )
    response = client_for(co_lead).post("/api/v1/indicators/GCM-06-1/transition/", {"action": "shortlist"})
    assert response.json()["state"] == "shortlisted"
    response = client_for(co_lead).post("/api/v1/indicators/GCM-06-1/transition/", {"action": "propose"})
    assert response.status_code == 409 and "cannot" in response.json()["detail"]


def test_sets_versions_freeze_and_suggest(client_for, co_lead, stakeholder, reference):
    make_indicator("GCM-06-1")
    make_indicator("GCM-08-1", primary_objective=8)
    client = client_for(co_lead)
    limited_set = client.post("/api/v1/sets/", {"name": "Draft"}, content_type="application/json").json()
    version_id = limited_set["versions"][0]
    response = client.post(f"/api/v1/set-versions/{version_id}/add/", {"indicator": "GCM-06-1"})
    assert [item["indicator"] for item in response.json()["items"]] == ["GCM-06-1"]
    response = client.post(f"/api/v1/set-versions/{version_id}/freeze/")
    assert response.json()["is_frozen"] is True
    response = client.post(f"/api/v1/set-versions/{version_id}/add/", {"indicator": "GCM-08-1"})
    assert response.status_code == 409 and response.json()["code"] == "immutable"
    assert client_for(stakeholder).get("/api/v1/set-versions/", {"frozen": True}).json()["count"] == 1

    response = client.post(
        f"/api/v1/sets/{limited_set['id']}/suggest/",
        {"k": 1, "pinned_out": ["GCM-08-1"]},
        content_type="application/json",
    )
    body = response.json()
    assert response.status_code == 200
    assert body["method"] == "exact" and [c["code"] for c in body["chosen"]] == ["GCM-06-1"]
    assert 8 in body["uncoverable_objectives"] and len(body["uncoverable_objectives"]) == 22
    body = client.post(
        f"/api/v1/sets/{limited_set['id']}/suggest/", {"k": 2}, content_type="application/json"
    ).json()
    assert sorted(c["code"] for c in body["chosen"]) == ["GCM-06-1", "GCM-08-1"]
    assert body["short_objectives"]["6"] == 1 and body["short_objectives"]["1"] == 2


def test_schema_lists_the_endpoints(client_for, co_lead):
    schema = client_for(co_lead).get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()
    for path in (
        "/api/v1/indicators/",
        "/api/v1/revisions/",
        "/api/v1/sets/{id}/suggest/",
        "/api/v1/set-versions/",
    ):
        assert path in schema
    assert Indicator.objects.count() == 0
