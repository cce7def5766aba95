"""Factories for candidate indicators and the limited set, with the reference rows they link to."""

from collections.abc import Sequence

import factory

from indicators import services
from indicators.choices import Requirement, SdgRelation, Tier
from indicators.models import DisaggregationDimension, Indicator, LimitedSet, SetVersion
from mapping.models import GcmObjective, GuidingPrinciple, SdgGoal, SdgIndicator, SdgTarget


def objective(number: int) -> GcmObjective:
    obj, _created = GcmObjective.objects.get_or_create(
        number=number, defaults={"title": f"Objective {number}", "short_title": f"Objective {number}"}
    )
    return obj


def all_objectives() -> list[GcmObjective]:
    return [objective(n) for n in range(1, 24)]


def principle(number: int) -> GuidingPrinciple:
    obj, _created = GuidingPrinciple.objects.get_or_create(
        number=number, defaults={"title": f"Principle {number}", "letter": "abcdefghij"[number - 1]}
    )
    return obj


def sdg_indicator(code: str, title: str = "", tier: str = "I") -> SdgIndicator:
    goal_number, target_part, _n = code.split(".")
    goal, _created = SdgGoal.objects.get_or_create(
        number=int(goal_number), defaults={"title": f"Goal {goal_number}"}
    )
    target, _created = SdgTarget.objects.get_or_create(
        code=f"{goal_number}.{target_part}",
        defaults={"goal": goal, "title": f"Target {goal_number}.{target_part}"},
    )
    indicator, _created = SdgIndicator.objects.get_or_create(
        code=code, defaults={"target": target, "title": title or f"SDG indicator {code}", "tier": tier}
    )
    return indicator


def dimension(code: str, name: str = "", order: int = 100) -> DisaggregationDimension:
    dim, _created = DisaggregationDimension.objects.get_or_create(
        code=code, defaults={"name": name or code.replace("_", " ").capitalize(), "order": order}
    )
    return dim


def revision_data(**overrides: object) -> services.RevisionData:
    values: dict[str, object] = {
        "title": "Recruitment costs borne by migrant workers",
        "definition": "Recruitment cost borne by employee as a proportion of monthly income.",
        "rationale": "Fair recruitment lowers the cost of labour migration.",
        "primary_objective": 6,
        "tier": Tier.TIER_2,
    }
    values.update(overrides)
    for number in [values["primary_objective"], *values.get("other_objectives", ())]:  # type: ignore[misc]
        objective(int(number))  # type: ignore[arg-type]
    for code, _relation in values.get("sdg_links", ()):  # type: ignore[attr-defined]
        sdg_indicator(code)
    for number in values.get("principles", ()):  # type: ignore[attr-defined]
        principle(int(number))
    for line in values.get("plan", ()):  # type: ignore[attr-defined]
        dimension(line.dimension)
    return services.RevisionData(**values)  # type: ignore[arg-type]


_sequence = iter(range(1, 10**9))


def make_indicator(code: str | None = None, **overrides: object) -> Indicator:
    """A candidate indicator with revision 1 (created as the system, without a user)."""
    code = code or f"GCM-T-{next(_sequence)}"
    indicator = services.create_indicator(code=code, data=revision_data(**overrides), by=None)
    Indicator.objects.filter(pk=indicator.pk).update(state="candidate")
    return Indicator.objects.select_related("current_revision").get(pk=indicator.pk)


def make_set(name: str = "Limited set", indicators: Sequence[Indicator] = ()) -> tuple[LimitedSet, SetVersion]:
    limited_set = services.create_limited_set(name=name, by=None)
    version = limited_set.versions.get()
    for indicator in indicators:
        services.add_to_set_version(version=version, indicator=indicator, by=None)
    return limited_set, version


class LimitedSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LimitedSet

    name = factory.Sequence(lambda n: f"Set {n}")


__all__ = ["Requirement", "SdgRelation", "Tier"]


def bulk_indicators(count: int, *, prefix: str = "BULK", title: str = "Filler indicator on {n}") -> None:
    """Many candidates at once (for query-count tests and benchmarks), each with revision 1 and two links."""
    from django.db import connection

    from indicators.models import IndicatorRevision, RevisionObjectiveLink, RevisionSdgLink

    objectives = all_objectives()
    sdg = sdg_indicator("10.7.2")
    indicators = Indicator.objects.bulk_create(
        Indicator(code=f"{prefix}-{n:05d}", state="candidate") for n in range(count)
    )
    revisions = IndicatorRevision.objects.bulk_create(
        IndicatorRevision(
            indicator=indicator,
            number=1,
            title=title.format(n=n),
            definition=f"Generic definition number {n} about statistics.",
            rationale="Generic rationale about governance.",
            tier=Tier.TIER_2,
        )
        for n, indicator in enumerate(indicators)
    )
    RevisionObjectiveLink.objects.bulk_create(
        RevisionObjectiveLink(revision=rev, objective=objectives[n % 23], is_primary=True)
        for n, rev in enumerate(revisions)
    )
    RevisionSdgLink.objects.bulk_create(
        RevisionSdgLink(revision=rev, sdg_indicator=sdg, relation=SdgRelation.ADAPTED) for rev in revisions
    )
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE indicators_indicator i SET current_revision_id = r.id,
                search_vector = setweight(to_tsvector('english', r.title), 'A')
                    || setweight(to_tsvector('simple', i.code), 'A')
                    || setweight(to_tsvector('english', r.definition), 'B')
                    || setweight(to_tsvector('english', r.rationale), 'C')
            FROM indicators_indicatorrevision r
            WHERE r.indicator_id = i.id AND i.code LIKE %s
            """,
            [f"{prefix}-%"],
        )
        # Fresh statistics, as autovacuum would give a real database; the planner needs them at 10,000 rows.
        for table in ("indicator", "indicatorrevision", "revisionobjectivelink", "revisionsdglink"):
            cursor.execute(f"ANALYZE indicators_{table}")
