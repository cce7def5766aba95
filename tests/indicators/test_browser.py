"""Acceptance 5 in Chromium: search, edit (new revision and diff), add to the set, coverage changes, freeze."""

from collections.abc import Callable

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from accounts.models import User
from indicators.models import Indicator, SetVersion
from tests.factories.indicators import all_objectives, make_indicator, make_set, principle


@pytest.mark.browser
def test_co_lead_searches_edits_adds_and_freezes(
    page: Page, live_server: object, sign_in: Callable, co_lead: User
) -> None:
    all_objectives()
    principle(1)
    in_set = make_indicator("GCM-06-1", sdg_links=[("10.7.1", "identical")])
    make_indicator("GCM-08-1", title="Migrants who died or disappeared", primary_objective=8, tier="tier_1")
    limited_set, version = make_set("Draft set", [in_set])
    base = live_server.url  # type: ignore[attr-defined]
    sign_in(page, co_lead)

    # Search the catalogue.
    page.goto(base + reverse("indicators:catalogue"))
    page.get_by_role("textbox", name="Search").fill("disappeared")
    page.get_by_role("button", name="Search").click()
    rows = page.locator("#catalogue tbody tr")
    expect(rows).to_have_count(1)
    rows.get_by_role("link", name="GCM-08-1").click()

    # Edit: a new revision appears with a word-level diff.
    page.get_by_role("link", name="Edit (creates a new revision)").click()
    page.get_by_label("Title", exact=True).fill("Migrants who died or went missing")
    page.get_by_label("Find a GCM objective").fill("7")
    page.locator('[data-autocomplete-value="7"]').click()
    expect(page.get_by_label("Other GCM objectives")).to_have_value("7")
    page.get_by_label("What changed").fill("Plainer wording")
    page.get_by_role("button", name="Save as a new revision").click()
    expect(page.locator("#revision-history tbody tr")).to_have_count(2)
    expect(page.locator(".diff del").first).to_have_text("disappeared")
    expect(page.locator(".diff ins").first).to_have_text("went missing")

    # Add it to the draft version and watch the coverage panel change.
    page.goto(base + reverse("indicators:builder", args=[limited_set.pk]))
    expect(page.locator("#stat-objectives")).to_have_text("1 / 23")
    page.get_by_role("button", name="Add GCM-08-1").click()
    expect(page.locator("#stat-objectives")).to_have_text("3 / 23")
    expect(page.locator("#stat-size")).to_have_text("2")
    expect(page.locator("#set-items")).to_contain_text("GCM-08-1")

    # Freeze the version.
    page.get_by_role("button", name="Freeze version 1").click()
    expect(page.locator("#version-status")).to_contain_text("frozen")
    assert SetVersion.objects.get(pk=version.pk).is_frozen
    assert Indicator.objects.get(code="GCM-08-1").revisions.count() == 2
    items = SetVersion.objects.get(pk=version.pk).items.values_list("indicator__code", "revision__number")
    assert sorted(items) == [("GCM-06-1", 1), ("GCM-08-1", 2)]
