"""Steps in Chromium that more than one browser test takes, each with the checks that it worked."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from consultations import services
from consultations.models import Round


def add_health_link_in_the_crosswalk_editor(page: Page, base_url: str) -> None:
    """In the MIPEX crosswalk editor: link the element HEA Health to GCM objective 22, and see the link."""
    page.goto(base_url + reverse("mapping:crosswalk_editor", args=["mipex"]))
    page.get_by_role("link", name="HEA Health").click()
    panel = page.locator("#element-panel")
    expect(panel.get_by_role("heading", level=2)).to_contain_text("HEA")
    form = panel.get_by_role("form", name="Add a link")
    form.get_by_label("GCM objective").select_option("22")
    form.get_by_label("Relation").select_option("contributes_to")
    form.get_by_label("Rationale").fill("Health coverage portability.")
    form.get_by_role("button", name="Add link").click()
    expect(panel).to_contain_text("Health coverage portability.")


def comment_after_the_deadline_is_refused(page: Page, round_: Round, round_url: str, text: str) -> None:
    """The comment form is on screen when the round's deadline passes (no job runs): sending is refused, with
    the closing moment in the message."""
    page.goto(round_url)
    page.fill("#id_text", text)
    Round.objects.filter(pk=round_.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    round_.refresh_from_db()
    page.get_by_role("button", name="Add to the draft").click()
    page.get_by_text(
        re.compile(r"This round closed on .*; comments and submissions are no longer accepted")
    ).wait_for()
    assert services.format_moment(round_.closes_at) in page.content()
