"""The same publication JSON served (a) by the API and (b) as a static file, by one gunicorn + whitenoise process.

A 60-indicator set is published in the bench database; gunicorn (sync workers, one per core plus one) serves it
on 127.0.0.1 with settings that add a whitenoise root folder holding the very bytes of
`/api/v1/publications/<version>/`. The same client processes fetch each URL for the same time at the same
concurrency (new connection per request, as a sync worker closes it), in turn over a few rounds so that both
see the same background load. Bounded: `SECONDS` per URL and
`MAX_REQUESTS` per client process. Prints BENCH api_rps, BENCH static_rps, BENCH api_vs_static_ratio,
BENCH latest_indicators_rps and BENCH snapshot_kb. API requests go through the anonymous rate count as in
production (with a rate that never refuses); BENCH api_requests_rate_counted shows they were counted.
"""

import http.client
import multiprocessing
import multiprocessing.pool
import os
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import redis
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app
from tests.servers import database_url, gunicorn

ROOT = Path(__file__).resolve().parent.parent
CONCURRENCY = 8
SECONDS = 6.0
ROUNDS = 3  # API and static file measured in turn, SECONDS / ROUNDS each time, so that both see the same load
WARM_UP_SECONDS = 1.0
MAX_REQUESTS = 100_000
SIZE = 60


def _client(args: tuple[int, str, float]) -> tuple[int, int]:
    """One client process: GET `path` until `seconds` pass; (successful, failed) requests."""
    port, path, seconds = args
    ok = failed = 0
    stop_at = time.monotonic() + seconds
    while time.monotonic() < stop_at and ok + failed < MAX_REQUESTS:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                ok += 1
            else:
                failed += 1
        except OSError:
            failed += 1
        finally:
            conn.close()
    return ok, failed


def _measure(pool: multiprocessing.pool.Pool, port: int, path: str, seconds: float) -> tuple[int, int, float]:
    """Successful and failed requests of CONCURRENCY clients fetching `path` for `seconds`, and the time taken."""
    started = time.perf_counter()
    results = pool.map(_client, [(port, path, seconds)] * CONCURRENCY)
    elapsed = time.perf_counter() - started
    return sum(ok for ok, _failed in results), sum(failed for _ok, failed in results), elapsed


def _rates(pool: multiprocessing.pool.Pool, port: int, paths: list[str]) -> list[tuple[float, int]]:
    """Requests per second and failures for each path, measured in alternation over ROUNDS rounds."""
    for path in paths:
        pool.map(_client, [(port, path, WARM_UP_SECONDS)] * CONCURRENCY)
    totals = {path: [0, 0, 0.0] for path in paths}
    for _round in range(ROUNDS):
        for path in paths:
            ok, failed, elapsed = _measure(pool, port, path, SECONDS / ROUNDS)
            totals[path][0] += ok
            totals[path][1] += failed
            totals[path][2] += elapsed
    return [(ok / elapsed, int(failed)) for ok, failed, elapsed in totals.values()]


@pytest.fixture
def published(transactional_db: None) -> Iterator[tuple[str, bytes]]:
    from tests.api.conftest import publish

    celery_app.conf.task_always_eager = True
    try:
        publication = publish(SIZE, name="Bench set")
    finally:
        celery_app.conf.task_always_eager = False
    yield publication.version, bytes(publication.snapshot_bytes)


@pytest.fixture
def server(published: tuple[str, bytes], tmp_path: Path) -> Iterator[tuple[int, str]]:
    version, body = published
    static_root = tmp_path / "www"
    (static_root / "static-copy").mkdir(parents=True)
    (static_root / "static-copy" / f"publication-{version}.json").write_bytes(body)
    settings_dir = tmp_path / "benchsettings"
    settings_dir.mkdir()
    # The rates come from the environment (bench/conftest.py): high enough never to refuse, and still counted.
    (settings_dir / "bench_api_settings.py").write_text(
        f"from config.settings import *  # noqa: F403\n\nWHITENOISE_ROOT = {str(static_root)!r}\n"
    )
    env = dict(
        os.environ,
        DATABASE_URL=database_url(connection.settings_dict),
        DJANGO_DEBUG="false",
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="bench_api_settings",
        PYTHONPATH=os.pathsep.join([str(settings_dir), str(ROOT)]),
    )
    workers = (os.cpu_count() or 1) + 1
    with gunicorn(env, tmp_path / "gunicorn.log", workers=workers, timeout=60) as base:
        yield urlsplit(base).port, version


def test_api_versus_static_file(server: tuple[int, str], published: tuple[str, bytes]) -> None:
    port, version = server
    _version, body = published
    api_path = f"/api/v1/publications/{version}/"
    static_path = f"/static-copy/publication-{version}.json"
    base = f"http://127.0.0.1:{port}"
    # Both URLs answer with the same bytes.
    assert httpx.get(base + api_path).content == body
    assert httpx.get(base + static_path).content == body

    # The API's anonymous rate counter for these clients: every request of the run must be counted in it.
    counter = redis.Redis.from_url(settings.THROTTLE_REDIS_URL)
    counter_key = f"{settings.CACHES['default'].get('KEY_PREFIX', '')}:throttle:anon:127.0.0.1"
    counter.delete(counter_key)

    with multiprocessing.get_context("fork").Pool(CONCURRENCY) as pool:
        (api_rps, api_failed), (static_rps, static_failed) = _rates(pool, port, [api_path, static_path])
        counted = int(counter.get(counter_key) or 0)
        latest_indicators = "/api/v1/publications/latest/indicators/?page_size=100"
        [(indicators_rps, indicators_failed)] = _rates(pool, port, [latest_indicators])
    print(f"\nBENCH snapshot_kb {len(body) / 1024:.1f} KB")
    print(f"BENCH api_rps {api_rps:.0f} req/s")
    print(f"BENCH static_rps {static_rps:.0f} req/s")
    print(f"BENCH api_vs_static_ratio {api_rps / static_rps:.2f}")
    print(f"BENCH api_requests_rate_counted {counted} requests")
    print(f"BENCH latest_indicators_rps {indicators_rps:.0f} req/s")
    print(f"BENCH failed_requests {api_failed + static_failed + indicators_failed} requests")
    assert counted >= api_rps * SECONDS * 0.9, "the API requests were not counted by the rate limiter"
