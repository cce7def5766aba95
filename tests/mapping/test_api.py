"""The public reference API: filters, languages, and acceptance 4 (a fixed number of queries per list)."""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mapping.models import (
    Crosswalk,
    Framework,
    FrameworkElement,
    GcmObjective,
    GuidingPrinciple,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)


def _queries(client: Client, url: str) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(captured), response.json()


def _make_indicators(count: int) -> None:
    goal = SdgGoal.objects.create(number=10, title="Reduce inequality")
    targets = [
        SdgTarget(code=f"10.{n}", goal=goal, title=f"Target {n}", sort_key=f"{n:03d}") for n in range(1, 21)
    ]
    SdgTarget.objects.bulk_create(targets)
    indicators = [
        SdgIndicator(
            code=f"10.{1 + n % 20}.{1 + n // 20}",
            target=targets[n % 20],
            title=f"Indicator {n}",
            tier="I",
            custodians=["IOM"],
            series_codes=["X"],
            sort_key=f"{n:05d}",
        )  # fmt: skip
        for n in range(count)
    ]
    SdgIndicator.objects.bulk_create(indicators)
    through = SdgIndicator.targets.through
    through.objects.bulk_create(
        [through(sdgindicator_id=i.pk, sdgtarget_id=t.pk) for i in indicators for t in {i.target, targets[0]}]
    )


def _make_frameworks(count: int) -> None:
    objective = GcmObjective.objects.create(number=1, title="Data", short_title="Data")
    goal = SdgGoal.objects.create(number=10, title="Reduce inequality")
    target = SdgTarget.objects.create(code="10.7", goal=goal, title="Migration")
    indicator = SdgIndicator.objects.create(code="10.7.2", target=target, title="Policies")
    frameworks = Framework.objects.bulk_create(
        [Framework(slug=f"f-{n}", name=f"Framework {n}", short_name=f"F{n}") for n in range(count)]
    )
    parents = FrameworkElement.objects.bulk_create(
        [FrameworkElement(framework=f, code="D1", name="Domain") for f in frameworks]
    )
    children = FrameworkElement.objects.bulk_create(
        [FrameworkElement(framework=p.framework, parent=p, code="D1.1", name="Measure") for p in parents]
    )
    Crosswalk.objects.bulk_create(
        [Crosswalk(element=c, objective=objective, sdg_indicator=indicator, relation="proxy") for c in children]
        + [Crosswalk(element=p, objective=objective, relation="partial") for p in parents]
    )


LISTS: dict[str, Callable[[int], None]] = {
    "sdg-indicator-list": _make_indicators,
    "framework-list": _make_frameworks,
}


@pytest.mark.parametrize("name", LISTS)
def test_list_costs_the_same_for_10_and_1000_rows(name: str, db: None, client: Client) -> None:
    LISTS[name](10)
    small, body = _queries(client, reverse(f"api:mapping:{name}"))
    assert body["count"] == 10
    Crosswalk.objects.all().delete()
    FrameworkElement.objects.all().delete()
    Framework.objects.all().delete()
    SdgIndicator.objects.all().delete()
    SdgTarget.objects.all().delete()
    SdgGoal.objects.all().delete()
    GcmObjective.objects.all().delete()
    LISTS[name](1000)
    large, body = _queries(client, reverse(f"api:mapping:{name}"))
    assert body["count"] == 1000
    assert small == large


def test_targets_and_crosswalks_cost_the_same_for_10_and_1000_rows(db: None, client: Client) -> None:
    _make_frameworks(10)
    small_links, _ = _queries(client, reverse("api:mapping:crosswalk-list"))
    small_targets, _ = _queries(client, reverse("api:mapping:sdg-target-list"))
    Crosswalk.objects.all().delete()
    FrameworkElement.objects.all().delete()
    Framework.objects.all().delete()
    SdgIndicator.objects.all().delete()
    SdgTarget.objects.all().delete()
    SdgGoal.objects.all().delete()
    GcmObjective.objects.all().delete()
    _make_frameworks(500)  # 1,000 crosswalk rows
    goal = SdgGoal.objects.get(number=10)
    SdgTarget.objects.bulk_create(
        [
            SdgTarget(code=f"{n // 26 + 1}.{chr(97 + n % 26)}", goal=goal, title="T", sort_key=str(n))
            for n in range(999)
        ]
    )
    large_links, links = _queries(client, reverse("api:mapping:crosswalk-list"))
    large_targets, targets = _queries(client, reverse("api:mapping:sdg-target-list"))
    assert links["count"] == 1000 and targets["count"] == 1000
    assert (small_links, small_targets) == (large_links, large_targets)


