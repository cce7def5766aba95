"""API rates: anonymous clients by address, token and signed-in clients by account; 429 with Retry-After.

The counters live in this run's Redis (keys under the run's cache prefix, cleared between tests). The suite runs
with generous rates (tests/conftest.py); each test here sets small ones.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from accounts.models import User
from approvals.models import Publication
from config import throttling
from tests.api.conftest import publish

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = "/api/v1/reference/gcm-objectives/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings):  # type: ignore[no-untyped-def]
    def set_rates(anon: str, account: str) -> None:
        settings.API_THROTTLE_RATES = {"anon": anon, "account": account}

    return set_rates


def token_client(user: User) -> Client:
    token, _created = Token.objects.get_or_create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


def statuses(client: Client, path: str, times: int) -> list[int]:
    return [client.get(path).status_code for _ in range(times)]


def test_an_anonymous_client_is_refused_with_429_and_retry_after_beyond_its_rate(rates) -> None:
    rates("3/minute", "100/minute")
    client = Client()

    assert statuses(client, PUBLIC, 3) == [200, 200, 200]
    refused = client.get(PUBLIC)

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["code"] == "throttled"
    assert "seconds" in refused.json()["detail"]


def test_a_token_client_has_its_own_higher_rate(rates, co_lead: User) -> None:
    rates("2/minute", "5/minute")
    anonymous, with_token = Client(), token_client(co_lead)

    assert statuses(with_token, PUBLIC, 5) == [200] * 5
    assert with_token.get(PUBLIC).status_code == 429
    # The token's requests did not use the anonymous allowance of the same address.
    assert statuses(anonymous, PUBLIC, 3) == [200, 200, 429]


def test_accounts_are_counted_apart_even_from_one_address(rates, co_lead: User, secretariat: User) -> None:
    rates("1/minute", "2/minute")

    assert statuses(token_client(co_lead), PUBLIC, 3) == [200, 200, 429]
    assert statuses(token_client(secretariat), PUBLIC, 3) == [200, 200, 429]


def test_a_signed_in_session_counts_as_its_account(rates, co_lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    rates("1/minute", "2/minute")

    assert statuses(client_for(co_lead), PUBLIC, 3) == [200, 200, 429]


def test_addresses_are_counted_apart(rates) -> None:
    rates("1/minute", "100/minute")

    assert statuses(Client(REMOTE_ADDR="192.0.2.1"), PUBLIC, 2) == [200, 429]
    assert statuses(Client(REMOTE_ADDR="192.0.2.2"), PUBLIC, 2) == [200, 429]


def test_writes_count_too(rates, co_lead: User) -> None:
    rates("100/minute", "1/minute")
    client = token_client(co_lead)

    assert client.get("/api/v1/me/").status_code == 200
    response = client.post("/api/v1/sets/", {"name": "Throttled"}, content_type="application/json")

    assert response.status_code == 429
    assert response.json()["code"] == "throttled"


@pytest.fixture
def publication(transactional_db: None) -> Publication:
    from config.celery import app as celery_app

    celery_app.conf.task_always_eager = True
    try:
        return publish(3, name="Throttled set")
    finally:
        celery_app.conf.task_always_eager = False


def test_the_publication_fast_path_keeps_the_rates(rates, publication: Publication, co_lead: User) -> None:
    rates("2/minute", "3/minute")
    path = f"/api/v1/publications/{publication.version}/"
    anonymous = Client()

    first, second = anonymous.get(path), anonymous.get(path)
    refused = anonymous.get(path)

    assert first.content == second.content == bytes(publication.snapshot_bytes)
    assert first["ETag"] == f'"{publication.sha256}"'
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert refused.json()["code"] == "throttled"
    # A token client takes the documented view, with the account's rate and the same bytes and headers.
    with_token = token_client(co_lead)
    answers = [with_token.get(path) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[0].content == first.content
    assert answers[0]["ETag"] == first["ETag"]
    assert answers[0]["Cache-Control"] == first["Cache-Control"] == "public, max-age=31536000, immutable"


def test_the_fast_path_answers_like_the_documented_view(publication: Publication, co_lead: User) -> None:
    path = f"/api/v1/publications/{publication.version}/"
    anonymous, with_token = Client().get(path), token_client(co_lead).get(path)

    for header in ("Content-Type", "ETag", "Cache-Control"):
        assert anonymous[header] == with_token[header]
    assert anonymous.content == with_token.content
    # Unknown versions, bad tokens and other methods get the framework's answers.
    assert Client().get("/api/v1/publications/1999.1/").json()["code"] == "not_found"
    bad_token = Client(HTTP_AUTHORIZATION="Token not-a-token").get(path)
    assert bad_token.status_code == 401
    assert bad_token.json()["code"] == "authentication_failed"
    assert Client().post(path).status_code == 405
    conditional = Client().get(path, HTTP_IF_NONE_MATCH=anonymous["ETag"])
    assert conditional.status_code == 304
    assert conditional.content == b""


def test_requests_go_through_when_the_counter_cannot_be_reached(rates, settings) -> None:  # type: ignore[no-untyped-def]
    rates("1/minute", "1/minute")
    settings.THROTTLE_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    assert statuses(Client(), PUBLIC, 3) == [200, 200, 200]


def test_rates_read_like_count_per_period() -> None:
    assert throttling.parse_rate("120/minute") == (120, 60)
    assert throttling.parse_rate("5000/hours") == (5000, 3600)
    with pytest.raises(ValueError, match="120/minute"):
        throttling.parse_rate("lots")


def test_a_malformed_rate_in_the_environment_stops_start_up_and_names_the_variable() -> None:
    env = {**os.environ, "API_ANON_RATE": "fast"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )

    assert result.returncode != 0
    assert "API_ANON_RATE must read like 120/minute" in result.stderr


def test_errors_are_json_even_when_csv_was_asked_for() -> None:
    response = Client().get("/api/v1/me/?format=csv")

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_authenticated"


def test_the_fast_path_serves_the_documented_url() -> None:
    from django.urls import reverse

    from approvals.api.middleware import PATH

    assert PATH.match(reverse("api:approvals:publication-detail", args=["2026.12"]))
    assert not PATH.match(reverse("api:approvals:publication-latest"))


def test_every_counted_answer_says_where_the_client_stands(rates, co_lead: User) -> None:
    rates("3/minute", "10/minute")
    anonymous = [Client().get(PUBLIC) for _ in range(4)]

    assert [r["RateLimit-Remaining"] for r in anonymous] == ["2", "1", "0", "0"]
    assert {r["RateLimit-Limit"] for r in anonymous} == {"3"}
    assert all(1 <= int(r["RateLimit-Reset"]) <= 60 for r in anonymous)
    assert anonymous[-1].status_code == 429
    with_token = token_client(co_lead).get(PUBLIC)
    assert (with_token["RateLimit-Limit"], with_token["RateLimit-Remaining"]) == ("10", "9")
    # Pages and static files are not API requests: nothing counted, no header.
    assert "RateLimit-Limit" not in Client().get("/accounts/login/")


def test_the_fast_path_and_its_304_carry_the_rate_headers(rates, publication: Publication) -> None:
    rates("5/minute", "10/minute")
    path = f"/api/v1/publications/{publication.version}/"
    first = Client().get(path)
    again = Client().get(path, HTTP_IF_NONE_MATCH=first["ETag"])

    assert (first.status_code, again.status_code) == (200, 304)
    assert (first["RateLimit-Remaining"], again["RateLimit-Remaining"]) == ("4", "3")
