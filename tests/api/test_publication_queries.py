"""The newest publication's indicators: a fixed number of queries whatever the set size, and 304 on repeat."""

import json
from collections.abc import Callable

import pytest
from django.test import Client

from approvals.models import Publication

URL = "/api/v1/publications/latest/indicators/"


@pytest.mark.parametrize("size", [3, 60])
def test_latest_indicators_cost_at_most_3_queries(
    size: int, publish_set: Callable[[int], Publication], django_assert_max_num_queries
) -> None:
    publication = publish_set(size)
    client = Client()
    with django_assert_max_num_queries(3):
        response = client.get(URL, {"page_size": 100})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == size
    published = {item["code"] for item in json.loads(publication.snapshot_bytes)["indicators"]}
    assert {item["code"] for item in body["results"]} == published


def test_repeated_request_with_if_none_match_gets_304(publish_set: Callable[[int], Publication]) -> None:
    publish_set(5)
    client = Client()
    first = client.get(URL)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag
    again = client.get(URL, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_snapshot_304_on_versioned_and_latest(publish_set: Callable[[int], Publication]) -> None:
    publication = publish_set(3)
    client = Client()
    for url, cache_control in [
        (f"/api/v1/publications/{publication.version}/", "public, max-age=31536000, immutable"),
        ("/api/v1/publications/latest/", "public, max-age=60"),
    ]:
        first = client.get(url)
        assert first.status_code == 200
        assert first["ETag"] == f'"{publication.sha256}"'
        assert first["Cache-Control"] == cache_control
        assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
