"""The API under /api/v1/rounds/: the same rules as the browser, with tokens."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from consultations.choices import Outcome, Stance, SubmissionState
from consultations.models import Comment, Submission
from tests.factories.accounts import MemberStateFactory, UserFactory
from tests.factories.consultations import RoundFactory, make_submission

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def comments_url(round_) -> str:
    return f"/api/v1/rounds/{round_.pk}/comments/"


def test_focal_points_list_open_rounds_with_a_token(focal_point, open_round) -> None:
    closed = RoundFactory(
        opens_at=timezone.now() - timedelta(days=3), closes_at=timezone.now() - timedelta(days=1)
    )

    body = api(focal_point).get("/api/v1/rounds/", {"open": "true"}).json()

    assert [r["id"] for r in body["results"]] == [open_round.pk]
    assert body["results"][0]["accepting_comments"] is True
    assert api(focal_point).get(f"/api/v1/rounds/{closed.pk}/").json()["state"] == "closed"


def test_draft_edit_and_submit_through_the_api(stakeholder, focal_point, open_round, revisions) -> None:
    created = api(stakeholder).post(
        comments_url(open_round),
        {
            "revision": revisions[0].pk,
            "kind": "technical",
            "stance": "oppose",
            "text": "*Too* vague",
            "ratings": {"relevance": 2},
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    comment_id = created.json()["id"]
    assert "<em>Too</em>" in created.json()["text_html"]

    changed = api(focal_point).patch(
        f"{comments_url(open_round)}{comment_id}/", {"stance": "support_with_changes"}, format="json"
    )
    assert changed.status_code == 200 and changed.json()["stance"] == "support_with_changes"

    refused = api(stakeholder).post(f"/api/v1/rounds/{open_round.pk}/submit/")
    assert refused.status_code == 403 and "focal point" in refused.json()["detail"]

    submitted = api(focal_point).post(f"/api/v1/rounds/{open_round.pk}/submit/")
    assert submitted.status_code == 200 and submitted.json()["state"] == SubmissionState.SUBMITTED

    for method in ("patch", "delete"):
        attempt = getattr(api(focal_point), method)(
            f"{comments_url(open_round)}{comment_id}/", {"text": "x"}, format="json"
        )
        assert attempt.status_code == 409 and attempt.json()["code"] == "immutable"
    assert Comment.objects.get(pk=comment_id).stance == Stance.SUPPORT_WITH_CHANGES


def test_one_second_after_the_deadline_the_api_refuses_with_the_deadline(stakeholder, focal_point) -> None:
    round_ = RoundFactory(
        opens_at=timezone.now() - timedelta(days=1), closes_at=timezone.now() - timedelta(seconds=1)
    )
    make_submission(round_, focal_point.organisation, by=focal_point, submitted=False)

    comment = api(stakeholder).post(comments_url(round_), {"text": "Late", "stance": "support"}, format="json")
    submission = api(focal_point).post(f"/api/v1/rounds/{round_.pk}/submit/")

    for response in (comment, submission):
        assert response.status_code == 409
        assert response.json()["code"] == "deadline_passed"
        assert round_.closes_at.strftime("%H:%M:%S UTC") in response.json()["detail"]
    assert Comment.objects.filter(submission__round=round_).count() == 1
    assert Submission.objects.get(round=round_).state == SubmissionState.DRAFT


def test_a_comment_before_the_deadline_is_stored(stakeholder) -> None:
    round_ = RoundFactory(closes_at=timezone.now() + timedelta(seconds=30))

    response = api(stakeholder).post(comments_url(round_), {"text": "Just in time"}, format="json")

    assert response.status_code == 201
    assert Comment.objects.filter(text="Just in time").exists()


def test_length_limits_come_back_with_a_message(stakeholder, open_round) -> None:
    response = api(stakeholder).post(comments_url(open_round), {"text": "x" * 5001}, format="json")

    assert response.status_code == 400
    assert "at most 5000 characters" in response.json()["detail"]
    assert "text" in response.json()["errors"]


def test_until_the_close_an_organisation_sees_only_its_own_comments(
    stakeholder, outsider, focal_point, open_round
) -> None:
    make_submission(open_round, focal_point.organisation, by=focal_point)
    api(outsider).post(comments_url(open_round), {"text": "Morocco's draft"}, format="json")

    mexico_sees = [c["text"] for c in api(stakeholder).get(comments_url(open_round)).json()["results"]]
    morocco_sees = [c["text"] for c in api(outsider).get(comments_url(open_round)).json()["results"]]

    assert mexico_sees == ["Comment 0 from Mexico"]
    assert morocco_sees == ["Morocco's draft"]


def test_after_the_close_signed_in_users_read_submitted_comments(outsider, focal_point, excom_member) -> None:
    round_ = RoundFactory(
        opens_at=timezone.now() - timedelta(days=3), closes_at=timezone.now() - timedelta(days=1)
    )
    make_submission(round_, focal_point.organisation, by=focal_point)
    make_submission(round_, outsider.organisation, by=outsider, submitted=False)  # drafts stay private

    seen = api(excom_member).get(comments_url(round_)).json()["results"]

    assert [(c["organisation"], c["text"]) for c in seen] == [("Mexico", "Comment 0 from Mexico")]
    assert APIClient().get(comments_url(round_)).status_code == 401


def test_hidden_organisation_names(outsider, focal_point) -> None:
    round_ = RoundFactory(
        opens_at=timezone.now() - timedelta(days=3),
        closes_at=timezone.now() - timedelta(days=1),
        hide_organisation_names=True,
    )
    make_submission(round_, focal_point.organisation, by=focal_point)

    assert api(outsider).get(comments_url(round_)).json()["results"][0]["organisation"] is None


def test_co_leads_list_answer_and_export(co_lead, focal_point, open_round, revisions) -> None:
    comment = make_submission(open_round, focal_point.organisation, by=focal_point).comments.get()
    client = api(co_lead)

    listed = client.get(comments_url(open_round), {"stance": "support"}).json()
    answered = client.put(
        f"{comments_url(open_round)}{comment.pk}/disposition/",
        {"outcome": Outcome.ACCEPTED, "reason": "Yes", "implemented_by": revisions[0].pk},
        format="json",
    )
    export = client.get(f"/api/v1/rounds/{open_round.pk}/export/", {"fmt": "csv"})

    assert [c["id"] for c in listed["results"]] == [comment.pk]
    assert answered.status_code == 200 and answered.json()["outcome"] == "accepted"
    assert export.status_code == 200 and b"Accepted" in b"".join(export.streaming_content)


def test_stakeholders_cannot_answer_or_export(focal_point, open_round) -> None:
    comment = make_submission(open_round, focal_point.organisation, by=focal_point).comments.get()

    answer = api(focal_point).put(
        f"{comments_url(open_round)}{comment.pk}/disposition/", {"outcome": "noted"}, format="json"
    )

    assert answer.status_code == 403
    assert api(focal_point).get(f"/api/v1/rounds/{open_round.pk}/export/").status_code == 403


@pytest.mark.parametrize("organisations", [2, 10])
def test_the_comment_list_costs_a_fixed_number_of_queries(
    organisations, co_lead, open_round, django_assert_max_num_queries
) -> None:
    for _n in range(organisations):
        organisation = MemberStateFactory()
        make_submission(open_round, organisation, by=UserFactory(organisation=organisation), comments=3)
    client = api(co_lead)

    with django_assert_max_num_queries(12):
        response = client.get(comments_url(open_round))

    assert response.json()["count"] == organisations * 3


def test_the_schema_lists_the_rounds_endpoints(client_for, co_lead) -> None:
    schema = client_for(co_lead).get("/api/v1/schema/").content.decode()

    assert "/api/v1/rounds/{round_pk}/comments/" in schema
    assert "/api/v1/rounds/{id}/submit/" in schema
