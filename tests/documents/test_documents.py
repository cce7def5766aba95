"""Requesting, following and downloading documents: who may, the htmx progress, the report, the Hub package."""

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from accounts.models import User
from approvals.models import Publication
from config.errors import InvalidInput, NotAllowed
from documents import services
from documents.choices import ArchiveFormat, DocumentKind, DocumentState
from documents.models import Document
from tests.documents.conftest import pdf_text
from tests.factories.documents import consulted_round, publication_of_size, round_comments_of


@pytest.fixture
def publication(db: None) -> Publication:
    return publication_of_size(3)


@pytest.mark.parametrize(
    ("persona", "may_read", "may_request"),
    [
        ("co_lead", True, True),
        ("secretariat", True, True),
        ("excom_member", True, False),
        ("stakeholder", False, False),
        ("focal_point", False, False),
    ],
)
def test_who_may_read_and_request_documents(
    persona: str,
    may_read: bool,
    may_request: bool,
    publication: Publication,
    request: pytest.FixtureRequest,
    client_for: Callable[[User | None], Client],
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    user = request.getfixturevalue(persona)
    client = client_for(user)

    assert client.get(reverse("documents:list")).status_code == (200 if may_read else 403)
    with django_capture_on_commit_callbacks() as callbacks:  # type: ignore[attr-defined]
        response = client.post(
            reverse("documents:list"),
            {"kind": DocumentKind.ANNEX, "language": "en", "publication": publication.pk},
        )
    assert Document.objects.exists() == may_request
    if may_request:
        document = Document.objects.get()
        assert response.status_code == 302 and response["Location"] == reverse(
            "documents:detail", args=[document.pk]
        )
        assert len(callbacks) == 1  # the generation is enqueued after commit
        assert document.publication_version == publication.version
        assert document.publication_sha256 == publication.sha256


def test_the_service_refuses_a_stakeholder_and_a_missing_subject(
    publication: Publication, stakeholder: User, co_lead: User
) -> None:
    with pytest.raises(NotAllowed):
        services.request_document(kind=DocumentKind.ANNEX, by=stakeholder, publication=publication)
    with pytest.raises(InvalidInput):
        services.request_document(kind=DocumentKind.CONSULTATION_REPORT, by=co_lead, publication=publication)
    with pytest.raises(InvalidInput):
        services.request_document(kind=DocumentKind.ANNEX, by=co_lead, language="de", publication=publication)


def test_the_progress_fragment_polls_until_done_then_offers_the_downloads(
    publication: Publication, co_lead: User, client_for: Callable[[User | None], Client]
) -> None:
    document = services.request_document(kind=DocumentKind.ANNEX, by=co_lead, publication=publication)
    client = client_for(co_lead)

    fragment = client.get(
        reverse("documents:progress", args=[document.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'hx-trigger="every 1s"' in fragment and 'aria-live="polite"' in fragment
    assert client.get(reverse("documents:download", args=[document.pk, "pdf"])).status_code == 404

    services.generate_document(document_id=document.pk)

    fragment = client.get(reverse("documents:progress", args=[document.pk])).content.decode()
    assert "hx-trigger" not in fragment and "100%" in fragment
    pdf = client.get(reverse("documents:download", args=[document.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    word = client.get(reverse("documents:download", args=[document.pk, "file"]))
    assert word["Content-Disposition"].endswith(f'gcm-annex-{publication.version}-en.docx"')
    assert client.get(reverse("documents:detail", args=[document.pk])).status_code == 200


def test_a_second_run_of_the_task_leaves_a_finished_document_alone(
    publication: Publication, generate: Callable[..., Document]
) -> None:
    document = generate(DocumentKind.ANNEX, publication=publication)

    assert services.generate_document(document_id=document.pk) is None
    assert Document.objects.get(pk=document.pk).state == DocumentState.DONE


def test_a_finished_document_cannot_be_changed_in_the_database(
    publication: Publication, generate: Callable[..., Document]
) -> None:
    document = generate(DocumentKind.ANNEX, publication=publication)

    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.filter(pk=document.pk).update(pdf=b"%PDF forged")


def test_a_failure_is_recorded_for_the_page(
    publication: Publication, co_lead: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = services.request_document(kind=DocumentKind.ANNEX, by=co_lead, publication=publication)

    def broken(**kwargs: object) -> None:
        raise RuntimeError("typesetter unavailable")

    monkeypatch.setattr("documents.builders.generate", broken)
    services.generate_document(document_id=document.pk)

    document.refresh_from_db()
    assert document.state == DocumentState.FAILED and "typesetter unavailable" in document.error


def test_the_consultation_report_has_participation_classification_dispositions_and_answers(
    co_lead: User, generate: Callable[..., Document], tmp_path: Path
) -> None:
    round_ = consulted_round(co_lead)

    document = generate(DocumentKind.CONSULTATION_REPORT, round=round_)

    assert document.state == DocumentState.DONE
    text = " ".join(pdf_text(bytes(document.pdf), tmp_path).split())
    assert text.startswith("First consultation on the limited set")  # the running header of each page
    for expected in [
        "Member States",
        "UN entities",
        "Americas",
        "Africa",
        "Partially accepted",
        "What you said",
        "Definition tightened.",
        "Green",
        "not been published yet",
    ]:
        assert expected in text, expected
    candidate = round_.synthesis["candidates"][1]
    assert candidate["code"] in text
    word = docx.Document(io.BytesIO(bytes(document.archive)))
    answers = next(t for t in word.tables if t.rows[0].cells[0].text == "On")
    assert len(answers.rows) - 1 == 3  # one row per official comment


def test_the_hub_package_has_the_annex_a_page_per_objective_and_a_manifest(
    publication: Publication, generate: Callable[..., Document]
) -> None:
    document = generate(DocumentKind.HUB_PACKAGE, publication=publication)

    assert document.archive_format == ArchiveFormat.ZIP
    archive = zipfile.ZipFile(io.BytesIO(bytes(document.archive)))
    names = archive.namelist()
    assert {"annex-en.pdf", "annex-en.docx", "manifest.json"} <= set(names)
    assert len([n for n in names if n.endswith(".md")]) == 23
    assert len([n for n in names if n.endswith(".html")]) == 23
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["publication"] == publication.version
    assert manifest["publication_sha256"] == publication.sha256
    assert {f["path"] for f in manifest["files"]} == set(names) - {"manifest.json"}
    page = archive.read("objectives/objective-01.md").decode()
    assert page.startswith("# Objective 1.") and "| Code |" in page
    assert "GCM-T-" in page


def test_the_documents_api_lists_and_requests(
    publication: Publication, co_lead: User, stakeholder: User, client_for: Callable[[User | None], Client]
) -> None:
    client = client_for(co_lead)
    created = client.post(
        reverse("api:documents:document-list"),
        {"kind": "annex", "language": "ar", "publication": publication.version},
        content_type="application/json",
    )
    assert created.status_code == 202, created.content
    assert created.json()["state"] == "queued" and created.json()["pdf_url"] is None
    listed = client.get(reverse("api:documents:document-list"), {"kind": "annex"}).json()
    assert listed["count"] == 1
    assert client_for(stakeholder).get(reverse("api:documents:document-list")).json()["count"] == 0
    refused = client_for(stakeholder).post(
        reverse("api:documents:document-list"),
        {"kind": "annex", "publication": publication.version},
        content_type="application/json",
    )
    assert refused.status_code == 403


def test_the_list_costs_a_fixed_number_of_queries(
    publication: Publication,
    co_lead: User,
    client_for: Callable[[User | None], Client],
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    client = client_for(co_lead)
    for _ in range(2):
        services.request_document(kind=DocumentKind.ANNEX, by=co_lead, publication=publication)
    client.get(reverse("documents:list"))
    with django_assert_max_num_queries(12) as few:  # type: ignore[attr-defined]
        client.get(reverse("documents:list"))
    for _ in range(10):
        services.request_document(kind=DocumentKind.ANNEX, by=co_lead, publication=publication)
    with django_assert_max_num_queries(len(few)):  # type: ignore[attr-defined]
        client.get(reverse("documents:list"))


def test_the_navigation_and_dashboard_show_the_plan(
    publication: Publication, stakeholder: User, co_lead: User, client_for: Callable[[User | None], Client]
) -> None:
    page = client_for(stakeholder).get("/").content.decode()
    assert reverse("documents:plan") in page and 'href="/documents/"' not in page
    page = client_for(co_lead).get("/").content.decode()
    assert 'href="/documents/"' in page and "Plan and documents" in page


def test_the_report_of_the_demo_round_carries_the_publication_it_led_to(
    demo: Publication, generate: Callable[..., Document], tmp_path: Path
) -> None:
    from consultations.models import Round

    round_ = Round.objects.filter(set_version=demo.set_version).get()

    document = generate(DocumentKind.CONSULTATION_REPORT, round=round_)

    assert document.publication_version == demo.version and document.publication_sha256 == demo.sha256
    text = " ".join(pdf_text(bytes(document.pdf), tmp_path).split())
    assert demo.sha256 in text.replace(" ", "")
    word = docx.Document(io.BytesIO(bytes(document.archive)))
    answers = next(t for t in word.tables if t.rows[0].cells[0].text == "On")
    assert len(answers.rows) - 1 == len(round_comments_of(round_))
