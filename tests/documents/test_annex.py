"""The annex of the demonstration publication, as PDF and Word, carries every indicator and every objective."""

import io
import re
from collections.abc import Callable
from pathlib import Path

import docx

from approvals.models import Publication
from approvals.selectors import snapshot_data
from documents.choices import DocumentKind, DocumentState
from documents.models import Document
from tests.documents.conftest import pdf_text


def test_the_annex_pdf_lists_every_indicator_code_and_every_objective_number(
    demo: Publication, generate: Callable[..., Document], tmp_path: Path
) -> None:
    document = generate(DocumentKind.ANNEX, publication=demo)

    assert document.state == DocumentState.DONE
    text = pdf_text(bytes(document.pdf), tmp_path)
    codes = [item["code"] for item in snapshot_data(demo)["indicators"]]
    assert len(codes) == demo.indicator_count > 5
    for code in codes:
        assert code in text, code
    for number in range(1, 24):
        assert re.search(rf"Objective {number}\.", text), number
    assert demo.version in text and demo.sha256 in text.replace("\n", "")


def test_the_annex_docx_has_one_table_row_per_indicator(
    demo: Publication, generate: Callable[..., Document]
) -> None:
    document = generate(DocumentKind.ANNEX, publication=demo)

    word = docx.Document(io.BytesIO(bytes(document.archive)))
    codes = {item["code"] for item in snapshot_data(demo)["indicators"]}
    first_cells = [row.cells[0].text for table in word.tables for row in table.rows]
    rows = [cell for cell in first_cells if cell in codes]
    assert sorted(rows) == sorted(codes)  # each code once, no more
    header_rows = [cell for cell in first_cells if cell == "Code"]
    objectives_with_indicators = {item["primary_objective"] for item in snapshot_data(demo)["indicators"]}
    assert len(header_rows) == len(objectives_with_indicators)
    assert word.core_properties.keywords == f"sha256:{demo.sha256}"
    assert demo.version in word.core_properties.subject
    assert any(p.text == f"SHA-256 of the publication: {demo.sha256}" for p in word.paragraphs)


def test_objectives_without_an_indicator_are_listed_as_such(
    generate: Callable[..., Document], tmp_path: Path, db: None
) -> None:
    from tests.factories.documents import publication_of_size

    publication = publication_of_size(2)  # primary objectives 1 and 2 only
    document = generate(DocumentKind.ANNEX, publication=publication)

    text = pdf_text(bytes(document.pdf), tmp_path)
    assert text.count("No indicator is proposed under this objective.") == 21
    assert "Objectives covered: " in text
