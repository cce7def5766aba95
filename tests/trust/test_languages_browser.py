"""The dashboard in Arabic, chosen through the language form in the header: right-to-left, Arabic heading."""

import re
from collections.abc import Callable
from typing import Any

import pytest

from accounts.models import User

ARABIC = re.compile(r"[\u0600-\u06FF]")


@pytest.mark.browser
def test_dashboard_in_arabic_is_right_to_left(
    live_server: Any, page: Any, sign_in: Callable[..., None], co_lead: User
) -> None:
    sign_in(page, co_lead)
    page.goto(f"{live_server.url}/")
    html = page.locator("html")
    assert html.get_attribute("dir") == "ltr"
    assert html.get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Dashboard"

    page.locator("#language-select").select_option("ar")
    page.locator(".language-switcher button[type=submit]").click()
    page.wait_for_function("document.documentElement.lang === 'ar'")

    assert page.url.rstrip("/") == live_server.url
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == "ar"
    heading = page.locator("h1").inner_text()
    assert ARABIC.search(heading), f"the heading is not in Arabic: {heading!r}"
    assert heading != "Dashboard"
    # The layout follows: the main navigation runs from the right.
    assert page.evaluate("getComputedStyle(document.querySelector('.site-nav')).direction") == "rtl"
    # The choice sticks for the next page.
    page.goto(f"{live_server.url}/mapping/frameworks/")
    assert html.get_attribute("dir") == "rtl"
