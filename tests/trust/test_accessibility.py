"""axe-core on every main page, for every role that can see it, with the demonstration data loaded.

The demonstration data takes seconds to load, so it is loaded once for this module into the test database and a
live server of the module's own serves it; tests here do not wrap themselves in a transaction, and the module
empties the database when it is done so that other tests start clean. One browser context per role is reused
across pages. Each (page, role) pair is its own test case; a page fails on any serious or critical violation.
"""

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

from tests.trust.conftest import axe_violations, describe

ANONYMOUS = "anonymous"
SIGNED_IN = ["co_lead", "secretariat", "stakeholder", "focal_point", "excom_member"]
EVERYONE = [ANONYMOUS, *SIGNED_IN]
READERS_OF_DECISIONS = ["co_lead", "secretariat", "excom_member"]

# Demonstration accounts (accounts/demo.py) standing for each role.
ACCOUNTS = {
    "co_lead": "co-lead@example.org",
    "secretariat": "secretariat@example.org",
    "stakeholder": "stakeholder@example.org",
    "focal_point": "focal-point@example.org",
    "excom_member": "excom@example.org",
}

# Page name -> roles that may see it. Paths are resolved against the loaded data in `demo_site`.
PAGES: dict[str, list[str]] = {
    "dashboard": SIGNED_IN,
    "framework_list": SIGNED_IN,
    "framework_page": SIGNED_IN,
    "coverage": SIGNED_IN,
    "sdg_browser": SIGNED_IN,
    "objectives": SIGNED_IN,
    "objective_page": SIGNED_IN,
    "catalogue": SIGNED_IN,
    "indicator_page": SIGNED_IN,
    "set_builder": SIGNED_IN,
    "disaggregation_matrix": SIGNED_IN,
    "round_list": SIGNED_IN,
    "round_page_synthesised": SIGNED_IN,
    "round_page_open": SIGNED_IN,
    "resolution_matrix": ["co_lead"],
    "approval_list": READERS_OF_DECISIONS,
    "approval_review": READERS_OF_DECISIONS,
    "approval_review_voting": READERS_OF_DECISIONS,
    "publication_list": EVERYONE,
    "publication_page": EVERYONE,
    "document_list": READERS_OF_DECISIONS,
    "consultation_plan": SIGNED_IN,
    "api_tokens": SIGNED_IN,
    "login": [ANONYMOUS],
    # Pages people reach from the main ones.
    "coverage_cell": SIGNED_IN,
    "crosswalk_list": SIGNED_IN,
    "crosswalk_editor": ["co_lead"],
    "indicator_edit": ["co_lead"],
    "set_version_diff": SIGNED_IN,
    "round_create": ["co_lead"],
    "comment_edit": ["stakeholder", "focal_point"],
    "round_report": SIGNED_IN,
    "approval_create": ["co_lead"],
}

CASES = [(page, role) for page, roles in PAGES.items() for role in roles]


@dataclass
class DemoSite:
    url: str
    paths: dict[str, str] = field(default_factory=dict)


def _open_round_with_draft() -> Any:
    """An open round on the demonstration set, with a draft comment of the Mexican focal point."""
    from accounts.models import User
    from consultations import services
    from consultations.choices import CommentKind, Stance
    from indicators.models import SetVersion
    from tests.factories.consultations import RoundFactory, revisions_of

    version = SetVersion.objects.exclude(frozen_at=None).order_by("-pk").first()
    round_ = RoundFactory(
        set_version=version,
        title="Open round for the accessibility check",
        opens_at=timezone.now() - timedelta(hours=1),
        closes_at=timezone.now() + timedelta(days=14),
    )
    comment = services.add_comment(
        round=round_,
        by=User.objects.get(email=ACCOUNTS["focal_point"]),
        revision=revisions_of(round_)[0],
        kind=CommentKind.TECHNICAL,
        stance=Stance.SUPPORT_WITH_CHANGES,
        text="Disaggregate by *migratory status* where surveys allow it.",
        proposed_change="",
        ratings={},
    )
    return round_, comment


