"""In Chromium: a co-lead asks for the annex of a publication; the page polls the progress with htmx and, once
the document is generated, offers the PDF, which downloads."""

import pytest

from documents import services
from documents.models import Document
from tests.factories.documents import publication_of_size

pytestmark = pytest.mark.browser


def test_generate_watch_and_download_the_annex(page, live_server, sign_in, co_lead, tmp_path) -> None:  # type: ignore[no-untyped-def]
    publication = publication_of_size(3)

    sign_in(page, co_lead)
    page.goto(f"{live_server.url}/documents/")
    page.select_option("#id_kind", "annex")
    page.select_option("#id_language", "ar")
    page.select_option("#id_publication", str(publication.pk))
    page.get_by_role("button", name="Generate").click()
    page.get_by_text("The document is being generated.").wait_for()
    assert page.locator("progress").count() == 1

    # No worker in this test: generate it here; the page finds out by polling.
    services.generate_document(document_id=Document.objects.get().pk)

    link = page.get_by_role("link", name="Download PDF")
    link.wait_for(timeout=10_000)
    assert page.locator("[hx-trigger]").count() == 0  # polling stopped
    with page.expect_download() as download:
        link.click()
    path = tmp_path / "annex.pdf"
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    assert download.value.suggested_filename == f"gcm-annex-{publication.version}-ar.pdf"
