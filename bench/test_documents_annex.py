"""Typesetting the annex of a 200-indicator publication. Prints:
BENCH annex_pdf_s_200 (the PDF alone, WeasyPrint), BENCH annex_docx_s_200 (the Word file),
BENCH annex_total_s_200 (the whole generation as the worker runs it, progress writes included).
Each figure is the best of three runs after one warm-up (fonts loaded, templates compiled).
"""

import time

import pytest
from django.utils import timezone

from documents import services
from documents.builders import annex
from documents.choices import DocumentKind, Language
from tests.factories.accounts import UserFactory
from tests.factories.documents import publication_of_size

SIZE = 200


def _best(run, times: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.django_db
def test_annex_of_200_indicators() -> None:
    from accounts.choices import Role

    publication = publication_of_size(SIZE, name="Benchmark set")
    context = annex.context(publication, Language.ENGLISH, timezone.localdate())
    annex.pdf(context)  # warm-up

    pdf_s = _best(lambda: annex.pdf(context))
    docx_s = _best(lambda: annex.docx(context))
    co_lead = UserFactory(roles=[Role.CO_LEAD])

    def whole() -> None:
        document = services.request_document(kind=DocumentKind.ANNEX, by=co_lead, publication=publication)
        services.generate_document(document_id=document.pk)

    total_s = _best(whole)
    print(f"BENCH annex_pdf_s_200 {pdf_s:.2f} s")
    print(f"BENCH annex_docx_s_200 {docx_s:.2f} s")
    print(f"BENCH annex_total_s_200 {total_s:.2f} s")