def _request_in_review() -> Any:
    """A request under review by vote, so that the ExCom sees the voting form."""
    from accounts.models import User
    from approvals.choices import RequestState, ReviewMode
    from tests.factories.approvals import make_request
    from tests.factories.consultations import make_set_version

    return make_request(
        by=User.objects.get(email=ACCOUNTS["co_lead"]),
        state=RequestState.IN_REVIEW,
        review_mode=ReviewMode.VOTE,
        set_version=make_set_version(frozen=True),
    )


def _draft_next_version(limited_set: Any) -> None:
    """A draft version after the frozen one, one candidate dropped and one added, so that there is a diff."""
    from accounts.models import User
    from indicators import services
    from indicators.models import Indicator

    co_lead = User.objects.get(email=ACCOUNTS["co_lead"])
    version = services.start_new_version(limited_set=limited_set, by=co_lead)
    listed = list(Indicator.objects.filter(set_items__version=version).order_by("code"))
    services.remove_from_set_version(version=version, indicator=listed[0], by=co_lead)
    spare = Indicator.objects.exclude(pk__in=[i.pk for i in listed]).order_by("code").first()
    if spare is not None:
        services.add_to_set_version(version=version, indicator=spare, by=co_lead)


def _paths() -> dict[str, str]:
    from approvals.models import ApprovalRequest, Publication
    from consultations.choices import RoundState
    from consultations.models import Round
    from indicators.models import Indicator, LimitedSet
    from mapping.models import Framework

    framework = Framework.objects.order_by("pk").first()
    mapped = Framework.objects.filter(slug="iom-mgi").first() or framework
    indicator = Indicator.objects.order_by("code").first()
    limited_set = LimitedSet.objects.order_by("pk").first()
    synthesised = Round.objects.filter(state=RoundState.SYNTHESISED).order_by("pk").first()
    open_round, draft_comment = _open_round_with_draft()
    _draft_next_version(limited_set)
    request = ApprovalRequest.objects.order_by("pk").first()
    publication = Publication.objects.order_by("pk").first()
    assert framework and indicator and limited_set and synthesised and request and publication
    return {
        "dashboard": "/",
        "framework_list": "/mapping/frameworks/",
        "framework_page": f"/mapping/frameworks/{framework.slug}/",
        "coverage": "/mapping/coverage/",
        "sdg_browser": "/mapping/sdg/",
        "objectives": "/mapping/objectives/",
        "objective_page": "/mapping/objectives/7/",
        "catalogue": "/indicators/",
        "indicator_page": f"/indicators/{indicator.code}/",
        "set_builder": f"/indicators/sets/{limited_set.pk}/",
        "disaggregation_matrix": "/indicators/disaggregation/",
        "round_list": "/consultations/rounds/",
        "round_page_synthesised": f"/consultations/rounds/{synthesised.pk}/",
        "round_page_open": f"/consultations/rounds/{open_round.pk}/",
        "resolution_matrix": f"/consultations/rounds/{synthesised.pk}/matrix/",
        "approval_list": "/approvals/",
        "approval_review": f"/approvals/{request.pk}/",
        "approval_review_voting": f"/approvals/{_request_in_review().pk}/",
        "publication_list": "/publications/",
        "publication_page": f"/publications/{publication.version}/",
        "document_list": "/documents/",
        "consultation_plan": "/documents/plan/",
        "api_tokens": "/accounts/api-tokens/",
        "login": "/accounts/login/",
        "coverage_cell": f"/mapping/coverage/7/{mapped.slug}/",
        "crosswalk_list": "/mapping/crosswalk/",
        "crosswalk_editor": f"/mapping/frameworks/{mapped.slug}/crosswalk/",
        "indicator_edit": f"/indicators/{indicator.code}/edit/",
        "set_version_diff": f"/indicators/sets/{limited_set.pk}/diff/",
        "round_create": "/consultations/rounds/new/",
        "comment_edit": f"/consultations/comments/{draft_comment.pk}/edit/",
        "round_report": f"/consultations/rounds/{synthesised.pk}/report/",
        "approval_create": "/approvals/new/",
    }


