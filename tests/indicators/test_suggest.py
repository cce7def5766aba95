"""The smallest set: exact on small cases (checked by brute force), reasons, pins, k, greedy fallback."""

import itertools
import random
from io import StringIO

import pytest

from indicators import selectors
from indicators import suggest as suggest_module
from indicators.suggest import Candidate, suggest


def brute_force_minimum(candidates: list[Candidate], objectives: list[int], k: int = 1) -> int:
    demand = {j: min(k, sum(j in c.objectives for c in candidates)) for j in objectives}
    for size in range(len(candidates) + 1):
        for combo in itertools.combinations(candidates, size):
            if all(sum(j in c.objectives for c in combo) >= demand[j] for j in objectives):
                return size
    raise AssertionError("unreachable")


def covers(chosen: list[Candidate], objectives: list[int], k: int, pool: list[Candidate]) -> bool:
    return all(
        sum(j in c.objectives for c in chosen) >= min(k, sum(j in c.objectives for c in pool)) for j in objectives
    )


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("k", [1, 2])
def test_the_suggestion_is_minimal_against_brute_force(seed, k):
    rng = random.Random(seed)
    objectives = list(range(1, 9))
    candidates = [
        Candidate(
            key=i,
            code=f"C{i:02d}",
            objectives=frozenset(rng.sample(objectives[:-1], rng.randint(1, 3))),  # objective 8: nobody
            tier_1=rng.random() < 0.5,
            sdg_based=rng.random() < 0.5,
            migratory_status=rng.random() < 0.5,
        )
        for i in range(11)
    ]
    result = suggest(candidates, objectives=objectives, k=k)
    chosen = [choice.candidate for choice in result.chosen]
    assert result.method == "exact"
    assert result.size == brute_force_minimum(candidates, objectives, k)
    assert covers(chosen, objectives, k, candidates)
    assert result.uncoverable == [8]


def test_quality_breaks_ties_but_never_adds_indicators():
    plain = Candidate(1, "PLAIN", frozenset({1, 2}))
    good_a = Candidate(2, "GOOD-A", frozenset({1}), tier_1=True, sdg_based=True, migratory_status=True)
    good_b = Candidate(3, "GOOD-B", frozenset({2}), tier_1=True, sdg_based=True, migratory_status=True)
    assert [c.candidate.code for c in suggest([plain, good_a, good_b], objectives=[1, 2]).chosen] == ["PLAIN"]
    twin = Candidate(4, "TWIN", frozenset({1, 2}), tier_1=True)
    assert [c.candidate.code for c in suggest([plain, twin], objectives=[1, 2]).chosen] == ["TWIN"]


def test_pins_and_reasons():
    a = Candidate(1, "A", frozenset({1, 2}))
    b = Candidate(2, "B", frozenset({1}), tier_1=True)
    c = Candidate(3, "C", frozenset({3}))
    result = suggest([a, b, c], objectives=[1, 2, 3], pinned_in=[2], pinned_out=[3])
    assert sorted(result.keys) == [1, 2]
    assert result.uncoverable == [3]
    reasons = {choice.candidate.code: choice.reasons for choice in result.chosen}
    assert "pinned in by the co-leads" in reasons["B"] and "Tier I" in reasons["B"]
    assert any("only candidate for objective(s) 2" in reason for reason in reasons["A"])


def test_greedy_fallback_is_labelled(monkeypatch):
    monkeypatch.setattr(suggest_module, "_solve_exact", lambda *args, **kwargs: None)
    candidates = [Candidate(i, f"C{i}", frozenset({i, i + 1})) for i in range(1, 6)]
    result = suggest(candidates, objectives=range(1, 7))
    assert result.method == "greedy"
    assert covers([c.candidate for c in result.chosen], list(range(1, 7)), 1, candidates)


def test_a_time_limit_without_proof_falls_back_to_greedy():
    rng = random.Random(1)
    candidates = [Candidate(i, f"C{i}", frozenset(rng.sample(range(1, 24), 3))) for i in range(2000)]
    result = suggest(candidates, k=3, time_limit=1e-6)
    assert result.method in ("exact", "greedy")  # HiGHS may finish in presolve; either way it is labelled
    assert covers([c.candidate for c in result.chosen], list(range(1, 24)), 3, candidates)


@pytest.mark.django_db
def test_on_the_demo_data_every_coverable_objective_is_covered_by_the_minimum():
    from indicators import demo
    from mapping import services as mapping_services

    mapping_services.load_builtin_reference()
    demo.load(StringIO())
    candidates = selectors.suggestion_candidates()
    assert len(candidates) >= 35
    result = suggest(candidates, objectives=range(1, 24))
    assert result.method == "exact"
    covered = set().union(*(c.candidate.objectives for c in result.chosen))
    coverable = set().union(*(c.objectives for c in candidates))
    assert covered == coverable
    assert result.uncoverable == sorted(set(range(1, 24)) - coverable) == [11]  # GCM-11-1 is withdrawn
    assert result.size == branch_and_bound_minimum(candidates)


def branch_and_bound_minimum(candidates: list[Candidate]) -> int:
    """An independent exact minimum cover: branch on the uncovered objective with the fewest candidates."""
    objectives = frozenset().union(*(c.objectives for c in candidates))
    best = [len(candidates)]

    def search(uncovered: frozenset[int], size: int) -> None:
        if not uncovered:
            best[0] = min(best[0], size)
            return
        widest = max(len(c.objectives & uncovered) for c in candidates)
        if size + -(-len(uncovered) // widest) >= best[0]:
            return
        target = min(uncovered, key=lambda j: sum(j in c.objectives for c in candidates))
        for candidate in candidates:
            if target in candidate.objectives:
                search(uncovered - candidate.objectives, size + 1)

    search(objectives, 0)
    return best[0]
