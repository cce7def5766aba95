"""Suggest the smallest set: an exact integer program (SciPy's HiGHS `milp`), with a labelled greedy fallback.

Variables x_i in {0, 1}, one per candidate. Each objective j that some allowed candidate covers gets
sum_{i covers j} x_i >= min(k, available_j); pinned-in candidates have x_i = 1, pinned-out ones are left out.
Lexicographic objective, solved as two programs: (1) minimise sum_i x_i; (2) with sum_i x_i fixed at that
minimum, minimise sum_i (3 - q_i) x_i, where q_i counts the qualities wanted (Tier I, drawn from an SDG
indicator, disaggregable by migratory status). Size is never traded for quality. Both objectives are
integral, which lets HiGHS prove optimality quickly. Objectives no allowed candidate covers are reported.
"""

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

from indicators.choices import SuggestMethod


@dataclass(frozen=True)
class Candidate:
    """What the program needs to know about one candidate."""

    key: int  # Indicator id
    code: str
    objectives: frozenset[int]  # GCM objective numbers
    tier_1: bool = False
    sdg_based: bool = False
    migratory_status: bool = False

    @property
    def quality(self) -> int:
        return int(self.tier_1) + int(self.sdg_based) + int(self.migratory_status)


@dataclass
class Choice:
    candidate: Candidate
    reasons: list[str]


@dataclass
class Suggestion:
    method: str
    chosen: list[Choice]
    uncoverable: list[int]  # objectives no allowed candidate covers
    short: dict[int, int] = field(default_factory=dict)  # objective -> how many of k are missing
    k: int = 1
    elapsed_ms: float = 0.0

    @property
    def size(self) -> int:
        return len(self.chosen)

    @property
    def keys(self) -> list[int]:
        return [choice.candidate.key for choice in self.chosen]


def suggest(
    candidates: Sequence[Candidate],
    *,
    objectives: Iterable[int] = range(1, 24),
    k: int = 1,
    pinned_in: Iterable[int] = (),
    pinned_out: Iterable[int] = (),
    time_limit: float = 10.0,
) -> Suggestion:
    """The fewest candidates covering every coverable objective at least k times, preferring quality."""
    started = time.perf_counter()
    objectives = sorted(set(objectives))
    pinned_in, pinned_out = set(pinned_in), set(pinned_out) - set(pinned_in)
    allowed = [c for c in candidates if c.key not in pinned_out]
    demand = {j: min(k, sum(1 for c in allowed if j in c.objectives)) for j in objectives}
    uncoverable = [j for j in objectives if demand[j] == 0]
    short = {j: k - demand[j] for j in objectives if demand[j] < k}
    rows = [j for j in objectives if demand[j] > 0]

    chosen_keys = _solve_exact(allowed, rows, demand, pinned_in, time_limit, k)
    method = SuggestMethod.EXACT
    if chosen_keys is None:
        chosen_keys = greedy(allowed, rows, demand, pinned_in)
        method = SuggestMethod.GREEDY
    by_key = {c.key: c for c in allowed}
    chosen = [by_key[key] for key in sorted(chosen_keys, key=lambda key: by_key[key].code)]
    return Suggestion(
        method=method,
        chosen=[Choice(c, _reasons(c, chosen, pinned_in, allowed)) for c in chosen],
        uncoverable=uncoverable,
        short=short,
        k=k,
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )


def _without_duplicates(allowed: Sequence[Candidate], pinned_in: set[int], k: int) -> list[Candidate]:
    """Keep at most k candidates per identical set of objectives (the best ones, pins first).

    An optimal answer never needs more than k candidates with the same objectives, and swapping one for a
    better-quality twin keeps it optimal; dropping the rest removes the symmetry that slows the solver.
    """
    groups: dict[frozenset[int], list[Candidate]] = {}
    for candidate in allowed:
        groups.setdefault(candidate.objectives, []).append(candidate)
    kept = []
    for members in groups.values():
        members.sort(key=lambda c: (c.key not in pinned_in, -c.quality, c.code))
        pins = [c for c in members if c.key in pinned_in]
        kept.extend(members[: max(k, len(pins))])
    return kept


