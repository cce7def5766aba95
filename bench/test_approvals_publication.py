"""Publishing a 60-indicator set and reading it back in process. Prints:
BENCH publish_ms_60 (approval by the deciding vote: snapshot, hash, change log, events), BENCH files_ms_60
(CSV + XLSX + JSON built from the snapshot), BENCH snapshot_kb_60, BENCH snapshot_get_per_s and
BENCH indicators_filtered_get_per_s (Django test client, one thread, no network).
"""

import time

import pytest
from django.test import Client

from accounts.choices import Role
from approvals import services
from approvals.choices import ReviewMode, VoteChoice
from approvals.models import Publication
from tests.factories.accounts import UserFactory
from tests.factories.approvals import excom_member, frozen_set_version


def rate(client: Client, url: str, seconds: float = 2.0) -> float:
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        assert client.get(url).status_code == 200
        count += 1
    return count / (time.perf_counter() - start)


@pytest.mark.django_db
def test_publish_and_serve_60_indicators() -> None:
    co_lead = UserFactory(roles=[Role.CO_LEAD])
    version = frozen_set_version(name="Bench set", size=60)
    approval = services.create_request(set_version=version, by=co_lead, review_mode=ReviewMode.VOTE, quorum=1)
    services.submit_request(request=approval, by=co_lead)
    services.open_review(request=approval, by=co_lead)

    start = time.perf_counter()
    services.cast_vote(request=approval, by=excom_member("ILO"), choice=VoteChoice.APPROVE)
    publish_ms = (time.perf_counter() - start) * 1000
    publication = Publication.objects.get(request=approval)
    start = time.perf_counter()
    services.build_publication_files(publication=publication)
    files_ms = (time.perf_counter() - start) * 1000

    client = Client()
    snapshot_url = f"/api/v1/publications/{publication.version}/"
    filtered_url = f"/api/v1/publications/{publication.version}/indicators/?objective=7&tier=tier_2"
    print(f"BENCH publish_ms_60 {publish_ms:.0f} ms")
    print(f"BENCH files_ms_60 {files_ms:.0f} ms")
    print(f"BENCH snapshot_kb_60 {len(publication.snapshot_bytes) / 1024:.1f} KB")
    print(f"BENCH snapshot_get_per_s {rate(client, snapshot_url):.0f} req/s")
    print(f"BENCH indicators_filtered_get_per_s {rate(client, filtered_url):.0f} req/s")