def test_fixed_size_lists_cost_the_same_for_one_row_and_all(db: None, client: Client) -> None:
    GcmObjective.objects.create(number=1, title="Data")
    GuidingPrinciple.objects.create(number=1, title="People-centred")
    SdgGoal.objects.create(number=1, title="No poverty")
    counts = [
        _queries(client, reverse(f"api:mapping:{n}-list"))[0]
        for n in ("gcm-objective", "guiding-principle", "sdg-goal")
    ]
    GcmObjective.objects.bulk_create([GcmObjective(number=n, title=f"O{n}") for n in range(2, 24)])
    GuidingPrinciple.objects.bulk_create([GuidingPrinciple(number=n, title=f"P{n}") for n in range(2, 11)])
    SdgGoal.objects.bulk_create([SdgGoal(number=n, title=f"G{n}") for n in range(2, 18)])
    again = [
        _queries(client, reverse(f"api:mapping:{n}-list"))[0]
        for n in ("gcm-objective", "guiding-principle", "sdg-goal")
    ]
    assert counts == again


def test_reference_api_is_public_and_filters(builtin_reference: None, client: Client) -> None:
    url = reverse("api:mapping:sdg-indicator-list")
    assert {row["code"] for row in client.get(url, {"target": "10.7"}).json()["results"]} == {
        "10.7.1", "10.7.2", "10.7.3", "10.7.4"
    }  # fmt: skip
    assert {row["code"] for row in client.get(url, {"target": "11.5"}).json()["results"]} == {
        "1.5.1",
        "11.5.1",
        "13.1.1",
    }
    assert {row["code"] for row in client.get(url, {"goal": 17}).json()["results"]} >= {"17.18.1", "17.3.2"}
    custodian = client.get(url, {"custodian": "IOM"}).json()["results"]
    assert {row["code"] for row in custodian} >= {"10.7.2", "10.7.3"}
    assert all(row["tier"] == "II" for row in client.get(url, {"tier": "II"}).json()["results"])
    assert client.get(url, {"is_active": "false"}).json()["count"] == 0
    found = client.get(url, {"q": "remittance"}).json()["results"]
    assert "10.c.1" in {row["code"] for row in found}
    died = client.get(url, {"q": "died disappeared"}).json()["results"]
    assert [row["code"] for row in died] == ["10.7.3"]


def test_lang_gives_titles_in_that_language_with_english_fallback(builtin_reference: None, client: Client) -> None:
    detail = reverse("api:mapping:sdg-indicator-detail", kwargs={"code": "10.7.2"})
    english = client.get(detail).json()
    french = client.get(detail, {"lang": "fr"}).json()
    assert french["title"] == english["translations"]["fr"] != english["title"]
    assert client.get(detail, {"lang": "xx"}).json()["title"] == english["title"]
    goal = client.get(reverse("api:mapping:sdg-goal-detail", kwargs={"number": 10}), {"lang": "zh-hans"}).json()
    assert goal["title"] == goal["translations"]["zh"]


def test_frameworks_endpoint_has_elements_and_crosswalks(builtin_reference: None, client: Client) -> None:
    body = client.get(reverse("api:mapping:framework-detail", kwargs={"slug": "sdg-10-7-2"})).json()
    assert body["endorsed_by_intergovernmental"] is True
    codes = [element["code"] for element in body["elements"]]
    assert codes == [f"PD_{n}" for n in range(1, 7)]
    assert any(link["objective"] == 23 for element in body["elements"] for link in element["crosswalks"])
    listing = client.get(reverse("api:mapping:framework-list")).json()["results"]
    assert listing[0]["slug"] == "sdg-global-indicator-framework"
    assert [f["endorsed_by_intergovernmental"] for f in listing] == [True, True, False, False]


def test_schema_documents_the_reference_endpoints(db: None, client: Client) -> None:
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    for path in [
        "gcm-objectives",
        "guiding-principles",
        "sdg-goals",
        "sdg-targets",
        "sdg-indicators",
        "frameworks",
    ]:
        assert f"/api/v1/reference/{path}/" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/reference/sdg-indicators/"]["get"]["parameters"]}
    assert {"goal", "target", "tier", "custodian", "is_active", "q", "lang", "page"} <= parameters
