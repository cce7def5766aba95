"""The disaggregation evidence agrees with the indicators app's matrix (selector and page) and with the API."""

import csv
import io
from collections.abc import Callable
from pathlib import Path

from django.test import Client
from django.urls import reverse

from accounts.models import User
from approvals.models import Publication
from documents.builders.evidence import evidence_for
from documents.choices import DocumentKind
from documents.models import Document
from indicators.selectors import disaggregation_matrix, set_version_items
from tests.documents.conftest import pdf_text


def test_totals_agree_with_the_matrix_selector(demo: Publication) -> None:
    evidence = evidence_for(demo)
    dims, rows = disaggregation_matrix(list(set_version_items(demo.set_version)))

    assert len(evidence.rows) == len(rows) == demo.indicator_count
    ours = {d.code: (d.required, d.recommended) for d in evidence.dimensions}
    theirs = {d.code: (d.required_count, d.recommended_count) for d in dims}
    assert ours == theirs
    assert sum(required for required, _ in ours.values()) > 0


def test_totals_agree_with_the_matrix_page_and_the_api(
    demo: Publication, co_lead: User, client_for: Callable[[User | None], Client]
) -> None:
    page = client_for(co_lead).get(reverse("indicators:matrix"), {"version": demo.set_version_id, "format": "csv"})
    assert page.status_code == 200
    table = list(
        csv.reader(
            io.StringIO(
                b"".join(page.streaming_content).decode("utf-8-sig")
                if page.streaming
                else page.content.decode("utf-8-sig")
            )
        )
    )
    headers = table[0]
    totals = {row[0]: row for row in table if row[0].startswith("TOTAL")}
    page_required = {code: int(totals["TOTAL required"][i]) for i, code in enumerate(headers) if i >= 3}
    page_recommended = {code: int(totals["TOTAL recommended"][i]) for i, code in enumerate(headers) if i >= 3}

    api = client_for(None).get(reverse("api:documents:evidence-detail", kwargs={"version": demo.version})).json()
    api_dims = {d["code"]: d for d in api["dimensions"]}
    assert {code: d["required"] for code, d in api_dims.items()} == page_required
    assert {code: d["recommended"] for code, d in api_dims.items()} == page_recommended

    records = (
        client_for(None)
        .get(reverse("api:approvals:publication-indicators", kwargs={"version": demo.version}), {"page_size": 500})
        .json()
    )
    results = records["results"] if isinstance(records, dict) else records
    assert len(results) == demo.indicator_count
    counted: dict[str, int] = dict.fromkeys(page_required, 0)
    for item in results:
        for entry in item["disaggregation"]:
            counted[entry["dimension"]] += entry["requirement"] == "required"
    assert counted == page_required


def test_the_evidence_document_prints_the_totals_gaps_and_indicators_without_migratory_status(
    demo: Publication, generate: Callable[..., Document], tmp_path: Path
) -> None:
    document = generate(DocumentKind.DISAGGREGATION_EVIDENCE, publication=demo)

    evidence = evidence_for(demo)
    text = pdf_text(bytes(document.pdf), tmp_path)
    assert "Indicators that cannot yet be disaggregated by migratory status" in text
    for item in evidence.not_by_migratory_status:
        assert item["code"] in text
    assert evidence.gaps == sorted(evidence.gaps, key=lambda d: -d.gap)
    assert demo.sha256 in text.replace("\n", "")
