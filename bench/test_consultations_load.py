"""Load test: 200 focal points each post 20 comments through the API in the last minutes of a round.

A real gunicorn (up to 5 workers x 4 threads) serves the test database on 127.0.0.1; clients use tokens, 50 at
a time. Bounded in time (each request 30 s, the whole run 240 s) and in count (4,000 requests). Prints:
BENCH comments_per_s, BENCH comment_p95_ms, BENCH comments_lost (accepted minus stored: must be 0),
BENCH comment_errors (must be 0).
"""

import logging
import os
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone
from rest_framework.authtoken.models import Token

from accounts.choices import OrganisationKind, Region, Role
from accounts.models import Organisation, User
from consultations.models import Comment, Round
from indicators.models import Indicator, IndicatorRevision, LimitedSet, SetVersion, SetVersionItem
from tests.servers import database_url, gunicorn

FOCAL_POINTS = 200
COMMENTS_EACH = 20
CONCURRENCY = 50
RUN_LIMIT_S = 240


def _round_with_focal_points() -> tuple[Round, list[str], list[int]]:
    limited_set = LimitedSet.objects.create(name="Load test set")
    version = SetVersion.objects.create(limited_set=limited_set, number=1)
    revisions = []
    for n in range(1, 6):
        indicator = Indicator.objects.create(code=f"GCM-{n:02d}-9")
        revision = IndicatorRevision.objects.create(
            indicator=indicator, number=1, title=f"Indicator {n}", definition="d", rationale="r"
        )
        SetVersionItem.objects.create(version=version, revision=revision, indicator=indicator, position=n)
        revisions.append(revision.pk)
    SetVersion.objects.filter(pk=version.pk).update(frozen_at=timezone.now())
    now = timezone.now()
    # The last minutes of the round: it closes in ten minutes.
    round_ = Round.objects.create(
        set_version=version,
        title="Load test round",
        opens_at=now - timedelta(days=14),
        closes_at=now + timedelta(minutes=10),
    )
    Round.objects.filter(pk=round_.pk).update(state="open")
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Load State {n}",
            kind=OrganisationKind.MEMBER_STATE,
            country=f"Q{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}",
            region=Region.AFRICA,
        )
        for n in range(FOCAL_POINTS)
    )
    users = User.objects.bulk_create(
        User(email=f"fp{n}@load.example.org", organisation=org, is_focal_point=True, password="!")
        for n, org in enumerate(organisations)
    )
    group, _ = Group.objects.get_or_create(name=Role.STAKEHOLDER)  # an earlier benchmark may have flushed it
    group.user_set.add(*users)
    tokens = Token.objects.bulk_create(Token(user=user, key=Token.generate_key()) for user in users)
    return round_, [token.key for token in tokens], revisions


@pytest.fixture
def server(transactional_db: None, tmp_path: Path) -> Iterator[str]:
    env = dict(
        os.environ, DATABASE_URL=database_url(connection.settings_dict), DJANGO_DEBUG="false", LOG_LEVEL="WARNING"
    )
    workers = min(2 * (os.cpu_count() or 1) + 1, 5)
    # A comment costs more waiting on PostgreSQL than computing: threads keep the cores busy meanwhile.
    with gunicorn(env, tmp_path / "gunicorn.log", workers=workers, timeout=60, options=["--threads", "4"]) as base:
        yield base


def test_200_focal_points_post_20_comments_each(server: str) -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one log line per request would drown the figures
    round_, tokens, revisions = _round_with_focal_points()
    url = f"{server}/api/v1/rounds/{round_.pk}/comments/"
    stop_at = time.monotonic() + RUN_LIMIT_S

    def focal_point(index: int) -> list[tuple[int, float]]:
        results = []
        headers = {"Authorization": f"Token {tokens[index]}"}
        with httpx.Client(headers=headers, timeout=30) as client:
            for n in range(COMMENTS_EACH):
                if time.monotonic() > stop_at:
                    break
                body = {
                    "revision": revisions[n % len(revisions)],
                    "kind": "technical",
                    "stance": "support",
                    "text": f"Comment {n} of focal point {index}.",
                    "ratings": {"relevance": 1 + n % 5},
                }
                started = time.perf_counter()
                try:
                    status = client.post(url, json=body).status_code
                except httpx.HTTPError:
                    status = 0
                results.append((status, (time.perf_counter() - started) * 1000))
        return results

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        results = [item for batch in pool.map(focal_point, range(FOCAL_POINTS)) for item in batch]
    elapsed = time.perf_counter() - started

    accepted = sum(1 for status, _ms in results if status == 201)
    errors = len(results) - accepted + (FOCAL_POINTS * COMMENTS_EACH - len(results))
    stored = Comment.objects.filter(submission__round=round_).count()
    latencies = sorted(ms for _status, ms in results)
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0
    print(f"\nBENCH comments_per_s {accepted / elapsed:.1f} comments/s")
    print(f"BENCH comment_p95_ms {p95:.1f} ms")
    print(f"BENCH comments_lost {accepted - stored} comments")
    print(f"BENCH comment_errors {errors} requests")

    assert accepted - stored == 0
    assert errors == 0
