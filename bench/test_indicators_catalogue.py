"""Catalogue search at 1,000 and 10,000 candidates, and the smallest-set suggestion for 1,000 (printed only)."""

import random
import statistics
import time

import pytest
from django.test import Client
from django.urls import reverse

from accounts.choices import Role
from indicators.suggest import Candidate, suggest
from tests.factories.accounts import UserFactory
from tests.factories.indicators import bulk_indicators

ROUNDS = 40


def _p50_ms(client: Client, url: str, params: dict[str, str]) -> float:
    client.get(url, params)  # warm the connection and the caches
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(timings)


@pytest.mark.django_db
def test_catalogue_search_at_1k_and_10k() -> None:
    client = Client()
    client.force_login(UserFactory(roles=[Role.STAKEHOLDER]))
    url = reverse("indicators:catalogue")
    params = {"q": "remittance corridors"}
    # Twenty candidates match the query at both sizes; the rest is filler that the GIN index skips.
    bulk_indicators(20, prefix="MATCH", title="Remittance costs in corridors {n}")
    bulk_indicators(980, prefix="FILL1")
    small = _p50_ms(client, url, params)
    bulk_indicators(9000, prefix="FILL2")
    large = _p50_ms(client, url, params)
    print(f"BENCH catalogue_search_ms_p50_1k {small:.1f} ms")
    print(f"BENCH catalogue_search_ms_p50_10k {large:.1f} ms")
    print(f"BENCH catalogue_search_ratio_10k_1k {large / small:.2f} x")


def test_suggest_for_1000_candidates() -> None:
    rng = random.Random(2026)
    candidates = [
        Candidate(
            key=i,
            code=f"C{i:04d}",
            objectives=frozenset(rng.sample(range(1, 24), rng.randint(1, 3))),
            tier_1=rng.random() < 0.4,
            sdg_based=rng.random() < 0.5,
            migratory_status=rng.random() < 0.3,
        )
        for i in range(1000)
    ]
    timings = []
    for _ in range(5):
        result = suggest(candidates, k=1)
        timings.append(result.elapsed_ms)
    print(f"BENCH suggest_ms_1000 {statistics.median(timings):.1f} ms")
    print(f"# suggest for 1000 candidates: {result.method}, {result.size} chosen")
