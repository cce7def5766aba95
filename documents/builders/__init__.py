"""Builders of the generated documents: one module per kind, each giving a context, a PDF and a DOCX.

`generate` runs the builder of a document's kind in the document's language and reports progress as
(steps done, steps in all): the rows of the Word file first, then the PDF, the slowest step.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import translation

from documents.builders import annex, consultation, evidence, hub
from documents.builders.render import Progress
from documents.choices import ArchiveFormat, DocumentKind


@dataclass
class Generated:
    pdf: bytes
    archive: bytes
    archive_format: str
    document_date: date


def _noop(done: int, total: int) -> None:
    """No one is watching."""


def generate(*, kind: str, language: str, subject: object, today: date, progress: Progress = _noop) -> Generated:
    """The files of one document about `subject` (a Publication, or a Round for the consultation report)."""
    with translation.override(language):
        if kind == DocumentKind.CONSULTATION_REPORT:
            module = consultation
            ctx = consultation.context(subject, language, today)  # type: ignore[arg-type]
        elif kind == DocumentKind.DISAGGREGATION_EVIDENCE:
            module = evidence
            ctx = evidence.context(subject, language, today)  # type: ignore[arg-type,assignment]
        else:
            module = annex
            ctx = annex.context(subject, language, today)  # type: ignore[arg-type,assignment]
        steps: list[int] = [0, 2]

        def rows_done(done: int, total: int) -> None:
            steps[:] = [done, total + 2]
            progress(done, total + 2)

        archive = module.docx(ctx, rows_done)
        progress(steps[1] - 1, steps[1])
        pdf = module.pdf(ctx)
        if kind == DocumentKind.HUB_PACKAGE:
            return Generated(pdf, hub.package(ctx, annex_pdf=pdf, annex_docx=archive), ArchiveFormat.ZIP, today)
        return Generated(pdf, archive, ArchiveFormat.DOCX, today)
