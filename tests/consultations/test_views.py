"""Browser pages, through Django's test client: the same rules and messages as the services."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations import services
from consultations.choices import Outcome, Stance, SubmissionState
from consultations.models import Comment, Submission
from tests.factories.consultations import RoundFactory, make_submission

pytestmark = pytest.mark.django_db


def _comment_data(revision=None, **extra):
    return {
        "revision": revision.pk if revision else "",
        "kind": "technical",
        "stance": "support",
        "text": "Fine",
        "rating_relevance": "4",
        **extra,
    }


def test_the_round_page_shows_the_deadline_and_the_form(client_for, stakeholder, open_round) -> None:
    response = client_for(stakeholder).get(open_round.get_absolute_url())

    assert response.status_code == 200
    assert services.format_moment(open_round.closes_at).split(",")[0] in response.content.decode()
    assert b"Add to the draft" in response.content


def test_a_comment_posted_before_the_deadline_is_stored(client_for, stakeholder, open_round, revisions) -> None:
    url = reverse("consultations:comment_create", kwargs={"pk": open_round.pk})

    response = client_for(stakeholder).post(url, _comment_data(revisions[0]), follow=True)

    assert response.status_code == 200
    assert Comment.objects.filter(
        submission__organisation=stakeholder.organisation, revision=revisions[0]
    ).exists()


def test_a_comment_posted_one_second_after_the_deadline_is_refused(client_for, stakeholder) -> None:
    round_ = RoundFactory(
        opens_at=timezone.now() - timedelta(days=1), closes_at=timezone.now() - timedelta(seconds=1)
    )
    url = reverse("consultations:comment_create", kwargs={"pk": round_.pk})

    response = client_for(stakeholder).post(url, _comment_data(), follow=True)

    assert services.format_moment(round_.closes_at) in response.content.decode()
    assert "closed on" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_submission_one_second_after_the_deadline_is_refused(client_for, focal_point) -> None:
    round_ = RoundFactory(
        opens_at=timezone.now() - timedelta(days=1), closes_at=timezone.now() - timedelta(seconds=1)
    )
    draft = make_submission(round_, focal_point.organisation, by=focal_point, submitted=False)

    response = client_for(focal_point).post(
        reverse("consultations:submission_submit", kwargs={"pk": draft.pk}), follow=True
    )

    assert services.format_moment(round_.closes_at) in response.content.decode()
    assert Submission.objects.get(pk=draft.pk).state == SubmissionState.DRAFT


def test_a_stakeholder_cannot_submit_in_the_browser(client_for, stakeholder, open_round) -> None:
    draft = make_submission(open_round, stakeholder.organisation, by=stakeholder, submitted=False)

    response = client_for(stakeholder).post(
        reverse("consultations:submission_submit", kwargs={"pk": draft.pk}), follow=True
    )

    assert "Only the focal point" in response.content.decode()
    assert Submission.objects.get(pk=draft.pk).state == SubmissionState.DRAFT


def test_markdown_is_rendered_safely(client_for, stakeholder, open_round) -> None:
    services.add_comment(
        round=open_round, by=stakeholder, text="**bold** <script>alert(1)</script> [x](javascript:alert(1))"
    )

    html = client_for(stakeholder).get(open_round.get_absolute_url()).content.decode()

    assert "<strong>bold</strong>" in html
    assert "<script>alert" not in html
    assert "javascript:" not in html


def test_the_matrix_filters_and_saves_a_disposition(
    client_for, co_lead, focal_point, open_round, revisions
) -> None:
    submission = make_submission(open_round, focal_point.organisation, by=focal_point, stance=Stance.OPPOSE)
    comment = submission.comments.get()
    client = client_for(co_lead)
    url = reverse("consultations:matrix", kwargs={"pk": open_round.pk})

    assert comment.text in client.get(url, {"stance": "oppose"}).content.decode()
    assert comment.text not in client.get(url, {"stance": "support"}).content.decode()
    assert comment.text not in client.get(url, {"region": "002"}).content.decode()
    response = client.post(
        reverse("consultations:disposition_save", kwargs={"pk": comment.pk}),
        {"outcome": Outcome.ACCEPTED, "reason": "Agreed", "implemented_by": revisions[0].pk},
        follow=True,
    )

    assert response.status_code == 200
    assert Comment.objects.get(pk=comment.pk).disposition.outcome == Outcome.ACCEPTED
    assert b"1 / 1" in client.get(url).content


def test_the_matrix_is_for_co_leads_only(client_for, stakeholder, open_round) -> None:
    assert (
        client_for(stakeholder).get(reverse("consultations:matrix", kwargs={"pk": open_round.pk})).status_code
        == 403
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_the_matrix_exports(client_for, co_lead, focal_point, open_round, fmt) -> None:
    make_submission(open_round, focal_point.organisation, by=focal_point)

    response = client_for(co_lead).get(
        reverse("consultations:matrix_export", kwargs={"pk": open_round.pk, "fmt": fmt})
    )

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]


def test_the_report_and_the_synthesis_page(client_for, co_lead, focal_point, stakeholder, outsider) -> None:
    round_ = RoundFactory(
        opens_at=timezone.now() - timedelta(days=3), closes_at=timezone.now() - timedelta(days=1)
    )
    submission = make_submission(round_, focal_point.organisation, by=focal_point, stance=Stance.OPPOSE)
    services.record_disposition(
        comment=submission.comments.get(), outcome=Outcome.NOTED, reason="Seen", by=co_lead
    )
    services.synthesise_round(round=round_, by=co_lead)

    report = client_for(outsider).get(reverse("consultations:report", kwargs={"pk": round_.pk}))
    page = client_for(stakeholder).get(round_.get_absolute_url())

    assert report.status_code == 200 and "Seen" in report.content.decode() and "Mexico" in report.content.decode()
    assert b'class="stance-oppose"' in page.content
    assert b'data-classification="grey"' in page.content


def test_the_report_waits_for_the_close(client_for, outsider, open_round) -> None:
    assert (
        client_for(outsider).get(reverse("consultations:report", kwargs={"pk": open_round.pk})).status_code == 403
    )


def test_hidden_names_in_the_report(client_for, co_lead, focal_point, outsider) -> None:
    round_ = RoundFactory(
        opens_at=timezone.now() - timedelta(days=3),
        closes_at=timezone.now() - timedelta(days=1),
        hide_organisation_names=True,
    )
    make_submission(round_, focal_point.organisation, by=focal_point)

    html = client_for(outsider).get(reverse("consultations:report", kwargs={"pk": round_.pk})).content.decode()

    assert "<strong>Mexico" not in html and "<strong>Member State" in html


def test_co_leads_plan_and_open_a_round(client_for, co_lead) -> None:
    from tests.factories.consultations import make_set_version

    version = make_set_version()
    now = timezone.now()
    response = client_for(co_lead).post(
        reverse("consultations:round_create"),
        {
            "set_version": version.pk,
            "title": "Second round",
            "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=14)).strftime("%Y-%m-%dT%H:%M"),
            "green_max_oppose": "0.25",
            "grey_min_oppose": "0.50",
        },
        follow=True,
    )
    round_ = response.context["round"]
    client_for(co_lead).post(reverse("consultations:round_action", kwargs={"pk": round_.pk, "action": "open"}))

    round_.refresh_from_db()
    version.refresh_from_db()
    assert round_.state == "open" and version.is_frozen


def _panel(user) -> str:
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    return render_to_string("consultations/_dashboard.html", {"user": user}, request=request)


def test_the_dashboard_panel(co_lead, stakeholder, open_round) -> None:
    assert open_round.title in _panel(stakeholder)
    assert "await an answer" not in _panel(stakeholder)
    assert "await an answer" in _panel(co_lead)


def test_only_co_leads_plan_rounds(client_for, co_lead, stakeholder, mexico) -> None:
    page = client_for(co_lead).get(reverse("consultations:round_create"))

    assert page.status_code == 200 and b"Invited organisations" in page.content and b"Mexico" in page.content
    assert client_for(stakeholder).get(reverse("consultations:round_create")).status_code == 403


def test_planned_rounds_are_hidden_from_stakeholders(client_for, stakeholder, co_lead) -> None:
    planned = RoundFactory(state="planned")

    assert client_for(stakeholder).get(planned.get_absolute_url()).status_code == 404
    assert client_for(co_lead).get(planned.get_absolute_url()).status_code == 200
