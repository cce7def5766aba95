"""Journey 2 with the keyboard alone: a focal point drafts a comment on a candidate and submits the position.

Only `page.keyboard` acts on the page (Tab, Shift+Tab, Enter, Space, arrow keys and typing); the test reads the
page to know where the focus is, as a person reads the screen, but never clicks.
"""

from collections.abc import Callable
from typing import Any

import pytest

from accounts.models import User
from consultations.choices import Stance, SubmissionState
from consultations.models import Comment, Submission
from tests.factories.consultations import RoundFactory, revisions_of

MAX_TABS = 150


def focused(page: Any) -> dict[str, str]:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), id: el.id || '', name: el.getAttribute('name') || '',
                    text: (el.innerText || el.value || '').trim()};
        }"""
    )


def tab_to(page: Any, matches: Callable[[dict[str, str]], bool], *, backwards: bool = False) -> dict[str, str]:
    """Press Tab (or Shift+Tab) until the focused element matches; fail if it never does."""
    key = "Shift+Tab" if backwards else "Tab"
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        now = focused(page)
        if matches(now):
            return now
        seen.append(now)
    raise AssertionError(f"never reached the element; focus went through {seen[-15:]}")


def choose(page: Any, option_label: str) -> None:
    """Pick an option of the focused <select> with the arrow keys, as a keyboard user does."""
    labels = page.evaluate("() => [...document.activeElement.options].map(o => o.label.trim())")
    target = next(i for i, label in enumerate(labels) if label.startswith(option_label))
    current = page.evaluate("() => document.activeElement.selectedIndex")
    step = "ArrowDown" if target > current else "ArrowUp"
    for _ in range(abs(target - current)):
        page.keyboard.press(step)
    assert page.evaluate("() => document.activeElement.selectedIndex") == target


@pytest.mark.browser
def test_focal_point_comments_and_submits_with_the_keyboard_only(
    live_server: Any, page: Any, sign_in: Callable[..., None], focal_point: User
) -> None:
    round_ = RoundFactory()
    revision = revisions_of(round_)[1]
    sign_in(page, focal_point)
    page.goto(f"{live_server.url}/consultations/rounds/{round_.pk}/")

    # The skip link comes first and takes the focus into the main content.
    first = tab_to(page, lambda el: el["tag"] == "a")
    assert first["text"] == "Skip to main content"
    page.keyboard.press("Enter")

    tab_to(page, lambda el: el["id"] == "id_revision")
    choose(page, revision.indicator.code)
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_kind"
    choose(page, "Technical")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_stance"
    choose(page, "Support with changes")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_text"
    page.keyboard.type("Add a breakdown by sex and age; the survey already collects both.")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_proposed_change"
    page.keyboard.type("Disaggregate by sex and age.")
    tab_to(page, lambda el: el["tag"] == "button" and el["text"] == "Add to the draft")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/consultations/rounds/{round_.pk}/#draft")
    assert page.get_by_text("Comment saved in your organisation's draft.").is_visible()

    # The page comes back at the draft; Tab on to its submit button, and Space presses it.
    tab_to(page, lambda el: el["tag"] == "button" and el["text"] == "Submit the official position")
    page.keyboard.press("Space")
    page.wait_for_load_state()
    page.get_by_text("Your organisation's position is submitted.").wait_for()

    submission = Submission.objects.get(round=round_, organisation=focal_point.organisation)
    assert submission.state == SubmissionState.SUBMITTED
    assert submission.submitted_by == focal_point
    comment = Comment.objects.get(submission=submission)
    assert comment.revision == revision
    assert comment.stance == Stance.SUPPORT_WITH_CHANGES
    assert comment.text.startswith("Add a breakdown by sex and age")
    assert comment.proposed_change == "Disaggregate by sex and age."


@pytest.mark.browser
def test_shift_tab_walks_back_through_the_comment_form(
    live_server: Any, page: Any, sign_in: Callable[..., None], focal_point: User
) -> None:
    round_ = RoundFactory()
    sign_in(page, focal_point)
    page.goto(f"{live_server.url}/consultations/rounds/{round_.pk}/")
    tab_to(page, lambda el: el["id"] == "id_text")
    assert tab_to(page, lambda el: el["id"] == "id_stance", backwards=True)["id"] == "id_stance"
    page.keyboard.press("Shift+Tab")
    assert focused(page)["id"] == "id_kind"
