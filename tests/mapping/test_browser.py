"""Acceptance 3 in Chromium: the heat map marks gaps, and a click on a cell shows the links behind it."""

from collections.abc import Callable

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from accounts.models import User
from mapping import selectors
from tests.browser_steps import add_health_link_in_the_crosswalk_editor


@pytest.mark.browser
def test_click_a_heat_map_cell_to_see_its_links(
    page: Page, live_server: object, sign_in: Callable, stakeholder: User, builtin_reference: None
) -> None:
    sign_in(page, stakeholder)
    page.goto(f"{live_server.url}{reverse('mapping:coverage')}")  # type: ignore[attr-defined]
    gaps = list(selectors.objectives_without_links())
    assert gaps
    expect(page.locator("tr.heatmap__gap-row")).to_have_count(len(gaps))
    expect(page.locator("tr.heatmap__gap-row").first).to_contain_text(gaps[0].short_title)

    cell = page.locator('a[data-objective="8"][data-framework="sdg-global-indicator-framework"]')
    expect(cell).to_have_text("1")
    cell.click()
    detail = page.locator("#cell-detail")
    expect(detail).to_contain_text("10.7.3")
    expect(detail).to_contain_text("Exact")
    assert page.url.endswith(reverse("mapping:coverage"))  # htmx swapped the fragment in place
    expect(cell).to_have_attribute("aria-current", "true")

    page.locator('a[data-objective="20"][data-framework="sdg-10-7-2"]').click()
    expect(detail).to_contain_text("PD_4")


@pytest.mark.browser
def test_co_lead_adds_a_link_in_the_crosswalk_editor(
    page: Page, live_server: object, sign_in: Callable, co_lead: User, builtin_reference: None
) -> None:
    sign_in(page, co_lead)
    add_health_link_in_the_crosswalk_editor(page, live_server.url)  # type: ignore[attr-defined]
