"""The demonstration documents are queued once, for the worker to generate."""

import io

from approvals.models import Publication
from documents import demo as documents_demo
from documents.choices import DocumentState
from documents.models import Document


def test_the_demo_documents_are_queued_once(demo: Publication) -> None:
    documents_demo.load(io.StringIO())
    first = Document.objects.count()
    documents_demo.load(io.StringIO())

    assert first == 4 == Document.objects.count()
    assert set(Document.objects.values_list("state", flat=True)) == {DocumentState.QUEUED}
    assert set(Document.objects.values_list("publication_sha256", flat=True)) == {demo.sha256}
