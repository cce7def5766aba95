"""The annex in the six UN languages: Arabic right-to-left with Arabic glyphs, Chinese and Russian titles with
every glyph found in an embedded font (no missing-glyph boxes)."""

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from fontTools.ttLib import TTCollection, TTFont
from PIL import Image

from approvals.models import Publication
from documents.builders.labels import LABELS
from documents.choices import DocumentKind, Language
from documents.models import Document
from mapping.models import GcmObjective
from tests.documents.conftest import pdf_text
from tests.factories.documents import publication_of_size

ARABIC = re.compile(r"[\u0600-\u06FF]")
A4_WIDTH_PT = 595.28


@pytest.fixture
def publication(db: None) -> Publication:
    publication = publication_of_size(4)
    objective = GcmObjective.objects.get(number=1)
    objective.translations = {"ar": "جمع واستخدام بيانات دقيقة ومصنفة", "zh": "收集和利用准确的分类数据"}
    objective.save()
    return publication


def _words(content: bytes, tmp_path: Path) -> list[tuple[float, float, str]]:
    """(xMin, xMax, word) of page 1, from poppler's text layer."""
    path = tmp_path / "page.pdf"
    path.write_bytes(content)
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return [
        (float(x0), float(x1), word)
        for x0, x1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html
        )
    ]


def _line_alignment(content: bytes, tmp_path: Path) -> tuple[int, int]:
    """Render page 1 with pdftoppm; count the lines of ink at the top of the page that touch the left margin
    and those that touch the right margin."""
    path = tmp_path / "page.pdf"
    path.write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True
    )
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    width, height = image.size
    pixels = image.load()
    left_edges, right_edges = [], []
    for y in range(int(height * 0.05), int(height * 0.3)):
        ink = [x for x in range(width) if pixels[x, y] < 128]
        if ink:
            left_edges.append(min(ink))
            right_edges.append(max(ink))
    margin = width * 0.03
    at_left = sum(1 for x in left_edges if x <= min(left_edges) + margin)
    at_right = sum(1 for x in right_edges if x >= max(right_edges) - margin)
    return at_left, at_right


def test_the_arabic_annex_is_right_to_left_with_arabic_text(
    publication: Publication, generate: Callable[..., Document], tmp_path: Path
) -> None:
    document = generate(DocumentKind.ANNEX, publication=publication, language=Language.ARABIC)

    text = pdf_text(bytes(document.pdf), tmp_path, first=1, last=1)
    assert len(ARABIC.findall(text)) > 50
    assert "المؤشر" in text
    words = _words(bytes(document.pdf), tmp_path)
    # poppler's bounding boxes give each word's glyphs in visual order: Arabic reads reversed there
    version_label = next(w for w in words if "الإصدار" in w[2][::-1])
    assert version_label[0] > A4_WIDTH_PT / 2  # the line starts on the right
    at_left, at_right = _line_alignment(bytes(document.pdf), tmp_path)
    assert at_right > at_left


def test_the_english_annex_is_left_to_right(
    publication: Publication, generate: Callable[..., Document], tmp_path: Path
) -> None:
    document = generate(DocumentKind.ANNEX, publication=publication, language=Language.ENGLISH)

    words = _words(bytes(document.pdf), tmp_path)
    assert next(w for w in words if w[2] == "Version:")[0] < A4_WIDTH_PT / 2
    at_left, at_right = _line_alignment(bytes(document.pdf), tmp_path)
    assert at_left > at_right


def _embedded_fonts(path: Path) -> list[tuple[str, str]]:
    """(PostScript name without subset prefix, embedded yes/no) of each font of the PDF."""
    lines = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True).stdout.decode().splitlines()
    fonts = []
    for line in lines[2:]:
        parts = line.split()
        name = parts[0].split("+", 1)[-1]
        emb = parts[-5]
        fonts.append((name, emb))
    return fonts


def _system_font_cmaps(names: set[str]) -> list[dict[int, str]]:
    """The character maps of the installed fonts that the PDF names (WeasyPrint names a font by its full name
    with dashes, e.g. Noto-Sans-CJK-SC-Bold)."""
    listing = subprocess.run(
        ["fc-list", ":", "fullname", "file", "index"], check=True, capture_output=True
    ).stdout.decode()
    cmaps = []
    for line in listing.splitlines():
        match = re.match(r"(?P<file>[^:]+): :fullname=(?P<names>[^:]+):index=(?P<index>\d+)", line)
        if not match:
            continue
        fullnames = {n.replace(" Regular", "").replace(" ", "-") for n in match["names"].split(",")}
        if not fullnames & names:
            continue
        file, index = match["file"], int(match["index"])
        font = TTCollection(file).fonts[index] if file.endswith(".ttc") else TTFont(file)
        cmaps.append(font.getBestCmap())
    return cmaps


@pytest.mark.parametrize("language", [Language.CHINESE, Language.RUSSIAN])
def test_chinese_and_russian_titles_render_with_every_glyph(
    language: str, publication: Publication, generate: Callable[..., Document], tmp_path: Path
) -> None:
    document = generate(DocumentKind.ANNEX, publication=publication, language=language)

    title = LABELS["title"]["zh" if language == Language.CHINESE else "ru"]
    text = pdf_text(bytes(document.pdf), tmp_path, first=1, last=1)
    assert re.sub(r"\s", "", title) in re.sub(r"\s", "", text)
    path = tmp_path / "document.pdf"
    fonts = _embedded_fonts(path)
    assert fonts and all(emb == "yes" for _name, emb in fonts)
    cmaps = _system_font_cmaps({name for name, _emb in fonts})
    assert cmaps
    missing = [char for char in set(title) if not char.isspace() and not any(ord(char) in c for c in cmaps)]
    assert missing == []
    if language == Language.CHINESE:
        assert any("CJK" in name for name, _emb in fonts)


def test_the_arabic_word_file_is_right_to_left(
    publication: Publication, generate: Callable[..., Document]
) -> None:
    import io

    import docx
    from docx.oxml.ns import qn

    document = generate(DocumentKind.ANNEX, publication=publication, language=Language.ARABIC)

    word = docx.Document(io.BytesIO(bytes(document.archive)))
    title = word.paragraphs[0]
    assert title.text == LABELS["title"]["ar"]
    assert title._p.pPr.find(qn("w:bidi")) is not None
    assert all(table._tbl.tblPr.find(qn("w:bidiVisual")) is not None for table in word.tables)
