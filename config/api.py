"""API plumbing shared by every app: the CSV renderer behind `?format=csv` and the page size rules."""

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BaseRenderer

from config.exports import neutralise


class Pagination(PageNumberPagination):
    """`?page=` and `?page_size=` (at most 1,000) on every list."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 1000


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Nested objects become dotted columns; lists of scalars are joined with '; ', lists of objects too."""
    if isinstance(value, Mapping):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(_flatten(item, f"{prefix}{key}."))
        return flat
    key = prefix[:-1]
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, Mapping):
                parts.append(" ".join(f"{k}={v}" for k, v in _flatten(item).items()))
            else:
                parts.append(str(item))
        return {key: "; ".join(parts)}
    return {key: value}


def _rows(data: Any) -> list[Mapping[str, Any]]:
    if isinstance(data, Mapping) and isinstance(data.get("results"), list):
        data = data["results"]
    if isinstance(data, Mapping):
        data = [data]
    return [row for row in data if isinstance(row, Mapping)] if isinstance(data, Iterable) else []


class CSVRenderer(BaseRenderer):
    """Render a list (or one page of it) as CSV: one row per item, nested fields as dotted columns."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        rows = [_flatten(row) for row in _rows(data)]
        headers: list[str] = []
        for row in rows:
            headers.extend(key for key in row if key not in headers)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        if headers:
            writer.writerow(headers)
        for row in rows:
            writer.writerow([_cell(row.get(header)) for header in headers])
        # An empty list is still one empty CSV line: DRF drops the Content-Type of an empty body.
        return buffer.getvalue().encode("utf-8") or b"\r\n"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise(value)


def describe_format(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular hook: every `?format=` parameter says what it does."""
    for item in result.get("paths", {}).values():
        for operation in item.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if parameter.get("name") == "format" and parameter.get("in") == "query":
                    parameter["description"] = (
                        "Response format: json (default) or csv (a list as one row per item)."
                    )
    return result
