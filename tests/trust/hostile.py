"""A corpus of hostile inputs, and the checks that a page renders them inert and an export neutralises them."""

import csv
import io
from html.parser import HTMLParser

import openpyxl

FORMULA_PREFIXES = ("=", "+", "-", "@")

MARKUP = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg/onload=alert(1)>',
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "<iframe src=javascript:alert(1)></iframe>",
    "' onmouseover='alert(1)",
]
UNICODE = [
    "evil\u202etxt.exe",  # right-to-left override
    "zero\u200bwidth\u200djoiner\ufeff",
    "\u0301 lone combining mark",
    "مؤشر 指标 показатель \U0001f30d",
]
SQL_LIKE = ["'; DROP TABLE accounts_user;--", "1' OR '1'='1"]
FORMULAS = ["=cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(1)", '=HYPERLINK("http://x.example","y")']
LONG = "A" * 20_000

CORPUS = MARKUP + UNICODE + SQL_LIKE + FORMULAS
EVERYTHING = " | ".join(CORPUS)  # all payloads in one text, for fields that take one value per object

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False
        self._script_has_src = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            link = (value or "").strip().lower()
            if name in {"href", "src", "action", "formaction", "xlink:href"} and link.startswith(
                DANGEROUS_SCHEMES
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._in_script = True
            self._script_has_src = any(name == "src" for name, _ in attrs)
        if tag == "iframe":
            self.problems.append("<iframe>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and not self._script_has_src and "alert(" in data:
            self.problems.append(f"<script>{data[:60]}")


def active_content(html: str) -> list[str]:
    """Elements or attributes a browser would run: event handlers, javascript: links, inline alert scripts."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.problems


def unneutralised_cells(content: bytes, fmt: str) -> list[str]:
    """Text cells of a CSV or XLSX export that a spreadsheet would read as a formula."""
    cells: list[str] = []
    if fmt == "csv":
        for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))):
            cells += row
        return [cell for cell in cells if cell.startswith(FORMULA_PREFIXES)]
    book = openpyxl.load_workbook(io.BytesIO(content))
    bad = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (
                    isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES)
                ):
                    bad.append(f"{sheet.title}!{cell.coordinate}={cell.value!r}")
    return bad


def export_text(content: bytes, fmt: str) -> str:
    """All the text of an export, to check that the payloads are in it at all."""
    if fmt == "csv":
        return content.decode("utf-8-sig")
    book = openpyxl.load_workbook(io.BytesIO(content))
    return "\n".join(
        str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value
    )
