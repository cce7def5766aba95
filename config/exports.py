"""Tables out of the workbench: CSV, XLSX and JSON downloads built the same way everywhere.

Text cells that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return)
are prefixed with an apostrophe, so that an exported comment can never run in Excel or LibreOffice.
"""

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx", "json")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}

Cell = str | int | float | Decimal | bool | date | datetime | None


def neutralise(value: Cell) -> Cell:
    """Make a text cell inert for spreadsheets; other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(
    *, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]
) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterable[str]:
        yield "\ufeff"  # a byte-order mark, so that Excel reads UTF-8
        yield writer.writerow(headers)
        for row in rows:
            yield writer.writerow(["" if cell is None else neutralise(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_bytes(*, headers: Sequence[str], rows: Iterable[Sequence[Cell]], title: str = "Data") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(list(headers))
    for row in rows:
        sheet.append([_xlsx_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(cell: Cell) -> Cell:
    if isinstance(cell, datetime) and cell.tzinfo is not None:
        cell = cell.replace(tzinfo=None)  # openpyxl refuses aware datetimes; the workbench stores UTC
    return neutralise(cell)


def xlsx_response(
    *, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]], title: str = "Data"
) -> HttpResponse:
    response = HttpResponse(
        xlsx_bytes(headers=headers, rows=rows, title=title), content_type=CONTENT_TYPES["xlsx"]
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def json_response(*, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> HttpResponse:
    records = [dict(zip(headers, row, strict=True)) for row in rows]
    body = json.dumps(records, ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type=CONTENT_TYPES["json"])
    response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return response


def table_response(
    fmt: str, *, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]], title: str = "Data"
) -> HttpResponse | StreamingHttpResponse:
    """The table in the requested format: `csv`, `xlsx` or `json`."""
    if fmt == "csv":
        return csv_response(filename=filename, headers=headers, rows=rows)
    if fmt == "xlsx":
        return xlsx_response(filename=filename, headers=headers, rows=rows, title=title)
    if fmt == "json":
        return json_response(filename=filename, headers=headers, rows=rows)
    raise ValueError(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}.")
