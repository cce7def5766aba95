"""In Chromium: the co-lead submits, two ExCom members vote, approval publishes, the public page shows it."""

import re

import pytest
from playwright.sync_api import expect

from approvals import services
from approvals.choices import MajorityRule, ReviewMode
from tests.factories.approvals import excom, frozen_set_version

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_submission_to_the_public_page(page, live_server, signed_in_page, co_lead) -> None:
    first, second = excom(2)
    version = frozen_set_version(name="Walkthrough set", size=3)
    approval = services.create_request(
        set_version=version, by=co_lead, review_mode=ReviewMode.VOTE, quorum=2, majority=MajorityRule.NO_OBJECTION
    )
    review_url = f"{live_server.url}/approvals/{approval.pk}/"

    # The co-lead submits and opens the vote.
    lead = signed_in_page(co_lead)
    lead.goto(review_url)
    lead.get_by_role("button", name="Submit to the Executive Committee").click()
    expect(lead.get_by_test_id("approval-state")).to_have_text("Submitted")
    lead.get_by_role("button", name="Open the vote").click()
    expect(lead.get_by_test_id("approval-state")).to_have_text("In review")

    # Two ExCom members vote in their own browsers.
    for member, reason in [(first, "Sound and feasible."), (second, "")]:
        member_page = signed_in_page(member)
        member_page.goto(review_url)
        expect(member_page.get_by_role("heading", name="Consultation")).to_be_visible()
        member_page.get_by_label("Approve").check()
        member_page.get_by_label("Reason (required to object)").fill(reason)
        member_page.get_by_role("button", name="Cast my vote").click()
        expect(member_page.get_by_role("button", name="Cast my vote")).to_have_count(0)
    expect(member_page.get_by_test_id("approval-state")).to_have_text("Published")

    # Anyone reads the new version and downloads it.
    page.goto(f"{live_server.url}/publications/latest/")
    expect(page).to_have_url(re.compile(r"/publications/\d{4}\.1/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(".1")
    expect(page.get_by_text("Indicator 0 of Walkthrough set")).to_be_visible()
    for label in ["CSV", "XLSX", "JSON"]:
        expect(page.get_by_role("link", name=label, exact=True)).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()
    assert download.value.suggested_filename.endswith(".csv")
