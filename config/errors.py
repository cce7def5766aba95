"""Domain errors, and the one place that maps them to HTTP.

Services raise these with a message a person can act on; the API answers
`{"detail": <message>, "code": <code>}` (plus `"errors"` for field errors) with the status below, and
browser views show the message. Nothing else in the project chooses status codes for domain failures.
"""

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.defaults import page_not_found
from django.views.defaults import server_error as default_server_error
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class DomainError(Exception):
    """A request the domain refuses. Subclasses fix the HTTP status and a stable machine-readable code."""

    status_code = status.HTTP_400_BAD_REQUEST
    code = "invalid"

    def __init__(self, message: str, *, code: str | None = None, errors: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.errors = errors or {}


class InvalidInput(DomainError):
    """The input is malformed or incomplete; `errors` names the fields to fix."""


class NotAllowed(DomainError):
    """The user's role does not allow this action."""

    status_code = status.HTTP_403_FORBIDDEN
    code = "not_allowed"


class WorkflowError(DomainError):
    """The action does not fit the current state (e.g. editing something frozen)."""

    status_code = status.HTTP_409_CONFLICT
    code = "workflow"


class DeadlinePassed(WorkflowError):
    """The deadline has passed; the message says which deadline."""

    code = "deadline_passed"


class Immutable(WorkflowError):
    """The record is frozen, submitted or published, and can never change."""

    code = "immutable"


def _field_errors(detail: Any) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {
            str(key): [str(item) for item in (value if isinstance(value, list) else [value])]
            for key, value in detail.items()
        }
    return {}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF exception handler: every error body is `{"detail", "code"}`, with `"errors"` for fields, in JSON
    whatever format the request asked for (a CSV client still needs to read why it failed)."""
    request = context.get("request")
    if request is not None:
        request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
    if isinstance(exc, DomainError):
        body: dict[str, Any] = {"detail": exc.message, "code": exc.code}
        if exc.errors:
            body["errors"] = exc.errors
        return Response(body, status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        errors = _field_errors(exc.detail)
        if not errors:
            errors = {"non_field_errors": [str(item) for item in exc.detail]}  # type: ignore[union-attr]
        first = next(iter(errors.values()))[0] if errors else "Invalid input."
        response.data = {"detail": first, "code": "invalid", "errors": errors}
    else:
        codes = exc.get_codes()
        response.data = {
            "detail": str(exc.detail) if not isinstance(exc.detail, (dict, list)) else str(exc),
            "code": codes if isinstance(codes, str) else exc.default_code,
        }
    return response


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404 for a URL nothing answers: the error shape in JSON under /api/, the site's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(exceptions.NotFound.default_detail), "code": "not_found"}, status=404)
    return page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """500: the error shape in JSON under /api/ (clients parse it), the site's page elsewhere."""
    if request.path.startswith("/api/"):
        body = {"detail": str(exceptions.APIException.default_detail), "code": "error"}
        return JsonResponse(body, status=500)
    return default_server_error(request)
