"""Permission matrix built from the URL configuration itself.

Every URL pattern (browser views and API routes, DRF actions included) and every operation of the OpenAPI
schema needs an entry in `permission_expectations.EXPECTATIONS`, so that a new view cannot go unnoticed. Each
pattern x role x method is requested for real, with real demo objects for its path parameters, inside a
savepoint that is rolled back (writes never leak from one cell into the next). A cell is "allowed" when the
answer is 2xx/3xx to a page other than the sign-in page, or a 4xx other than 401/403/404 (validation, a
conflict, a wrong method: the request got past the permission check); it is "denied" for a redirect to the
sign-in page, 401, 403 or 404 (objects a user may not see are answered as missing).
"""

import copy
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from drf_spectacular.generators import SchemaGenerator

from config.errors import NotAllowed
from tests.trust import permission_expectations as expected

# The module's data live in a transaction opened by `world` (tests/trust/conftest.py); the mark makes
# pytest-django create the test database even when only these tests are selected.
pytestmark = pytest.mark.django_db

ROLES = expected.ROLES


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    methods: tuple[str, ...]  # the methods the pattern's DRF actions accept (empty for plain views)


def _walk(resolver: URLResolver, prefix: str = "", namespaces: tuple[str, ...] = ()) -> Iterator[Route]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespaces + ((entry.namespace,) if entry.namespace else ())
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            actions = getattr(entry.callback, "actions", None) or {}
            name = ":".join(namespaces + (entry.name or "",))
            # DRF adds `head` to a route's actions the first time it is called: HEAD is GET without a body.
            methods = tuple(sorted(m.upper() for m in actions if m != "head"))
            yield Route(name, prefix + str(entry.pattern), methods)


def url_routes() -> dict[str, Route]:
    """Every named URL pattern, once per name (DRF's format-suffix twins share the name of their route)."""
    routes: dict[str, Route] = {}
    for route in _walk(get_resolver()):
        if route.pattern.startswith(expected.SKIPPED_PREFIXES) or route.name in expected.PUBLIC_DOCUMENTATION:
            continue
        known = routes.get(route.name)
        if known is None or len(route.pattern) < len(known.pattern):
            routes[route.name] = Route(route.name, route.pattern, tuple(sorted(set(route.methods))))
    return routes