@pytest.fixture(scope="module")
def demo_site(django_db_setup: None, django_db_blocker: Any) -> Iterator[DemoSite]:
    """Reference and demonstration data committed to the test database, served by a live server."""
    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)
        call_command("load_demo", verbosity=0, stdout=io.StringIO())
        paths = _paths()
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield DemoSite(url=server.url, paths=paths)
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _database_reachable(django_db_blocker: Any) -> Iterator[None]:
    # The live server thread opens its own connections; they must not be blocked while a test runs.
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="module")
def page_for(browser: Any, a11y_context_args: dict[str, Any], demo_site: DemoSite) -> Iterator[Callable[..., Any]]:
    """One browser page per role, signed in with a real session cookie, reused across the module."""
    from accounts.models import User

    pages: dict[str, Any] = {}

    def get(role: str, language: str = "en") -> Any:
        key = f"{role}:{language}"
        if key not in pages:
            context = browser.new_context(**a11y_context_args)
            cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": demo_site.url}]
            if role != ANONYMOUS:
                client = Client()
                client.force_login(User.objects.get(email=ACCOUNTS[role]))
                cookie = client.cookies[settings.SESSION_COOKIE_NAME]
                cookies.append({"name": cookie.key, "value": cookie.value, "url": demo_site.url})
            context.add_cookies(cookies)
            pages[key] = context.new_page()
        return pages[key]

    yield get
    for page in pages.values():
        page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("page_name", "role"), CASES, ids=[f"{page}-{role}" for page, role in CASES])
def test_no_serious_or_critical_violation(
    page_name: str, role: str, demo_site: DemoSite, page_for: Callable[..., Any], axe_script: Path
) -> None:
    page = page_for(role)
    response = page.goto(demo_site.url + demo_site.paths[page_name])
    assert response is not None
    assert response.status in (200, 304), f"{role} cannot see {page_name}: {response.status} at {page.url}"
    assert page.url.startswith(demo_site.url + demo_site.paths[page_name])
    violations = axe_violations(page, axe_script)
    assert not violations, f"{page_name} as {role}:\n{describe(violations)}"


RIGHT_TO_LEFT_CASES = [
    ("dashboard", "focal_point"),
    ("round_page_open", "focal_point"),
    ("catalogue", "co_lead"),
    ("coverage", "co_lead"),
    ("approval_review_voting", "excom_member"),
    ("publication_page", ANONYMOUS),
]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("page_name", "role"), RIGHT_TO_LEFT_CASES, ids=[f"{page}-{role}-ar" for page, role in RIGHT_TO_LEFT_CASES]
)
def test_no_serious_or_critical_violation_in_arabic(
    page_name: str, role: str, demo_site: DemoSite, page_for: Callable[..., Any], axe_script: Path
) -> None:
    page = page_for(role, "ar")
    response = page.goto(demo_site.url + demo_site.paths[page_name])
    assert response is not None and response.status in (200, 304)
    assert page.locator("html").get_attribute("dir") == "rtl"
    violations = axe_violations(page, axe_script)
    assert not violations, f"{page_name} as {role}, in Arabic:\n{describe(violations)}"


@pytest.mark.browser
def test_coverage_cell_loaded_by_htmx_has_no_serious_or_critical_violation(
    demo_site: DemoSite, page_for: Callable[..., Any], axe_script: Path
) -> None:
    page = page_for("co_lead")
    page.goto(demo_site.url + demo_site.paths["coverage"])
    cell = page.locator(".heatmap__cell a[hx-get]").first
    cell.focus()
    page.keyboard.press("Enter")
    page.locator("#cell-detail :is(h2, h3, p, ul)").first.wait_for()
    violations = axe_violations(page, axe_script)
    assert not violations, f"coverage with a cell open:\n{describe(violations)}"
