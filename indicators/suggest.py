"""Suggest the smallest set: an exact integer program (SciPy's HiGHS `milp`), with a labelled greedy fallback.

Variables x_i in {0, 1}, one per candidate. Minimise sum_i c_i x_i with c_i = 1 + eps * (3 - q_i) / 3, where q_i
counts the qualities wanted (Tier I, drawn from an SDG indicator, disaggregable by migratory status) and
eps = 1 / (n + 1): the weights break ties between sets of the same size but never trade size for quality.
Each objective j that some candidate covers gets sum_{i covers j} x_i >= min(k, available_j). Pinned-in
candidates have x_i = 1, pinned-out ones x_i = 0. Objectives no allowed candidate covers are reported.
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


def _costs(candidates: Sequence[Candidate]) -> np.ndarray:
    eps = 1.0 / (len(candidates) + 1)
    return np.array([1.0 + eps * (3 - c.quality) / 3 for c in candidates])


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

    chosen_keys = _solve_exact(allowed, rows, demand, pinned_in, time_limit)
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


def _solve_exact(
    allowed: Sequence[Candidate], rows: list[int], demand: dict[int, int], pinned_in: set[int], time_limit: float
) -> set[int] | None:
    """The optimal keys, or None when the solver stops without proving optimality (time limit)."""
    if not allowed:
        return set()
    matrix = lil_matrix((max(len(rows), 1), len(allowed)))
    for i, candidate in enumerate(allowed):
        for r, j in enumerate(rows):
            if j in candidate.objectives:
                matrix[r, i] = 1
    lower = np.array([demand[j] for j in rows] or [0], dtype=float)
    bounds = Bounds(lb=np.array([1.0 if c.key in pinned_in else 0.0 for c in allowed]), ub=np.ones(len(allowed)))
    result = milp(
        c=_costs(allowed),
        constraints=[LinearConstraint(matrix.tocsr(), lb=lower, ub=np.inf)],
        integrality=np.ones(len(allowed)),
        bounds=bounds,
        options={"time_limit": time_limit},
    )
    if result.status != 0 or result.x is None:
        return None
    return {allowed[i].key for i, value in enumerate(result.x) if value > 0.5}


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
