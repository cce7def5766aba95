"""Full-text search ranks title over rationale; filters combine; lists cost the same queries at any size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators import selectors
from indicators.filtersets import IndicatorFilterSet
from indicators.services import PlanLine
from tests.factories.indicators import all_objectives, bulk_indicators, make_indicator

pytestmark = pytest.mark.django_db


def test_a_title_match_ranks_above_a_rationale_match(db):
    make_indicator("GCM-A", title="Access to basic services", rationale="Remittances matter for households.")
    make_indicator("GCM-B", title="Remittance costs", rationale="Lower costs help families.")
    make_indicator("GCM-C", title="Definition only", definition="Remittances sent home.", rationale="Nothing.")
    codes = [ind.code for ind in IndicatorFilterSet({"q": "remittances"}, queryset=selectors.catalogue()).qs]
    assert codes == ["GCM-B", "GCM-C", "GCM-A"]


def test_search_follows_the_latest_revision(co_lead):
    from indicators import services

    indicator = make_indicator("GCM-A", title="Old wording")
    data = services.RevisionData.from_revision(indicator.current_revision, title="Fresh wording on detention")
    services.revise_indicator(indicator=indicator, data=data, by=co_lead)
    assert [i.code for i in IndicatorFilterSet({"q": "detention"}, queryset=selectors.catalogue()).qs] == ["GCM-A"]


def test_filters_combine(db):
    all_objectives()
    make_indicator(
        "GCM-1",
        primary_objective=6,
        tier="tier_1",
        sdg_links=[("10.7.1", "identical")],
        custodians="ILO, World Bank",
        plan=[PlanLine("migratory_status")],
    )
    make_indicator(
        "GCM-2", primary_objective=6, tier="tier_2", sdg_links=[("10.7.1", "identical")], custodians="ILO"
    )
    make_indicator(
        "GCM-3", primary_objective=8, tier="tier_1", custodians="IOM", plan=[PlanLine("migratory_status")]
    )

    def codes(params: dict) -> list[str]:
        return sorted(ind.code for ind in IndicatorFilterSet(params, queryset=selectors.catalogue()).qs)

    assert codes({"objective": 6}) == ["GCM-1", "GCM-2"]
    assert codes({"objective": 6, "tier": "tier_1"}) == ["GCM-1"]
    assert codes({"sdg": "10.7.1", "custodian": "world bank"}) == ["GCM-1"]
    assert codes({"dimension": "migratory_status"}) == ["GCM-1", "GCM-3"]
    assert codes({"dimension": "migratory_status", "objective": 8, "state": "candidate"}) == ["GCM-3"]
    assert codes({"q": "recruitment", "tier": "tier_2"}) == ["GCM-2"]
    assert codes({"q": "recruitment", "objective": 7}) == []


def _count(client, url: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries)


LISTS = [
    (reverse("indicators:catalogue"), {}),
    (reverse("indicators:catalogue"), {"q": "filler", "objective": "3"}),
    (reverse("indicators:catalogue"), {"q": "statistics", "tier": "tier_2", "sdg": "10.7.2"}),
    ("/api/v1/indicators/", {}),
    ("/api/v1/indicators/", {"q": "filler statistics", "objective": "5"}),
]


def test_list_search_and_api_cost_the_same_queries_for_10_and_10000(client_for, stakeholder):
    client = client_for(stakeholder)
    bulk_indicators(10, prefix="SMALL")
    small = [_count(client, url, params) for url, params in LISTS]
    bulk_indicators(9990, prefix="LARGE")
    large = [_count(client, url, params) for url, params in LISTS]
    assert small == large


def test_the_search_uses_the_gin_index(db):
    bulk_indicators(2000)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM indicators_indicator "
            "WHERE search_vector @@ websearch_to_tsquery('english', 'filler')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "indicator_search_gin" in plan