def schema_operations() -> list[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return [
        (path, method.upper())
        for path, operations in schema["paths"].items()
        for method in operations
        if method in {"get", "post", "put", "patch", "delete"}
    ]


# --- Real objects and accounts ---------------------------------------------------------------------------------


def _outcome(response: Any, refused: bool) -> str:
    status = response.status_code
    if status in (401, 403, 404, 405) or refused:
        return "deny"
    if status in (301, 302, 303, 307, 308):
        location = response.headers.get("Location", "")
        if location.split("?")[0].endswith(resolve_url(settings.LOGIN_URL)):
            return "deny"
        return "allow"
    if status >= 500:
        return f"error {status}"
    return "allow"


def _request(client: Client, method: str, url: str, body: dict[str, Any]) -> Any:
    call = getattr(client, method.lower())
    if method == "GET":
        return call(url, HTTP_ACCEPT="application/json") if url.startswith("/api/") else call(url)
    if url.startswith("/api/"):
        return call(url, data=json.dumps(body), content_type="application/json")
    return call(url, data=body)


class _Refusals:
    """Counts `NotAllowed` errors raised while a request runs: an HTML view that catches one shows it as a message
    and redirects, which is a denial although the status is 302."""

    count = 0

    def __init__(self) -> None:
        original = NotAllowed.__init__

        def counting(error: NotAllowed, *args: Any, **kwargs: Any) -> None:
            _Refusals.count += 1
            original(error, *args, **kwargs)

        self.original, self.counting = original, counting


@pytest.fixture
def refusals() -> Iterator[type[_Refusals]]:
    patch = _Refusals()
    NotAllowed.__init__ = patch.counting  # type: ignore[method-assign]
    try:
        yield _Refusals
    finally:
        NotAllowed.__init__ = patch.original  # type: ignore[method-assign]


def _cell(client: Client, method: str, url: str, body: dict[str, Any] | None = None) -> str:
    before = _Refusals.count
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        try:
            response = _request(client, method, url, body or {})
        finally:
            transaction.set_rollback(True)
            client.cookies = cookies  # a sign-out (or a new session) in one cell must not change the next one
    outcome = _outcome(response, refused=_Refusals.count > before)
    if os.environ.get("TRUST_MATRIX_DUMP"):
        body = response.content[:160] if not getattr(response, "streaming", False) else b""
        _DETAILS.append(f"{method} {url} {response.status_code} {response.headers.get('Location', '')} {body!r}")
    return outcome


_DETAILS: list[str] = []


# --- Tests ---------------------------------------------------------------------------------------------------


def test_every_url_pattern_has_an_expectation(world: expected.World) -> None:
    missing = []
    for name, route in sorted(url_routes().items()):
        table = expected.EXPECTATIONS.get(name)
        if table is None:
            missing.append(f"{name} ({route.pattern})")
            continue
        missing += [f"{name} {method}" for method in route.methods if method not in table]
        has_parameters = "<" in route.pattern.replace("(?P<format>", "")
        if has_parameters and name not in expected.KWARGS:
            missing.append(f"{name}: path parameters")
    stale = sorted(set(expected.EXPECTATIONS) - set(url_routes()))
    assert not missing, "URL patterns without an expectation:\n" + "\n".join(missing)
    assert not stale, f"expectations for URL names that no longer exist: {stale}"


def test_every_api_operation_has_an_expectation(world: expected.World) -> None:
    missing = []
    for path, method in schema_operations():
        url = path
        for key, value in expected.schema_parameters(world, path).items():
            url = url.replace("{" + key + "}", str(value))
        match = resolve(url)
        name = ":".join([*match.namespaces, match.url_name or ""])
        if method not in expected.EXPECTATIONS.get(name, {}):
            missing.append(f"{method} {path} ({name})")
    print(f"\nOpenAPI schema: {len(schema_operations())} operations, each with an expectation")
    assert not missing, "API operations without an expectation:\n" + "\n".join(missing)


def test_permission_matrix(world: expected.World, refusals: type[_Refusals]) -> None:
    clients = {role: Client() for role in ROLES}
    for role, user in world.users.items():
        if user is not None:
            clients[role].force_login(user)
    unexpected_allow, unexpected_deny, errors, cells = [], [], [], 0
    observed: list[str] = []
    for name in sorted(url_routes()):
        kwargs = expected.KWARGS.get(name, lambda w: {})(world)
        url = expected.url_for(name, kwargs)
        body = expected.BODIES.get(name, lambda w: {})(world)
        for method, allowed in expected.EXPECTATIONS[name].items():
            for role in ROLES:
                cells += 1
                outcome = _cell(clients[role], method, url, body)
                if name in expected.LOGIN_REDIRECT_IS_SUCCESS and outcome == "deny":
                    outcome = "allow"
                observed.append(f"{name} {method} {role} {outcome}")
                known = expected.KNOWN_BUGS.get((name, method, role))
                if outcome.startswith("error"):
                    errors.append(f"{method} {url} as {role}: {outcome}")
                elif outcome == "allow" and role not in allowed and known is None:
                    unexpected_allow.append(f"{method} {url} ({name}) as {role}")
                elif outcome == "deny" and role in allowed:
                    unexpected_deny.append(f"{method} {url} ({name}) as {role}")
    for role, client in clients.items():  # Django admin has its own staff check: one cell per role
        cells += 1
        user = world.users[role]
        staff = bool(user is not None and user.is_staff)
        if (client.get("/admin/").status_code == 200) != staff:
            unexpected_allow.append(f"GET /admin/ as {role} (staff: {staff})")
    if os.environ.get("TRUST_MATRIX_DUMP"):
        with open(os.environ["TRUST_MATRIX_DUMP"], "w") as dump:
            dump.write("\n".join(observed) + "\n")
        with open(os.environ["TRUST_MATRIX_DUMP"] + ".details", "w") as dump:
            dump.write("\n".join(_DETAILS) + "\n")
    print(f"\npermission matrix: {cells} cells ({len(url_routes())} URL names x {len(ROLES)} roles x methods)")
    assert not errors, "server errors:\n" + "\n".join(errors)
    assert not unexpected_allow, "allowed but expected denied:\n" + "\n".join(unexpected_allow)
    assert not unexpected_deny, "denied but expected allowed:\n" + "\n".join(unexpected_deny)


@pytest.mark.parametrize("role", ["outsider", "stakeholder", "focal_point", "secretariat", "excom"])
def test_only_co_leads_may_run_the_set_suggestion_in_the_builder(
    world: expected.World, refusals: type[_Refusals], role: str
) -> None:
    client = Client()
    client.force_login(world.users[role])
    url = expected.url_for("indicators:suggest", expected.KWARGS["indicators:suggest"](world))
    body = expected.BODIES.get("indicators:suggest", lambda w: {})(world)
    assert _cell(client, "POST", url, body) == "deny"
