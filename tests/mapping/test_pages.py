"""Browser pages of the mapping, read by everyone signed in; the crosswalk editor is for co-leads."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from mapping import selectors
from mapping.models import Crosswalk, FrameworkElement, SdgGoal

PAGES = [
    ("mapping:framework_list", []),
    ("mapping:framework_detail", ["sdg-10-7-2"]),
    ("mapping:framework_detail", ["sdg-global-indicator-framework"]),
    ("mapping:crosswalk_list", []),
    ("mapping:coverage", []),
    ("mapping:coverage_cell", [8, "sdg-global-indicator-framework"]),
    ("mapping:sdg_browser", []),
    ("mapping:objective_list", []),
    ("mapping:objective_detail", [15]),
    ("mapping:dashboard_panel", []),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_every_page_renders_for_a_stakeholder(
    name: str, args: list, builtin_reference: None, stakeholder: User, client_for: Callable[[User], Client]
) -> None:
    assert client_for(stakeholder).get(reverse(name, args=args)).status_code == 200


@pytest.mark.parametrize(("name", "args"), PAGES[:3])
def test_pages_need_a_signed_in_user(name: str, args: list, builtin_reference: None, client: Client) -> None:
    assert client.get(reverse(name, args=args)).status_code == 302


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("name", "args"), [p for p in PAGES if p[0] not in {"mapping:coverage_cell", "mapping:dashboard_panel"}]
)
def test_every_table_exports(
    fmt: str, name: str, args: list, builtin_reference: None, stakeholder: User, client_for: Callable
) -> None:
    response = client_for(stakeholder).get(reverse(name, args=args), {"export": fmt})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')


def test_pages_show_the_users_language(builtin_reference: None, stakeholder: User, client_for: Callable) -> None:
    client = client_for(stakeholder)
    client.post(reverse("set_language"), {"language": "fr"})
    page = client.get(reverse("mapping:sdg_browser")).content.decode()
    french = SdgGoal.objects.get(number=10).translations["fr"]
    assert french.startswith("R") and french in page


def test_sdg_browser_searches(builtin_reference: None, stakeholder: User, client_for: Callable) -> None:
    page = client_for(stakeholder).get(reverse("mapping:sdg_browser"), {"q": "remittance"}).content.decode()
    assert "10.c.1" in page and "10.7.3" not in page


def test_heat_map_marks_objectives_without_links(
    builtin_reference: None, stakeholder: User, client_for: Callable
) -> None:
    columns, rows = selectors.coverage_matrix()
    gaps = {row.objective.number for row in rows if row.is_gap}
    assert gaps == set(selectors.objectives_without_links().values_list("number", flat=True))
    assert gaps and 8 not in gaps  # 10.7.3 covers objective 8 (save lives)
    page = client_for(stakeholder).get(reverse("mapping:coverage")).content.decode()
    for number in gaps:
        assert reverse("mapping:objective_detail", args=[number]) in page
    assert page.count('class="heatmap__gap-row"') == len(gaps)


def test_heat_map_costs_three_queries(builtin_reference: None, django_assert_num_queries: Callable) -> None:
    with django_assert_num_queries(3):
        selectors.coverage_matrix()


def test_coverage_cell_lists_the_links_behind_it(
    builtin_reference: None, stakeholder: User, client_for: Callable
) -> None:
    url = reverse("mapping:coverage_cell", args=[8, "sdg-global-indicator-framework"])
    fragment = client_for(stakeholder).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "10.7.3" in fragment and "<html" not in fragment


def test_co_lead_links_an_element_with_htmx(builtin_reference: None, co_lead: User, client_for: Callable) -> None:
    element = FrameworkElement.objects.get(framework__slug="mipex", code="HEA")
    client = client_for(co_lead)
    assert client.get(reverse("mapping:crosswalk_editor", args=["mipex"])).status_code == 200
    url = reverse("mapping:element_links", args=[element.pk])
    data = {"objective": 22, "sdg_indicator": "", "relation": "contributes_to", "rationale": "Health insurance."}
    fragment = client.post(url, data, HTTP_HX_REQUEST="true").content.decode()
    link = Crosswalk.objects.get(element=element, objective__number=22)
    assert link.created_by == co_lead and "Health insurance." in fragment
    again = client.post(url, data, HTTP_HX_REQUEST="true")
    assert again.status_code == 400 and "already has this link" in again.content.decode()
    response = client.post(reverse("mapping:crosswalk_delete", args=[link.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and not Crosswalk.objects.filter(pk=link.pk).exists()


def test_link_needs_an_objective_or_an_indicator(
    builtin_reference: None, co_lead: User, client_for: Callable
) -> None:
    element = FrameworkElement.objects.get(framework__slug="mipex", code="HEA")
    before = element.crosswalks.count()
    response = client_for(co_lead).post(
        reverse("mapping:element_links", args=[element.pk]), {"relation": "exact"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert element.crosswalks.count() == before


def test_link_to_an_sdg_indicator(builtin_reference: None, co_lead: User, client_for: Callable) -> None:
    element = FrameworkElement.objects.get(framework__slug="mipex", code="LMM")
    client_for(co_lead).post(
        reverse("mapping:element_links", args=[element.pk]),
        {"sdg_indicator": "8.8.2", "relation": "proxy", "rationale": "Labour rights."},
        HTTP_HX_REQUEST="true",
    )
    assert element.crosswalks.get(sdg_indicator__code="8.8.2").relation == "proxy"


@pytest.mark.parametrize("persona", ["stakeholder", "secretariat", "excom_member"])
def test_only_co_leads_edit_the_crosswalk(
    persona: str, builtin_reference: None, request: pytest.FixtureRequest, client_for: Callable
) -> None:
    client = client_for(request.getfixturevalue(persona))
    element = FrameworkElement.objects.get(framework__slug="mipex", code="HEA")
    link = Crosswalk.objects.filter(element__framework__slug="mipex").first()
    assert client.get(reverse("mapping:crosswalk_editor", args=["mipex"])).status_code == 403
    data = {"objective": 22, "relation": "exact"}
    assert client.post(reverse("mapping:element_links", args=[element.pk]), data).status_code == 403
    assert client.post(reverse("mapping:crosswalk_delete", args=[link.pk])).status_code == 403
    assert Crosswalk.objects.filter(pk=link.pk).exists()


def test_objective_page_lists_everything_linked(
    builtin_reference: None, stakeholder: User, client_for: Callable
) -> None:
    page = client_for(stakeholder).get(reverse("mapping:objective_detail", args=[20])).content.decode()
    for text in ["10.c.1", "PD_4", "17.3.2"]:
        assert text in page


def test_navigation_and_dashboard_panel(builtin_reference: None, stakeholder: User, client_for: Callable) -> None:
    client = client_for(stakeholder)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    for name in ["framework_list", "coverage", "sdg_browser", "objective_list", "dashboard_panel"]:
        assert reverse(f"mapping:{name}") in page
    panel = client.get(reverse("mapping:dashboard_panel")).content.decode()
    gap = selectors.objectives_without_links().first()
    assert gap is not None and reverse("mapping:objective_detail", args=[gap.number]) in panel


@pytest.mark.parametrize("name", ["mapping:sdg_browser", "mapping:framework_list", "mapping:objective_list"])
def test_html_lists_cost_the_same_with_the_full_framework(
    name: str, builtin_reference: None, stakeholder: User, client_for: Callable
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.mapping.conftest import REFERENCE, run_command

    if not (REFERENCE / "sdg_indicators.csv").exists():
        pytest.skip("the reference folder is not available")
    client = client_for(stakeholder)
    client.get(reverse(name))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse(name))
    run_command("load_reference")
    with CaptureQueriesContext(connection) as large:
        client.get(reverse(name))
    assert len(small) == len(large)


def test_co_lead_edits_a_link(builtin_reference: None, co_lead: User, client_for: Callable) -> None:
    link = Crosswalk.objects.filter(element__framework__slug="mipex", element__code="AD").get()
    client = client_for(co_lead)
    url = reverse("mapping:crosswalk_update", args=[link.pk])
    fragment = client.post(url, {"relation": "exact", "rationale": "Equality bodies.", "source": "MIPEX 2020"},
                           HTTP_HX_REQUEST="true").content.decode()  # fmt: skip
    link.refresh_from_db()
    assert (link.relation, link.rationale, link.source) == ("exact", "Equality bodies.", "MIPEX 2020")
    assert "Equality bodies." in fragment
    assert client.post(url, {"relation": "strong"}, HTTP_HX_REQUEST="true").status_code == 400


def test_stakeholder_cannot_edit_a_link(builtin_reference: None, stakeholder: User, client_for: Callable) -> None:
    link = Crosswalk.objects.filter(element__framework__slug="mipex").first()
    response = client_for(stakeholder).post(
        reverse("mapping:crosswalk_update", args=[link.pk]), {"relation": "exact"}
    )
    assert response.status_code == 403
