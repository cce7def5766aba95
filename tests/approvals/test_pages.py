"""Browser pages: the ExCom review page, the request list, navigation, dashboard and the public pages."""

import pytest
from django.urls import reverse

from approvals import services
from approvals.choices import ReviewMode, VoteChoice
from approvals.models import Publication
from consultations.choices import Outcome, RoundState
from consultations.models import Disposition
from tests.factories.accounts import UserFactory
from tests.factories.approvals import frozen_set_version
from tests.factories.consultations import RoundFactory, make_submission


@pytest.fixture
def in_review(co_lead, secretariat, ready_version):
    approval = services.create_request(
        set_version=ready_version, by=co_lead, review_mode=ReviewMode.VOTE, quorum=2
    )
    services.submit_request(request=approval, by=co_lead)
    return services.open_review(request=approval, by=secretariat)


@pytest.fixture
def published(in_review, members, django_capture_on_commit_callbacks) -> Publication:
    with django_capture_on_commit_callbacks(execute=True):
        for member in members[:2]:
            services.cast_vote(request=in_review, by=member, choice=VoteChoice.APPROVE)
    return Publication.objects.get(request=in_review)


def test_the_review_page_shows_what_an_excom_member_needs(
    co_lead, secretariat, members, mexico, focal_point, client_for
) -> None:
    version = frozen_set_version(name="Consulted set")
    round_ = RoundFactory(set_version=version, state=RoundState.CLOSED, title="Round one")
    for comment in make_submission(round_, mexico, by=focal_point, comments=3).comments.all():
        Disposition.objects.create(comment=comment, outcome=Outcome.ACCEPTED, decided_by=co_lead)
    approval = services.create_request(set_version=version, by=co_lead, review_mode=ReviewMode.VOTE)
    services.submit_request(request=approval, by=co_lead)
    services.open_review(request=approval, by=secretariat)

    page = client_for(members[0]).get(reverse("approvals:detail", args=[approval.pk])).content.decode()

    for text in [
        "Indicator 0 of Consulted set",  # the set version
        "Changes against the previous version",
        "Round one",  # the consultation synthesis
        "1 organisation responded with 3 comments",
        "Timeline",
        "Review opened",
        "Cast my vote",  # the button the member may press now
    ]:
        assert text in page, text
    assert "Record the rejection" not in page
    assert "Submit to the Executive Committee" not in page


def test_the_secretariat_sees_the_decision_buttons(in_review, secretariat, client_for) -> None:
    page = client_for(secretariat).get(reverse("approvals:detail", args=[in_review.pk])).content.decode()
    assert "Record the rejection" in page and "Cast my vote" not in page


def test_a_vote_from_the_page(in_review, members, client_for) -> None:
    response = client_for(members[0]).post(
        reverse("approvals:act", args=[in_review.pk, "vote"]), {"choice": "approve"}, follow=True
    )
    assert response.status_code == 200
    assert in_review.votes.get().voter == members[0]
    page = response.content.decode()
    assert "Cast my vote" not in page  # one vote per member


def test_a_refused_action_shows_its_message(in_review, members, client_for) -> None:
    response = client_for(members[0]).post(
        reverse("approvals:act", args=[in_review.pk, "vote"]), {"choice": "object"}, follow=True
    )
    assert "Give a reason" in response.content.decode()


def test_stakeholders_cannot_open_requests(in_review, stakeholder, client_for) -> None:
    assert client_for(stakeholder).get(reverse("approvals:detail", args=[in_review.pk])).status_code == 403
    assert client_for(stakeholder).get(reverse("approvals:list")).status_code == 403


def test_a_co_lead_prepares_a_request_in_the_browser(co_lead, ready_version, client_for) -> None:
    response = client_for(co_lead).post(
        reverse("approvals:create"),
        {"set_version": ready_version.pk, "review_mode": "silence", "silence_hours": 72, "quorum": 9,
         "majority": "no_objection", "note": ""},
    )  # fmt: skip
    assert response.status_code == 302
    listing = client_for(co_lead).get(reverse("approvals:list")).content.decode()
    assert str(ready_version) in listing


def test_navigation_by_role(co_lead, stakeholder, client_for) -> None:
    assert "Approvals" in client_for(co_lead).get(reverse("accounts:dashboard")).content.decode()
    stakeholder_page = client_for(stakeholder).get(reverse("accounts:dashboard")).content.decode()
    assert ">Approvals<" not in stakeholder_page and ">Publications<" in stakeholder_page
    anonymous = client_for(None).get(reverse("approvals:publications")).content.decode()
    assert ">Publications<" in anonymous


def test_the_dashboard_panel_names_the_latest_publication(published, co_lead, client_for) -> None:
    page = client_for(co_lead).get(reverse("accounts:dashboard")).content.decode()
    assert "Approval and publication" in page and published.version in page


def test_the_public_page_shows_downloads_and_latest(published, client_for) -> None:
    anonymous = client_for(None)
    latest = anonymous.get(reverse("approvals:publication-latest"))
    assert latest.status_code == 302 and latest["Location"].endswith(f"/publications/{published.version}/")
    page = anonymous.get(latest["Location"]).content.decode()
    assert published.sha256 in page and "This is the first publication." in page
    for fmt, extension in [("csv", "csv"), ("xlsx", "xlsx"), ("json", "json"), ("sdmx", "xml")]:
        url = reverse("approvals:publication-download", args=[published.version, fmt])
        assert url in page
        download = anonymous.get(url)
        assert download.status_code == 200 and download["Content-Disposition"].endswith(f'.{extension}"')
    assert "SDMX-ML" in page
    json_download = anonymous.get(reverse("approvals:publication-download", args=[published.version, "json"]))
    assert json_download.content == published.snapshot_bytes


def test_downloads_work_before_the_files_are_built(in_review, members, client_for) -> None:
    for member in members[:2]:  # on-commit callbacks not run: no file task
        services.cast_vote(request=in_review, by=member, choice=VoteChoice.APPROVE)
    publication = Publication.objects.get(request=in_review)
    assert not publication.files.exists()
    response = client_for(None).get(reverse("approvals:publication-download", args=[publication.version, "csv"]))
    assert response.status_code == 200 and response.content.decode("utf-8-sig").startswith("code,")


def test_the_public_list_and_latest_before_any_publication(client_for, db) -> None:
    assert client_for(None).get(reverse("approvals:publications")).status_code == 200
    assert client_for(None).get(reverse("approvals:publication-latest")).status_code == 404


def test_the_admin_shows_the_state_diagram(in_review, client_for) -> None:
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    page = client_for(admin_user).get(reverse("admin:approvals_approvalrequest_changelist")).content.decode()
    assert "approvals/approvals-states.svg" in page
    detail = client_for(admin_user).get(reverse("admin:approvals_approvalrequest_change", args=[in_review.pk]))
    assert detail.status_code == 200
