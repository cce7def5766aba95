"""Lists cost a fixed number of queries whatever their length."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from approvals.choices import RequestState
from tests.factories.approvals import frozen_set_version, make_request


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_requests(co_lead, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        make_request(by=co_lead, state=RequestState.SUBMITTED, set_version=frozen_set_version(f"Q{n}", size=1))


def test_request_lists_cost_the_same_for_2_and_10_requests(co_lead, client_for) -> None:
    client = client_for(co_lead)
    urls = [reverse("approvals:list"), reverse("api:approvals:approval-list")]
    add_requests(co_lead, 2)
    few = [queries(client, url) for url in urls]
    add_requests(co_lead, 8, start=2)
    assert [queries(client, url) for url in urls] == few
