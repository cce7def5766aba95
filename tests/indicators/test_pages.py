"""The browser pages: catalogue, indicator page with history and diff, edit form, matrix, builder, exports."""

import json

import pytest
from django.urls import reverse

from indicators import services
from indicators.models import Indicator
from indicators.services import PlanLine
from tests.factories.indicators import all_objectives, make_indicator, make_set, principle, sdg_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue_data(db):
    all_objectives()
    principle(1)
    first = make_indicator(
        "GCM-06-1",
        sdg_links=[("10.7.1", "identical")],
        plan=[PlanLine("migratory_status"), PlanLine("sex", "recommended")],
        principles=[1],
    )
    second = make_indicator("GCM-08-1", title="Migrants who died or disappeared", primary_objective=8)
    return first, second


def test_catalogue_lists_and_searches(client_for, stakeholder, catalogue_data):
    client = client_for(stakeholder)
    response = client.get(reverse("indicators:catalogue"))
    assert response.status_code == 200
    assert "GCM-06-1" in response.text and "GCM-08-1" in response.text
    response = client.get(reverse("indicators:catalogue"), {"q": "disappeared"})
    assert "GCM-08-1" in response.text and "GCM-06-1" not in response.text


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_catalogue_exports(client_for, stakeholder, catalogue_data, fmt):
    response = client_for(stakeholder).get(reverse("indicators:catalogue"), {"format": fmt, "objective": 6})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "json":
        rows = json.loads(body)
        assert [row["code"] for row in rows] == ["GCM-06-1"]
        assert rows[0]["disaggregation_required"] == "migratory_status"
    elif fmt == "csv":
        assert b"GCM-06-1" in body and b"GCM-08-1" not in body


def test_catalogue_needs_sign_in(client):
    assert client.get(reverse("indicators:catalogue")).status_code == 302


def test_indicator_page_shows_history_and_word_diff(client_for, co_lead, catalogue_data):
    indicator = catalogue_data[0]
    data = services.RevisionData.from_revision(
        indicator.current_revision, title="Recruitment costs paid by migrant workers", change_summary="Wording"
    )
    services.revise_indicator(indicator=indicator, data=data, by=co_lead)
    response = client_for(co_lead).get(reverse("indicators:detail", args=["GCM-06-1"]))
    assert response.status_code == 200
    assert "<del>borne</del>" in response.text and "<ins>paid</ins>" in response.text
    assert "r2" in response.text and "Wording" in response.text


