"""Publications: numbered YYYY.N, canonical snapshot with a stable SHA-256, files built once, change log."""

import csv
import io
import json

import pytest
from django.db import DatabaseError, transaction
from django.utils import timezone

from approvals import services
from approvals.choices import FileFormat, ReviewMode, VoteChoice
from approvals.models import Publication
from approvals.snapshot import canonical_bytes, sha256_hex
from config.errors import Immutable
from indicators import services as indicator_services
from tests.factories.approvals import frozen_set_version
from tests.factories.indicators import make_indicator


def approve_by_vote(version, co_lead, secretariat, members, capture) -> Publication:
    approval = services.create_request(set_version=version, by=co_lead, review_mode=ReviewMode.VOTE, quorum=2)
    services.submit_request(request=approval, by=co_lead)
    services.open_review(request=approval, by=secretariat)
    with capture(execute=True):
        services.cast_vote(request=approval, by=members[0], choice=VoteChoice.APPROVE)
        services.cast_vote(request=approval, by=members[1], choice=VoteChoice.APPROVE, reason="Good set.")
    return Publication.objects.get(request=approval)


@pytest.fixture
def publish(co_lead, secretariat, members, django_capture_on_commit_callbacks):
    return lambda version: approve_by_vote(
        version, co_lead, secretariat, members, django_capture_on_commit_callbacks
    )


def test_approval_publishes_version_year_dot_n(publish, ready_version) -> None:
    first = publish(ready_version)
    second = publish(frozen_set_version(name="Second set"))
    year = timezone.now().year
    assert (first.version, second.version) == (f"{year}.1", f"{year}.2")
    assert second.previous == first


def test_the_snapshot_is_canonical_and_its_hash_stable(publish, ready_version) -> None:
    publication = publish(ready_version)
    assert sha256_hex(publication.snapshot_bytes) == publication.sha256
    assert services.recompute_snapshot_hash(publication) == publication.sha256
    data = json.loads(publication.snapshot)
    assert canonical_bytes(data) == publication.snapshot_bytes  # re-serialising gives the same bytes
    assert publication.snapshot_bytes == canonical_bytes(json.loads(canonical_bytes(data)))
    stored = Publication.objects.get(pk=publication.pk)
    assert sha256_hex(stored.snapshot_bytes) == publication.sha256


def test_the_snapshot_holds_metadata_links_and_disaggregation(publish, ready_version) -> None:
    data = json.loads(publish(ready_version).snapshot)
    assert data["set"]["version"] == ready_version.number
    first = data["indicators"][0]
    assert first["title"].startswith("Indicator 0")
    assert first["primary_objective"] == 1
    assert {o["number"] for o in first["gcm_objectives"]} == {1, 6}
    assert first["sdg_indicators"][0]["code"] == "10.7.1"
    assert [d["dimension"] for d in first["disaggregation"]] == ["migratory_status", "sex"] or [
        d["dimension"] for d in first["disaggregation"]
    ] == ["sex", "migratory_status"]
    assert first["custodians"] == ["IOM", "UN DESA"]


def test_a_publication_can_never_be_changed(publish, ready_version) -> None:
    publication = publish(ready_version)
    publication.snapshot = "{}"
    with pytest.raises(Immutable):
        publication.save()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Publication.objects.filter(pk=publication.pk).update(snapshot="{}")
    with pytest.raises(DatabaseError), transaction.atomic():
        Publication.objects.filter(pk=publication.pk).delete()
    assert Publication.objects.get(pk=publication.pk).sha256 == sha256_hex(
        Publication.objects.get(pk=publication.pk).snapshot_bytes
    )


def test_files_are_built_once_from_the_snapshot(publish, ready_version) -> None:
    publication = publish(ready_version)
    files = {f.format: f for f in publication.files.all()}
    assert set(files) == set(FileFormat.values)
    assert bytes(files["json"].content) == publication.snapshot_bytes
    assert files["json"].sha256 == publication.sha256
    rows = list(csv.reader(io.StringIO(bytes(files["csv"].content).decode("utf-8-sig"))))
    assert rows[0][0] == "code" and len(rows) == 1 + publication.indicator_count
    assert bytes(files["xlsx"].content)[:2] == b"PK"
    assert services.build_publication_files(publication=publication) == []  # idempotent


def test_the_change_log_compares_with_the_previous_publication(publish, ready_version, co_lead) -> None:
    publish(ready_version)
    limited_set = ready_version.limited_set
    new_version = indicator_services.start_new_version(limited_set=limited_set, by=None)
    items = list(new_version.items.select_related("indicator"))
    indicator_services.remove_from_set_version(version=new_version, indicator=items[0].indicator, by=None)
    indicator_services.add_to_set_version(
        version=new_version, indicator=make_indicator(code="GCM-NEW-1", title="New one"), by=None
    )
    indicator_services.freeze_set_version(version=new_version, by=None)
    second = publish(new_version)
    assert [item["code"] for item in second.change_log["added"]] == ["GCM-NEW-1"]
    assert [item["code"] for item in second.change_log["removed"]] == [items[0].indicator.code]
    assert second.change_log["changed"] == []


@pytest.mark.worker
def test_a_worker_builds_the_files(celery_worker, co_lead, secretariat, members) -> None:
    from tests.helpers import wait_for

    version = frozen_set_version(name="Worker set")
    approval = services.create_request(set_version=version, by=co_lead, review_mode=ReviewMode.VOTE, quorum=1)
    services.submit_request(request=approval, by=co_lead)
    services.open_review(request=approval, by=secretariat)
    services.cast_vote(request=approval, by=members[0], choice=VoteChoice.APPROVE)
    publication = Publication.objects.get(request=approval)
    assert wait_for(lambda: publication.files.count() == len(FileFormat.values))
