"""Fixtures of the documents tests: the demonstration publication, and documents generated in-process."""

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from accounts.models import User
from approvals.models import Publication
from documents import services
from documents.models import Document
from tests.factories.documents import demo_publication


@pytest.fixture
def demo(db: None) -> Publication:
    return demo_publication()


@pytest.fixture
def generate(co_lead: User) -> Callable[..., Document]:
    """Request a document as Alice and generate it in the test process (no worker)."""

    def run(kind: str, **subject: object) -> Document:
        document = services.request_document(kind=kind, by=co_lead, **subject)  # type: ignore[arg-type]
        services.generate_document(document_id=document.pk)
        return Document.objects.get(pk=document.pk)

    return run


def pdf_text(content: bytes, tmp_path: Path, *, first: int | None = None, last: int | None = None) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
