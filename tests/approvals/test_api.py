"""The approvals API: requests for signed-in roles; publications public and read-only."""

import json

import pytest
from django.urls import reverse

from approvals import services
from approvals.choices import ReviewMode, VoteChoice
from approvals.models import Publication
from tests.factories.approvals import frozen_set_version


@pytest.fixture
def publication(co_lead, secretariat, members, ready_version, django_capture_on_commit_callbacks) -> Publication:
    approval = services.create_request(
        set_version=ready_version, by=co_lead, review_mode=ReviewMode.VOTE, quorum=1
    )
    services.submit_request(request=approval, by=co_lead)
    services.open_review(request=approval, by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.cast_vote(request=approval, by=members[0], choice=VoteChoice.APPROVE)
    return Publication.objects.get(request=approval)


def test_a_co_lead_prepares_submits_and_a_member_votes_through_the_api(
    co_lead, secretariat, members, ready_version, client_for
) -> None:
    lead = client_for(co_lead)
    created = lead.post(
        reverse("api:approvals:approval-list"),
        {"set_version": ready_version.pk, "review_mode": "vote", "quorum": 1},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert lead.post(reverse("api:approvals:approval-submit", args=[pk])).json()["state"] == "submitted"
    opened = client_for(secretariat).post(reverse("api:approvals:approval-open-review", args=[pk]))
    assert opened.json()["state"] == "in_review"
    voted = client_for(members[0]).post(
        reverse("api:approvals:approval-vote", args=[pk]), {"choice": "approve", "reason": "Fine."}
    )
    assert voted.status_code == 200
    body = voted.json()
    assert body["state"] == "published" and body["publication"].endswith(".1")
    assert [event["action"] for event in body["events"]] == [
        "create", "submit", "open_review", "vote", "approve", "publish"
    ]  # fmt: skip


def test_a_second_vote_by_the_same_member_is_refused(co_lead, secretariat, members, ready_version, client_for):
    approval = services.create_request(set_version=ready_version, by=co_lead, review_mode=ReviewMode.VOTE)
    services.submit_request(request=approval, by=co_lead)
    services.open_review(request=approval, by=secretariat)
    member = client_for(members[0])
    url = reverse("api:approvals:approval-vote", args=[approval.pk])
    assert member.post(url, {"choice": "abstain"}).status_code == 200
    second = member.post(url, {"choice": "approve"})
    assert second.status_code == 409 and "already voted" in second.json()["detail"]


def test_an_objecting_vote_needs_a_reason(co_lead, secretariat, members, ready_version, client_for) -> None:
    approval = services.create_request(set_version=ready_version, by=co_lead, review_mode=ReviewMode.VOTE)
    services.submit_request(request=approval, by=co_lead)
    services.open_review(request=approval, by=secretariat)
    response = client_for(members[0]).post(
        reverse("api:approvals:approval-vote", args=[approval.pk]), {"choice": "object"}
    )
    assert response.status_code == 400 and "reason" in response.json()["errors"]


def test_stakeholders_and_visitors_see_no_requests(co_lead, stakeholder, ready_version, client_for) -> None:
    services.create_request(set_version=ready_version, by=co_lead)
    assert client_for(stakeholder).get(reverse("api:approvals:approval-list")).json()["count"] == 0
    refused = client_for(None).get(reverse("api:approvals:approval-list"))
    assert refused.status_code == 401 and refused["WWW-Authenticate"] == "Token"


def test_publications_are_public(publication, client_for) -> None:
    anonymous = client_for(None)
    listing = anonymous.get(reverse("api:approvals:publication-list")).json()
    assert listing["results"][0]["version"] == publication.version
    assert listing["results"][0]["sha256"] == publication.sha256

    one = anonymous.get(reverse("api:approvals:publication-detail", args=[publication.version]))
    assert one.content == publication.snapshot_bytes  # the stored bytes, not re-serialised
    assert one["ETag"] == f'"{publication.sha256}"'
    latest = anonymous.get(reverse("api:approvals:publication-latest"))
    assert latest.content == publication.snapshot_bytes


def test_writes_to_publications_are_not_allowed(publication, co_lead, client_for) -> None:
    url = reverse("api:approvals:publication-detail", args=[publication.version])
    assert client_for(co_lead).delete(url).status_code == 405
    assert client_for(co_lead).put(url, {}, content_type="application/json").status_code == 405


def test_latest_is_404_before_anything_is_published(client_for, db) -> None:
    response = client_for(None).get(reverse("api:approvals:publication-latest"))
    assert response.status_code == 404 and response.json()["detail"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, 3),
        ({"objective": 1}, 1),
        ({"objective": 6}, 1),  # a secondary objective counts
        ({"sdg": "10.7.2"}, 1),
        ({"tier": "tier_1"}, 1),
        ({"dimension": "sex"}, 3),
        ({"dimension": "income"}, 0),
        ({"objective": 1, "tier": "tier_2"}, 0),
    ],
)
def test_publication_indicators_filter(publication, client_for, query, expected) -> None:
    for url in [
        reverse("api:approvals:publication-indicators", args=[publication.version]),
        reverse("api:approvals:publication-latest-indicators"),
    ]:
        body = client_for(None).get(url, query).json()
        assert body["count"] == expected, (url, query, body)


def test_bad_filters_answer_400(publication, client_for) -> None:
    url = reverse("api:approvals:publication-indicators", args=[publication.version])
    response = client_for(None).get(url, {"objective": "seven"})
    assert response.status_code == 400 and "objective" in response.json()["errors"]


def test_indicators_cost_a_fixed_number_of_queries(
    co_lead, secretariat, members, client_for, django_assert_max_num_queries, django_capture_on_commit_callbacks
) -> None:
    version = frozen_set_version(name="Big set", size=12)
    approval = services.create_request(set_version=version, by=co_lead, review_mode=ReviewMode.VOTE, quorum=1)
    services.submit_request(request=approval, by=co_lead)
    services.open_review(request=approval, by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.cast_vote(request=approval, by=members[0], choice=VoteChoice.APPROVE)
    publication = Publication.objects.get(request=approval)
    url = reverse("api:approvals:publication-indicators", args=[publication.version])
    client = client_for(None)
    client.get(url)
    with django_assert_max_num_queries(2) as captured:
        body = client.get(url).json()
    assert len(captured) >= 1  # the publication row is read
    assert body["count"] == 12
    assert json.loads(publication.snapshot)["indicators"][0] == body["results"][0]
