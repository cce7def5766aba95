import io

import pytest
from playwright.sync_api import Page, expect

from accounts.demo import DEMO_PASSWORD
from accounts.demo import load as load_demo_accounts

pytestmark = pytest.mark.browser

ROLE_VIEWS = [
    # e-mail, role badge, sentence of the role's dashboard, sees the administration link
    ("co-lead@example.org", "Co-lead", "As a co-lead", True),
    ("secretariat@example.org", "Secretariat", "As the secretariat", False),
    ("focal-point@example.org", "Stakeholder", "As the focal point of your organisation", False),
    ("stakeholder@example.org", "Stakeholder", "As a stakeholder", False),
    ("excom@example.org", "ExCom member", "As a member of the Executive Committee", False),
]
EVERYONE = ["Dashboard", "Frameworks", "Catalogue", "Limited set", "Consultations", "Publications"]
# Entries only some roles see in the main navigation.
BY_ROLE = {
    "co-lead@example.org": {"Approvals": True, "Documents": True, "Disaggregation": True},
    "secretariat@example.org": {"Approvals": True, "Documents": True, "Disaggregation": True},
    "focal-point@example.org": {"Approvals": False, "Documents": False, "Disaggregation": False},
    "stakeholder@example.org": {"Approvals": False, "Documents": False, "Disaggregation": False},
    "excom@example.org": {"Approvals": True, "Documents": True, "Disaggregation": True},
}


def sign_in_through_the_form(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.parametrize(("email", "badge", "sentence", "admin_link"), ROLE_VIEWS)
def test_each_demo_role_signs_in_and_sees_its_dashboard(
    page: Page, live_server, email: str, badge: str, sentence: str, admin_link: bool
) -> None:
    load_demo_accounts(io.StringIO())

    sign_in_through_the_form(page, live_server.url, email)

    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    expect(page.locator(".role-summary")).to_contain_text(badge)
    expect(page.locator(".lede")).to_contain_text(sentence)
    navigation = page.get_by_role("navigation", name="Main")
    for entry in EVERYONE:
        expect(navigation.get_by_role("link", name=entry, exact=True)).to_be_visible()
    for entry, shown in BY_ROLE[email].items():
        expect(navigation.get_by_role("link", name=entry, exact=True)).to_have_count(1 if shown else 0)
    account = page.get_by_role("navigation", name="Account")
    expect(account.get_by_role("link", name="API tokens")).to_be_visible()
    expect(account.get_by_role("link", name="Administration")).to_have_count(1 if admin_link else 0)
    # The stylesheet really loaded: the header has the UN dark blue background.
    background = page.locator(".site-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(0, 80, 122)"


def test_switching_the_language_to_french_shows_the_french_interface(page: Page, live_server) -> None:
    load_demo_accounts(io.StringIO())
    sign_in_through_the_form(page, live_server.url, "co-lead@example.org")

    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()

    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord")
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
