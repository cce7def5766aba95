"""Fuzzing of every documented operation with schemathesis, in process against the WSGI application.

The reference and demo data are loaded first so that lists and details return real objects. Each operation is
fuzzed anonymously and with the API token of the demo co-lead; a response must not be a server error and must
conform to the schema (body, content type, declared headers). Bounded: `MAX_EXAMPLES` cases per operation and
persona, about a minute each.
"""

from collections.abc import Iterator
from io import StringIO

import hypothesis
import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from rest_framework.authtoken.models import Token

from accounts.models import User
from config.wsgi import application

MAX_EXAMPLES = 12
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_headers_conformance,
]


@pytest.fixture
def loaded(db: None) -> Iterator[None]:
    call_command("load_reference", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    # Requests run in this thread, inside the test's transaction: keep its connection open between them, as
    # Django's test client does.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _fuzz(operation: schemathesis.APIOperation, headers: dict[str, str]) -> str:
    """The failures of one operation with a request that reproduces them; empty when every case passed."""

    @hypothesis.settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
    )
    @hypothesis.given(case=operation.as_strategy())
    def run(case: schemathesis.Case) -> None:
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS)

    try:
        run()
    except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - report every operation's failures
        return f"{operation.label}: {str(error)[:3000]}"
    return ""


@pytest.mark.parametrize("who", ["anonymous", "co_lead_token"])
def test_every_documented_operation(who: str, loaded: None) -> None:
    headers: dict[str, str] = {}
    if who == "co_lead_token":
        token, _created = Token.objects.get_or_create(user=User.objects.get(email="co-lead@example.org"))
        headers["Authorization"] = f"Token {token.key}"
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 50
    failures = [failure for operation in operations if (failure := _fuzz(operation, headers))]
    assert not failures, "\n\n".join(failures)