def test_edit_form_creates_a_new_revision(client_for, co_lead, catalogue_data):
    client = client_for(co_lead)
    url = reverse("indicators:edit", args=["GCM-06-1"])
    assert client.get(url).status_code == 200
    sdg_indicator("10.7.2")
    response = client.post(
        url,
        {
            "title": "Recruitment cost as a share of monthly income",
            "definition": "Cost over income.",
            "rationale": "Fair recruitment.",
            "primary_objective": "6",
            "other_objectives": "7, 16",
            "sdg_links": "10.7.1 identical\n10.7.2 complementary",
            "periodicity": "annual",
            "tier": "tier_2",
            "principles": ["1"],
            "plan": "migratory_status required: Labour force survey\nsex recommended",
            "change_summary": "Shorter title",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    indicator = Indicator.objects.get(code="GCM-06-1")
    assert indicator.revisions.count() == 2
    revision = indicator.revisions.get(number=2)
    assert sorted(revision.objective_links.values_list("objective__number", flat=True)) == [6, 7, 16]
    assert (
        revision.disaggregation_plan.get(dimension__code="migratory_status").data_sources == "Labour force survey"
    )


def test_edit_form_reports_unknown_sdg_codes(client_for, co_lead, catalogue_data):
    response = client_for(co_lead).post(
        reverse("indicators:edit", args=["GCM-06-1"]),
        {
            "title": "T",
            "definition": "D",
            "rationale": "R",
            "primary_objective": "6",
            "sdg_links": "99.9.9",
            "periodicity": "annual",
            "tier": "tier_2",
        },
    )
    assert response.status_code == 200
    assert "Unknown SDG indicator code" in response.text


def test_stakeholders_cannot_edit(client_for, stakeholder, catalogue_data):
    assert client_for(stakeholder).get(reverse("indicators:edit", args=["GCM-06-1"])).status_code == 403


def test_create_form(client_for, co_lead, catalogue_data):
    response = client_for(co_lead).post(
        reverse("indicators:create"),
        {
            "code": "gcm-20-9",
            "title": "Remittance costs",
            "definition": "D",
            "rationale": "R",
            "primary_objective": "20",
            "periodicity": "annual",
            "tier": "tier_1",
        },
    )
    assert response.status_code == 302
    assert Indicator.objects.get(code="GCM-20-9").state == "draft"


def test_autocomplete_finds_sdg_codes_and_objectives(client_for, co_lead, catalogue_data):
    client = client_for(co_lead)
    response = client.get(reverse("indicators:autocomplete"), {"kind": "sdg", "q": "10.7"}, HTTP_HX_REQUEST="true")
    assert 'data-autocomplete-value="10.7.1"' in response.text
    response = client.get(reverse("indicators:autocomplete"), {"kind": "objective", "q": "8"})
    assert 'data-autocomplete-value="8"' in response.text


def test_state_changes_from_the_page(client_for, co_lead, catalogue_data):
    client = client_for(co_lead)
    client.post(reverse("indicators:transition", args=["GCM-06-1"]), {"action": "shortlist"})
    assert Indicator.objects.get(code="GCM-06-1").state == "shortlisted"
    client.post(
        reverse("indicators:transition", args=["GCM-06-1"]), {"action": "merge", "merged_into": "GCM-08-1"}
    )
    merged = Indicator.objects.get(code="GCM-06-1")
    assert merged.state == "merged" and merged.merged_into.code == "GCM-08-1"


@pytest.mark.parametrize("fmt", ["", "csv", "xlsx", "json"])
def test_disaggregation_matrix_with_totals(client_for, co_lead, catalogue_data, fmt):
    _set, version = make_set(indicators=catalogue_data)
    params = {"version": version.pk}
    if fmt:
        params["format"] = fmt
    response = client_for(co_lead).get(reverse("indicators:matrix"), params)
    assert response.status_code == 200
    if fmt == "json":
        rows = json.loads(response.content)
        totals = rows[-2]
        assert totals["code"] == "TOTAL required" and totals["migratory_status"] == 1
    elif not fmt:
        assert "Migratory status" in response.text


def test_builder_adds_removes_and_freezes(client_for, co_lead, catalogue_data):
    first, second = catalogue_data
    limited_set, version = make_set(indicators=[first])
    client = client_for(co_lead)
    page = client.get(reverse("indicators:builder", args=[limited_set.pk]))
    assert page.status_code == 200
    assert "1 / 23" in page.text
    response = client.post(
        reverse("indicators:builder_change", args=[limited_set.pk, 1, "add"]),
        {"indicator": second.pk},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'id="builder-panel"' in response.text and "2 / 23" in response.text
    client.post(reverse("indicators:builder_change", args=[limited_set.pk, 1, "remove"]), {"indicator": first.pk})
    assert list(version.items.values_list("indicator__code", flat=True)) == ["GCM-08-1"]
    client.post(reverse("indicators:version_freeze", args=[limited_set.pk, 1]))
    version.refresh_from_db()
    assert version.is_frozen
    response = client.post(
        reverse("indicators:builder_change", args=[limited_set.pk, 1, "add"]), {"indicator": first.pk}, follow=True
    )
    assert "frozen" in response.text
    assert version.items.count() == 1


def test_new_version_and_version_diff(client_for, co_lead, catalogue_data):
    first, second = catalogue_data
    limited_set, version = make_set(indicators=[first])
    services.freeze_set_version(version=version, by=co_lead)
    client = client_for(co_lead)
    client.post(reverse("indicators:version_new", args=[limited_set.pk]))
    v2 = limited_set.versions.get(number=2)
    services.add_to_set_version(version=v2, indicator=second, by=co_lead)
    services.revise_indicator(
        indicator=first,
        data=services.RevisionData.from_revision(first.current_revision, title="Recruitment costs, revised"),
        by=co_lead,
    )
    response = client.get(reverse("indicators:version_diff", args=[limited_set.pk]), {"old": 1, "new": 2})
    assert response.status_code == 200
    assert "GCM-08-1 r1" in response.text  # added
    assert "GCM-06-1: r1 → r2" in response.text and "<ins>revised</ins>" in response.text


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_set_version_export(client_for, stakeholder, catalogue_data, fmt):
    limited_set, _version = make_set(indicators=catalogue_data)
    response = client_for(stakeholder).get(
        reverse("indicators:version_export", args=[limited_set.pk, 1]), {"format": fmt}
    )
    assert response.status_code == 200
    if fmt == "json":
        assert [row["code"] for row in json.loads(response.content)] == ["GCM-06-1", "GCM-08-1"]


def test_builder_suggestion_page_and_apply(client_for, co_lead, catalogue_data):
    limited_set, version = make_set()
    client = client_for(co_lead)
    response = client.post(reverse("indicators:suggest", args=[limited_set.pk]), {"version": 1, "k": 1})
    assert response.status_code == 200
    assert "Exact" in response.text and "GCM-06-1" in response.text
    client.post(reverse("indicators:suggest", args=[limited_set.pk]), {"version": 1, "k": 1, "apply": "1"})
    assert version.items.count() == 2


def test_dashboard_panel_and_nav(client_for, co_lead, catalogue_data):
    from django.template.loader import render_to_string

    make_set(indicators=catalogue_data)
    panel = render_to_string("indicators/_dashboard.html")
    assert "Candidate indicators" in panel and "in set version 1" in panel
    response = client_for(co_lead).get(reverse("indicators:catalogue"))
    assert reverse("indicators:sets") in response.text and reverse("indicators:matrix") in response.text
