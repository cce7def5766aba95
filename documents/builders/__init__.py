"""Builders of the generated documents: one module per kind, each giving a context, a PDF and a DOCX.

`generate` runs the builder of a document's kind in the document's language and reports progress as
(steps done, steps in all): one step per row of the Word file, then the PDF, which takes about four times as
long as the Word file, counted by the pages WeasyPrint lays out against an estimate of the page count.
"""

from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import Any

from django.utils import translation

from documents.builders import annex, consultation, evidence, hub, render
from documents.builders.render import Progress
from documents.choices import ArchiveFormat, DocumentKind

PDF_WEIGHT = 4  # PDF steps per row of the Word file
ROWS_PER_PAGE = 18  # a cautious estimate for the annex; the bar never reaches 100% before the PDF is done


@dataclass
class Generated:
    pdf: bytes
    archive: bytes
    archive_format: str
    document_date: date


def _noop(done: int, total: int) -> None:
    """No one is watching."""


def _builder(kind: str, language: str, subject: Any, today: date) -> tuple[ModuleType, dict[str, Any]]:
    if kind == DocumentKind.CONSULTATION_REPORT:
        return consultation, consultation.context(subject, language, today)
    if kind == DocumentKind.DISAGGREGATION_EVIDENCE:
        return evidence, evidence.context(subject, language, today)
    return annex, annex.context(subject, language, today)


def generate(*, kind: str, language: str, subject: object, today: date, progress: Progress = _noop) -> Generated:
    """The files of one document about `subject` (a Publication, or a Round for the consultation report)."""
    with translation.override(language):
        module, ctx = _builder(kind, language, subject, today)
        rows = max(module.size(ctx), 1)
        pdf_steps = PDF_WEIGHT * rows
        total = rows + pdf_steps + 1  # the last step is storing the files
        archive = module.docx(ctx, lambda done, _rows: progress(min(done, rows), total))
        pages = 3 + rows // ROWS_PER_PAGE

        def page_started(page: int) -> None:
            progress(rows + pdf_steps * min(page - 1, pages - 1) // pages, total)

        with render.page_progress(page_started):
            pdf = module.pdf(ctx)
        progress(total - 1, total)
        if kind == DocumentKind.HUB_PACKAGE:
            return Generated(pdf, hub.package(ctx, annex_pdf=pdf, annex_docx=archive), ArchiveFormat.ZIP, today)
        return Generated(pdf, archive, ArchiveFormat.DOCX, today)
