"""Typesetting shared by every document: PDF from an HTML template with WeasyPrint, DOCX with python-docx."""

import io
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from docx import Document as new_word_document
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

# Progress of a generation: (steps done, steps in all).
Progress = Callable[[int, int], None]

PRINT_CSS = Path(settings.BASE_DIR) / "static" / "documents" / "print.css"

# Fonts that cover the six UN languages (Debian's fonts-noto-core and fonts-noto-cjk).
LATIN_FONT = "Noto Sans"
ARABIC_FONT = "Noto Naskh Arabic"
CJK_FONT = "Noto Sans CJK SC"


def pdf_bytes(template: str, context: dict[str, Any]) -> bytes:
    """Render the template and typeset it with WeasyPrint, with the print stylesheet of the documents app."""
    from weasyprint import CSS, HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(stylesheets=[CSS(filename=str(PRINT_CSS))])


class _PageHandler(logging.Handler):
    """Hears WeasyPrint announce each page it lays out ("Step 5 - Creating layout - Page N")."""

    pattern = re.compile(r"Creating layout - Page (\d+)$")

    def __init__(self, on_page: Callable[[int], None]) -> None:
        super().__init__(level=logging.INFO)
        self.on_page = on_page

    def emit(self, record: logging.LogRecord) -> None:
        match = self.pattern.search(record.getMessage())
        if match:
            self.on_page(int(match[1]))


@contextmanager
def page_progress(on_page: Callable[[int], None]) -> Iterator[None]:
    """Call `on_page(n)` as WeasyPrint starts laying out page n: the layout is most of a PDF's time."""
    logger = logging.getLogger("weasyprint.progress")
    handler, level, propagate = _PageHandler(on_page), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # a page count is not worth a log line
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def _set_bidi(element: Any, tag: str) -> None:
    node = OxmlElement(tag)
    element.append(node)


def new_docx(*, rtl: bool = False) -> WordDocument:
    """A Word document whose Normal style uses Noto fonts for Latin, Arabic (complex script) and CJK text."""
    document = new_word_document()
    style = document.styles["Normal"]
    style.font.name = LATIN_FONT
    style.font.size = Pt(10)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), CJK_FONT)
    fonts.set(qn("w:cs"), ARABIC_FONT)
    document.core_properties.language = ""
    document._rtl = rtl  # type: ignore[attr-defined]  # read by the helpers below
    return document


def paragraph(document: WordDocument, text: str, *, style: str | None = None) -> Paragraph:
    """A paragraph, marked right-to-left in an Arabic document."""
    para = document.add_paragraph(style=style)
    run = para.add_run(text)
    if getattr(document, "_rtl", False):
        _set_bidi(para._p.get_or_add_pPr(), "w:bidi")
        _set_bidi(run._r.get_or_add_rPr(), "w:rtl")
    return para


def heading(document: WordDocument, text: str, level: int = 1) -> Paragraph:
    para = document.add_heading(level=level)
    run = para.add_run(text)
    if getattr(document, "_rtl", False):
        _set_bidi(para._p.get_or_add_pPr(), "w:bidi")
        _set_bidi(run._r.get_or_add_rPr(), "w:rtl")
    return para


def table(document: WordDocument, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> Table:
    """A grid table with a repeated header row; laid out right-to-left in an Arabic document."""
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    if getattr(document, "_rtl", False):
        _set_bidi(grid._tbl.tblPr, "w:bidiVisual")
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    header_props = grid.rows[0]._tr.get_or_add_trPr()
    _set_bidi(header_props, "w:tblHeader")
    for values in rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = "" if value is None else str(value)
    return grid


def describe(document: WordDocument, *, title: str, version: str = "", sha256: str = "") -> None:
    """File properties that document managers show: the title, and the publication's version and SHA-256."""
    properties = document.core_properties
    properties.title = title[:255]
    properties.subject = f"GCM indicators {version}".strip()
    properties.keywords = f"sha256:{sha256}" if sha256 else ""
    properties.author = "GCM Indicator Workbench"


def docx_bytes(document: WordDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
