"""API plumbing shared by every app: the CSV renderer behind `?format=csv`, the page size rules, and what the
OpenAPI schema adds to drf-spectacular's (error responses, `?format=`, YAML that every reader reads alike)."""

import csv
import io
import re
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import yaml
from drf_spectacular.renderers import OpenApiYamlRenderer
from drf_spectacular.utils import OpenApiParameter
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BaseRenderer

from config.exports import neutralise

# `?lang=`: titles in one of the six UN languages (the storage keys of mapping.models.language_key).
LANGUAGES = ["en", "fr", "es", "ar", "zh", "ru"]
LANG = OpenApiParameter(
    "lang",
    str,
    enum=LANGUAGES,
    description="Titles in this UN language: en (the default), fr, es, ar, zh (Chinese) or ru; English where a "
    "title has no translation.",
)


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


ERROR_SCHEMA = {
    "type": "object",
    "required": ["detail", "code"],
    "properties": {
        "detail": {
            "type": "string",
            "description": "What went wrong and what to do about it, in the request's language.",
        },
        "code": {
            "type": "string",
            "description": "A stable code for programs: invalid, not_found, throttled, workflow, …",
        },
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "description": "The messages for each field, when the input was invalid.",
        },
    },
}


ERROR_RESPONSES = {
    "InvalidInput": "Invalid input: `errors` names each field and what to fix.",
    "NotAuthenticated": "No credentials, or an unknown or revoked token: send `Authorization: Token <key>`.",
    "NotAllowed": "Not allowed to this account.",
    "NotFound": "No such object (or not visible to this account).",
    "Conflict": "The action does not fit the object's state or a deadline.",
    "Throttled": "Too many requests from this client: wait the seconds that Retry-After says.",
}
RETRY_AFTER = {
    "schema": {"type": "integer"},
    "description": "Seconds until the client's window ends and requests are accepted again.",
}


RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": "Requests this client may make in the current window (config/throttling.py).",
    "RateLimit-Remaining": "Requests left in the current window.",
    "RateLimit-Reset": "Seconds until the current window ends.",
}


def document_errors(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular hook: every operation documents the error responses every API view can give, and the
    rate headers of its answers.

    All errors share one shape (`Error`, see config/errors.py); they are JSON whatever `?format=` asked for.
    """
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    components["headers"] = {
        name.replace("-", ""): {"schema": {"type": "integer"}, "description": description}
        for name, description in RATE_LIMIT_HEADERS.items()
    }
    rate_headers = {name: {"$ref": f"#/components/headers/{name.replace('-', '')}"} for name in RATE_LIMIT_HEADERS}
    responses = components.setdefault("responses", {})
    for name, description in ERROR_RESPONSES.items():
        responses[name] = {
            "description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
    responses["Throttled"]["headers"] = {"Retry-After": RETRY_AFTER, **rate_headers}

    def ref(name: str) -> dict[str, str]:
        return {"$ref": f"#/components/responses/{name}"}

    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            documented = operation.setdefault("responses", {})
            for code, response in documented.items():
                if code.startswith("2"):
                    response.setdefault("headers", {}).update(rate_headers)
            parameters = operation.get("parameters", [])
            if "requestBody" in operation or any(p.get("in") == "query" for p in parameters):
                documented.setdefault("400", ref("InvalidInput"))
            documented.setdefault("401", ref("NotAuthenticated"))
            documented.setdefault("403", ref("NotAllowed"))
            if any(p.get("in") == "path" for p in parameters):
                documented.setdefault("404", ref("NotFound"))
            if method != "get":
                documented.setdefault("409", ref("Conflict"))
            documented.setdefault("429", ref("Throttled"))
    return result


class _SchemaDumper(yaml.SafeDumper):
    """PyYAML writes YAML 1.1, where `019` is a string and may stay bare; YAML 1.2 readers (most OpenAPI tools)
    read a bare `019` as the number 19. Strings that YAML 1.2 reads as numbers are therefore quoted."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_SchemaDumper.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_SchemaDumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"),
)


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    node = dumper.represent_str(str(data))
    node.style = "|" if "\n" in data else None
    return node


def _decimal(dumper: yaml.SafeDumper, data: Decimal) -> yaml.ScalarNode:
    value = f"{data:f}"
    return dumper.represent_scalar("tag:yaml.org,2002:float" if "." in value else "tag:yaml.org,2002:int", value)


_SchemaDumper.add_multi_representer(str, _str)
_SchemaDumper.add_representer(str, _str)
_SchemaDumper.add_representer(Decimal, _decimal)
_SchemaDumper.add_representer(OrderedDict, lambda dumper, data: dumper.represent_dict(dict(data)))


class SchemaYamlRenderer(OpenApiYamlRenderer):
    """The OpenAPI document as drf-spectacular writes it, with number-like strings quoted (see `_SchemaDumper`).
    Used by `/api/v1/schema/` and by `manage.py openapi`, which writes the committed openapi.yaml."""

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        text = yaml.dump(data, Dumper=_SchemaDumper, default_flow_style=False, sort_keys=False, allow_unicode=True)
        return text.encode("utf-8")


class SchemaYaml2Renderer(SchemaYamlRenderer):
    media_type = "application/yaml"