def _milp(
    pool: Sequence[Candidate],
    rows: list[int],
    demand: dict[int, int],
    pinned_in: set[int],
    costs: np.ndarray,
    time_limit: float,
    size: int | None = None,
) -> np.ndarray | None:
    matrix = lil_matrix((len(rows) + (1 if size is not None else 0) or 1, len(pool)))
    for i, candidate in enumerate(pool):
        for r, j in enumerate(rows):
            if j in candidate.objectives:
                matrix[r, i] = 1
    lower = [float(demand[j]) for j in rows]
    upper = [np.inf] * len(rows)
    if size is not None:  # second stage: keep the size found in the first
        matrix[len(rows), :] = 1
        lower.append(size)
        upper.append(size)
    if not lower:
        lower, upper = [0.0], [np.inf]
    result = milp(
        c=costs,
        constraints=[LinearConstraint(matrix.tocsr(), lb=np.array(lower), ub=np.array(upper))],
        integrality=np.ones(len(pool)),
        bounds=Bounds(lb=np.array([1.0 if c.key in pinned_in else 0.0 for c in pool]), ub=np.ones(len(pool))),
        options={"time_limit": time_limit},
    )
    if result.status != 0 or result.x is None:
        return None
    return result.x


def _solve_exact(
    allowed: Sequence[Candidate],
    rows: list[int],
    demand: dict[int, int],
    pinned_in: set[int],
    time_limit: float,
    k: int = 1,
) -> set[int] | None:
    """The optimal keys, or None when the solver stops without proving optimality (time limit).

    Two integer programs with integral objectives, so that HiGHS can round its bounds and prove optimality
    fast: first the fewest candidates, then, at that size, the fewest missing qualities.
    """
    if not allowed:
        return set()
    pool = _without_duplicates(allowed, pinned_in, k)
    deadline = time.perf_counter() + time_limit
    first = _milp(pool, rows, demand, pinned_in, np.ones(len(pool)), time_limit)
    if first is None:
        return None
    size = int(round(first.sum()))
    remaining = deadline - time.perf_counter()
    if remaining <= 0:
        return None
    penalties = np.array([float(3 - c.quality) for c in pool])
    second = _milp(pool, rows, demand, pinned_in, penalties, remaining, size=size)
    if second is None:
        return None
    return {pool[i].key for i, value in enumerate(second) if value > 0.5}


def greedy(allowed: Sequence[Candidate], rows: list[int], demand: dict[int, int], pinned_in: set[int]) -> set[int]:
    """Classic greedy set cover: take the candidate that fills most remaining demand, best quality first."""
    remaining = dict(demand)
    chosen = {c.key for c in allowed if c.key in pinned_in}
    for c in allowed:
        if c.key in chosen:
            for j in c.objectives:
                if j in remaining:
                    remaining[j] = max(0, remaining[j] - 1)
    pool = [c for c in allowed if c.key not in chosen]
    while any(remaining[j] > 0 for j in rows) and pool:
        best = max(pool, key=lambda c: (sum(1 for j in c.objectives if remaining.get(j, 0) > 0), c.quality))
        if not any(remaining.get(j, 0) > 0 for j in best.objectives):
            break
        chosen.add(best.key)
        pool.remove(best)
        for j in best.objectives:
            if j in remaining:
                remaining[j] = max(0, remaining[j] - 1)
    return chosen


def _reasons(
    candidate: Candidate, chosen: Sequence[Candidate], pinned_in: set[int], allowed: Sequence[Candidate]
) -> list[str]:
    reasons = []
    if candidate.key in pinned_in:
        reasons.append(_("pinned in by the co-leads"))
    covered = sorted(candidate.objectives)
    if covered:
        reasons.append(_("covers objectives %(list)s") % {"list": ", ".join(str(n) for n in covered)})
    sole = [j for j in covered if sum(1 for c in allowed if j in c.objectives) == 1]
    if sole:
        reasons.append(_("the only candidate for objective(s) %(list)s") % {"list": ", ".join(map(str, sole))})
    else:
        alone = [j for j in covered if sum(1 for c in chosen if j in c.objectives) == 1]
        if alone:
            reasons.append(_("the chosen one for objective(s) %(list)s") % {"list": ", ".join(map(str, alone))})
    qualities = [
        label
        for wanted, label in (
            (candidate.tier_1, _("Tier I")),
            (candidate.sdg_based, _("drawn from an SDG indicator")),
            (candidate.migratory_status, _("disaggregable by migratory status")),
        )
        if wanted
    ]
    if qualities:
        reasons.append(", ".join(qualities))
    return reasons
