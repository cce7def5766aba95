"""The round synthesis: per candidate, stance counts by constituency, criteria scores and a classification.

Pure computation over the official submissions of a round; `services.synthesise_round` stores the result.
An organisation's stance on a candidate is that of its latest comment on it that takes a position; an
organisation whose comments on a candidate all say "no opinion" does not count as responding on it.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from statistics import fmean, pstdev
from typing import Any

from django.utils import timezone

from accounts.choices import OrganisationKind
from consultations.choices import Classification, Constituency, Stance
from consultations.models import Comment, Round

CONSTITUENCY_OF_KIND = {
    OrganisationKind.MEMBER_STATE: Constituency.MEMBER_STATES,
    OrganisationKind.UN_ENTITY: Constituency.UN_ENTITIES,
    OrganisationKind.CIVIL_SOCIETY: Constituency.CIVIL_SOCIETY,
    OrganisationKind.MIGRANT_OR_DIASPORA_ORGANISATION: Constituency.CIVIL_SOCIETY,
    OrganisationKind.TRADE_UNION: Constituency.CIVIL_SOCIETY,
}

Progress = Callable[[int, int], None]


def constituency_of(kind: str) -> str:
    return str(CONSTITUENCY_OF_KIND.get(kind, Constituency.OTHERS))  # type: ignore[call-overload]


def classify(*, opposing: int, responding: int, green_max: Decimal | float, grey_min: Decimal | float) -> str:
    """Green when at most `green_max` of responding organisations oppose, grey from `grey_min`, else yellow.

    A candidate on which no organisation took a position is grey: there is no evidence of support.
    """
    if responding == 0:
        return Classification.GREY
    share = Decimal(opposing) / Decimal(responding)
    if share >= Decimal(str(grey_min)):
        return Classification.GREY
    if share <= Decimal(str(green_max)):
        return Classification.GREEN
    return Classification.YELLOW


def _empty_counts() -> dict[str, dict[str, int]]:
    return {str(c): {str(s): 0 for s in Stance} for c in Constituency}


def _candidate(key: int | None, label: str, title: str, comments: list[Comment], round_: Round) -> dict[str, Any]:
    stance_of: dict[int, tuple[str, str]] = {}
    scores: dict[str, list[int]] = defaultdict(list)
    for comment in sorted(comments, key=lambda c: c.pk):
        organisation = comment.submission.organisation
        if comment.stance != Stance.NO_OPINION or organisation.pk not in stance_of:
            stance_of[organisation.pk] = (constituency_of(organisation.kind), comment.stance)
        for criterion, value in (comment.ratings or {}).items():
            if isinstance(value, int) and 1 <= value <= 5:
                scores[criterion].append(value)
    counts = _empty_counts()
    for constituency, stance in stance_of.values():
        counts[constituency][stance] += 1
    totals = {str(s): sum(counts[c][str(s)] for c in counts) for s in Stance}
    responding = sum(n for stance, n in totals.items() if stance != Stance.NO_OPINION)
    opposing = totals[Stance.OPPOSE]
    criteria = {
        criterion: {
            "mean": round(fmean(scores[criterion]), 2) if scores[criterion] else None,
            "spread": round(pstdev(scores[criterion]), 2) if len(scores[criterion]) > 1 else 0.0,
            "n": len(scores[criterion]),
        }
        for criterion in round_.criteria or []
    }
    return {
        "revision_id": key,
        "code": label,
        "title": title,
        "counts": counts,
        "totals": totals,
        "responding": responding,
        "opposing": opposing,
        "oppose_share": round(opposing / responding, 4) if responding else None,
        "classification": classify(
            opposing=opposing,
            responding=responding,
            green_max=round_.green_max_oppose,
            grey_min=round_.grey_min_oppose,
        ),
        "criteria": criteria,
        "comments": len(comments),
    }


def compute_synthesis(
    *,
    round_: Round,
    candidates: Iterable[tuple[int | None, str, str]],
    comments: Iterable[Comment],
    progress: Progress | None = None,
) -> dict[str, Any]:
    """The synthesis as a JSON-ready dict. `candidates` are (revision id or None for the set, code, title)."""
    by_revision: dict[int | None, list[Comment]] = defaultdict(list)
    organisations: set[int] = set()
    for comment in comments:
        by_revision[comment.revision_id].append(comment)
        organisations.add(comment.submission.organisation_id)
    candidate_list = list(candidates)
    results = []
    for index, (key, label, title) in enumerate(candidate_list, start=1):
        results.append(_candidate(key, label, title, by_revision.get(key, []), round_))
        if progress:
            progress(index, len(candidate_list))
    return {
        "computed_at": timezone.now().isoformat(),
        "organisations": len(organisations),
        "thresholds": {"green_max": float(round_.green_max_oppose), "grey_min": float(round_.grey_min_oppose)},
        "criteria": [{"key": key, "label": label} for key, label in round_.criteria_with_labels()],
        "candidates": results,
    }
