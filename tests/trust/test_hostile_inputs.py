"""Hostile inputs through every free-text field a user writes, by the real forms and API.

Each value is stored exactly as given (or refused with a field error, for lengths), every page that shows it
renders it inert (no event handler, no `javascript:` link, no inline script from the payload), and every
CSV/XLSX export that contains it starts formula-like cells with an apostrophe.
"""

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories.consultations import make_set_version
from tests.factories.documents import publish
from tests.trust import hostile
from tests.trust import permission_expectations as expected

# The module's data live in a transaction opened by `world` (tests/trust/conftest.py); the mark makes
# pytest-django create the test database even when only these tests are selected.
pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh(world: expected.World) -> Iterator[expected.World]:
    """Each test's writes are rolled back, so that the tests stay independent."""
    with transaction.atomic():
        yield world
        transaction.set_rollback(True)


def client_for(world: expected.World, role: str) -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


def api(client: Client, method: str, url: str, data: dict[str, Any]) -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def assert_inert(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    assert not hostile.active_content(html), (url, hostile.active_content(html))
    return html


def assert_neutralised(client: Client, url: str, fmt: str, *, expect: str = "@SUM(1)") -> None:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert expect in hostile.export_text(content, fmt), f"{url}: the payload is not in the export"
    assert not hostile.unneutralised_cells(content, fmt), (url, hostile.unneutralised_cells(content, fmt)[:5])


def assert_refused_clearly(response: Any) -> None:
    """A refusal names the field and says why (e.g. a length limit)."""
    assert response.status_code == 400, response.content[:300]
    body = response.json()
    assert body.get("errors") or body.get("detail"), body


# --- Consultations: comment text, proposed change, disposition reason -------------------------------------------


def test_comments_and_dispositions(fresh: expected.World) -> None:
    w = fresh
    stella, fiona, alice = (client_for(w, role) for role in ("stakeholder", "focal_point", "co_lead"))
    comments_url = reverse("api:consultations:round-comment-list", kwargs={"round_pk": w.open_round.pk})
    stored: dict[int, str] = {}
    for payload in [*hostile.CORPUS, hostile.LONG]:
        response = api(
            stella, "post", comments_url, {"text": payload, "proposed_change": payload, "kind": "general"}
        )
        if response.status_code == 400:
            assert_refused_clearly(response)
            continue
        assert response.status_code == 201, response.content[:300]
        assert not hostile.active_content(response.json().get("text_html") or ""), payload  # the API's rendering
        comment = w.draft_submission.comments.get(pk=response.json()["id"])
        assert (comment.text, comment.proposed_change) == (payload, payload)
        stored[comment.pk] = payload
    assert len(stored) >= len(hostile.CORPUS)
    assert_inert(stella, reverse("consultations:round_detail", kwargs={"pk": w.open_round.pk}))

    submitted = api(fiona, "post", reverse("api:consultations:round-submit", kwargs={"pk": w.open_round.pk}), {})
    assert submitted.status_code == 200, submitted.content[:300]
    for pk, payload in stored.items():
        url = reverse(
            "api:consultations:round-comment-disposition", kwargs={"round_pk": w.open_round.pk, "pk": pk}
        )
        response = api(alice, "put", url, {"outcome": "noted", "reason": payload})
        if response.status_code == 400:
            assert_refused_clearly(response)
            continue
        assert response.status_code in (200, 201), response.content[:300]
    from consultations.models import Disposition

    reasons = set(Disposition.objects.filter(comment_id__in=stored).values_list("reason", flat=True))
    assert set(hostile.CORPUS) <= reasons

    assert_inert(alice, reverse("consultations:matrix", kwargs={"pk": w.open_round.pk}))
    for fmt in ("csv", "xlsx"):
        assert_neutralised(
            alice, reverse("consultations:matrix_export", kwargs={"pk": w.open_round.pk, "fmt": fmt}), fmt
        )
        assert_neutralised(
            alice,
            reverse("api:consultations:round-export", kwargs={"pk": w.open_round.pk}) + f"?fmt={fmt}",
            fmt,
        )


# --- Indicators: the free-text fields of a revision ---------------------------------------------------------

REVISION_FIELDS = ("title", "definition", "rationale", "unit", "computation_method", "data_sources", "limitations",
                   "change_summary", "custodians")  # fmt: skip


def test_indicator_revision_fields(fresh: expected.World) -> None:
    w = fresh
    alice = client_for(w, "co_lead")
    indicator = w.indicator
    url = reverse("api:indicators:indicator-detail", kwargs={"code": indicator.code})
    for payload in [*hostile.CORPUS, hostile.LONG]:
        response = api(alice, "patch", url, dict.fromkeys(REVISION_FIELDS, payload))
        if response.status_code == 400:
            assert_refused_clearly(response)
            continue
        assert response.status_code == 200, (payload, response.content[:300])
        revision = indicator.revisions.order_by("-number").first()
        for name in REVISION_FIELDS:
            assert getattr(revision, name) == payload, name
        if payload in hostile.MARKUP:
            assert_inert(alice, reverse("indicators:detail", kwargs={"code": indicator.code}))
    html = assert_inert(alice, reverse("indicators:detail", kwargs={"code": indicator.code}))
    assert "@SUM(1)" in html or "=HYPERLINK" in html
    assert_inert(alice, reverse("indicators:catalogue") + "?q=" + indicator.code)
    api(alice, "patch", url, {"title": "@SUM(1)"})
    for fmt in ("csv", "xlsx"):
        assert_neutralised(alice, reverse("indicators:catalogue") + f"?format={fmt}", fmt)


# --- Mapping: crosswalk rationale ---------------------------------------------------------------------------


def test_crosswalk_rationale(fresh: expected.World) -> None:
    w = fresh
    alice = client_for(w, "co_lead")
    crosswalk = w.crosswalk
    url = reverse("mapping:crosswalk_update", kwargs={"pk": crosswalk.pk})
    for payload in [*hostile.CORPUS, hostile.LONG]:
        response = alice.post(
            url, {"relation": crosswalk.relation, "rationale": payload, "source": crosswalk.source}
        )
        crosswalk.refresh_from_db()
        if response.status_code == 400:
            assert crosswalk.rationale != payload
            continue
        assert response.status_code == 200, response.status_code
        assert crosswalk.rationale == payload
        assert not hostile.active_content(response.content.decode())
        if payload in hostile.MARKUP:
            assert_inert(alice, reverse("mapping:crosswalk_list"))
            assert_inert(
                alice, reverse("mapping:framework_detail", kwargs={"slug": crosswalk.element.framework.slug})
            )
    alice.post(url, {"relation": crosswalk.relation, "rationale": "@SUM(1)", "source": crosswalk.source})
    for fmt in ("csv", "xlsx"):
        assert_neutralised(alice, reverse("mapping:crosswalk_list") + f"?export={fmt}", fmt)


# --- Consultations: round title and instructions (Markdown) -------------------------------------------------


def test_round_title_and_instructions(fresh: expected.World) -> None:
    w = fresh
    alice = client_for(w, "co_lead")
    from consultations.models import Round

    now = timezone.now()
    for payload in hostile.CORPUS:
        response = alice.post(
            reverse("consultations:round_create"),
            {
                "set_version": w.open_round.set_version_id,
                "title": payload,
                "instructions": payload,
                "opens_at": (now + timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
                "closes_at": (now + timedelta(days=9)).strftime("%Y-%m-%d %H:%M"),
                "green_max_oppose": "0.25",
                "grey_min_oppose": "0.50",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        round_ = Round.objects.filter(title=payload).latest("pk")
        assert round_.instructions == payload
        assert_inert(alice, reverse("consultations:round_detail", kwargs={"pk": round_.pk}))
    assert_inert(alice, reverse("consultations:round_list"))


# --- Approvals: the note and the reasons of the ExCom -------------------------------------------------------


def test_approval_reasons(fresh: expected.World) -> None:
    w = fresh
    alice, eric, sam = (client_for(w, role) for role in ("co_lead", "excom", "secretariat"))
    version = make_set_version(codes=(w.indicator.code,), frozen=True)
    created = api(
        alice, "post", reverse("api:approvals:approval-list"),
        {"set_version": version.pk, "review_mode": "silence", "note": hostile.EVERYTHING},
    )  # fmt: skip
    assert created.status_code == 201, created.content[:500]
    pk = created.json()["id"]
    for action, client in (("approval-submit", alice), ("approval-open-review", alice)):
        response = api(client, "post", reverse(f"api:approvals:{action}", kwargs={"pk": pk}), {})
        assert response.status_code == 200, (action, response.content[:300])
    objected = api(
        eric, "post", reverse("api:approvals:approval-object", kwargs={"pk": pk}), {"reason": hostile.EVERYTHING}
    )
    assert objected.status_code == 200, objected.content[:300]
    from approvals.models import ApprovalEvent, ApprovalRequest

    assert ApprovalRequest.objects.get(pk=pk).note == hostile.EVERYTHING
    assert ApprovalEvent.objects.filter(request_id=pk, reason=hostile.EVERYTHING).exists()
    for client in (alice, eric, sam):
        assert_inert(client, reverse("approvals:detail", kwargs={"pk": pk}))


# --- Approvals: the publication files and page of a set whose text is hostile -------------------------------


def test_publication_files(fresh: expected.World) -> None:
    w = fresh
    alice = client_for(w, "co_lead")
    url = reverse("api:indicators:indicator-detail", kwargs={"code": w.indicator.code})
    fields = dict.fromkeys(REVISION_FIELDS, hostile.EVERYTHING) | {
        "title": "=cmd|' /C calc'!A0",
        "change_summary": "+1",
        "unit": '"><svg/onload=alert(1)>',  # unit (200) and custodians (400) are short columns
        "custodians": "@SUM(1), <img src=x onerror=alert(1)>",
    }
    assert api(alice, "patch", url, fields).status_code == 200
    publication = publish(make_set_version(codes=(w.indicator.code,), frozen=True), by=w.users["co_lead"])
    public = Client()
    assert_inert(public, reverse("approvals:publication", kwargs={"version": publication.version}))
    for fmt in ("csv", "xlsx"):
        download = reverse("approvals:publication-download", kwargs={"version": publication.version, "fmt": fmt})
        assert_neutralised(public, download, fmt, expect="=cmd|' /C calc'!A0")


@pytest.mark.parametrize("field", ["unit", "custodians"])
def test_overlong_short_fields_are_refused_with_a_field_error(fresh: expected.World, field: str) -> None:
    alice = Client(raise_request_exception=False)
    alice.force_login(fresh.users["co_lead"])
    url = reverse("api:indicators:indicator-detail", kwargs={"code": fresh.indicator.code})
    with transaction.atomic():
        response = api(alice, "patch", url, {field: hostile.LONG})
    assert_refused_clearly(response)
    assert field in response.json().get("errors", {})
