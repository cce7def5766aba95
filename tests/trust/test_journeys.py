"""The four journeys end to end in Chromium, with screenshots of each key step kept as test artefacts under
.local/test-results/journeys/<journey>/."""

import csv
import io
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from accounts.choices import Role
from approvals import services as approval_services
from approvals.choices import ReviewMode
from approvals.models import ApprovalRequest
from config.celery import app as celery_app
from consultations.choices import RoundState, SubmissionState
from consultations.models import Comment, Round, Submission
from indicators.models import Indicator, SetVersion
from tests.browser_steps import add_health_link_in_the_crosswalk_editor, comment_after_the_deadline_is_refused
from tests.factories.accounts import UserFactory
from tests.factories.approvals import excom, frozen_set_version
from tests.factories.consultations import RoundFactory, make_set_version, make_submission, revisions_of
from tests.factories.indicators import make_indicator, make_set

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RESULTS = Path(__file__).resolve().parents[2] / ".local" / "test-results" / "journeys"


class Shots:
    """Numbered screenshots of one journey's key steps."""

    def __init__(self, journey: str) -> None:
        self.folder = RESULTS / journey
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink()
        self.count = 0

    def take(self, page: Page, step: str) -> None:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0


@pytest.fixture
def eager_tasks() -> Iterator[None]:
    # Invitations and receipts run in the live server's thread; their e-mails land in Django's test outbox.
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def test_journey_1_map_edit_build_freeze_and_open_a_round(
    live_server, signed_in_page, co_lead, eager_tasks
) -> None:
    shots = Shots("1-map-build-open")
    call_command("load_reference", "--builtin-only", stdout=io.StringIO())
    in_set = make_indicator("GCM-06-1", sdg_links=[("10.7.1", "identical")])
    make_indicator("GCM-08-1", title="Migrants who died or disappeared", primary_objective=8, tier="tier_1")
    limited_set, version = make_set("Journey draft set", [in_set])
    base = live_server.url
    page = signed_in_page(co_lead)

    # Map a framework link in the crosswalk editor.
    add_health_link_in_the_crosswalk_editor(page, base)
    shots.take(page, "framework-link-mapped")

    # Edit a candidate: a new revision.
    page.goto(base + reverse("indicators:catalogue"))
    page.get_by_role("link", name="GCM-08-1").click()
    page.get_by_role("link", name="Edit (creates a new revision)").click()
    page.get_by_label("Title", exact=True).fill("Migrants who died or went missing")
    page.get_by_label("What changed").fill("Plainer wording")
    shots.take(page, "candidate-edit")
    page.get_by_role("button", name="Save as a new revision").click()
    expect(page.locator("#revision-history tbody tr")).to_have_count(2)
    shots.take(page, "candidate-new-revision")

    # Add it to the draft set version and freeze it in the builder.
    page.goto(base + reverse("indicators:builder", args=[limited_set.pk]))
    page.get_by_role("button", name="Add GCM-08-1").click()
    expect(page.locator("#set-items")).to_contain_text("GCM-08-1")
    expect(page.locator("#stat-size")).to_have_text("2")
    shots.take(page, "builder-added")
    page.get_by_role("button", name="Freeze version 1").click()
    expect(page.locator("#version-status")).to_contain_text("frozen")
    shots.take(page, "builder-frozen")
    assert SetVersion.objects.get(pk=version.pk).is_frozen
    assert Indicator.objects.get(code="GCM-08-1").revisions.count() == 2

    # Plan a consultation round on the frozen version, then open it.
    opens_at = timezone.now() - timedelta(minutes=5)
    closes_at = timezone.now() + timedelta(days=14)
    page.goto(base + reverse("consultations:round_create"))
    page.get_by_label("Set version").select_option(str(version.pk))
    page.get_by_label("Title", exact=True).fill("Journey consultation")
    page.get_by_label("Instructions").fill("Comment on each candidate.")
    page.get_by_label("Opens at (UTC)").fill(f"{opens_at:%Y-%m-%dT%H:%M}")
    page.get_by_label("Closes at (UTC)").fill(f"{closes_at:%Y-%m-%dT%H:%M}")
    shots.take(page, "round-planning-form")
    page.get_by_role("button", name="Plan the round").click()
    page.get_by_text("The round is planned. Open it when the set version is ready.").wait_for()
    shots.take(page, "round-planned")
    page.get_by_role("button", name="Open the round (freezes the set version)").click()
    page.get_by_text("The round is open; invitations are on their way.").wait_for()
    shots.take(page, "round-open")

    round_ = Round.objects.get(title="Journey consultation")
    assert round_.set_version_id == version.pk and round_.state == RoundState.OPEN


def test_journey_2_two_focal_points_comment_and_submit_then_a_late_attempt_is_refused(
    live_server, signed_in_page, focal_point, morocco, eager_tasks
) -> None:
    shots = Shots("2-comment-and-submit")
    moroccan_focal_point = UserFactory(
        email="fatima@example.org",
        first_name="Fatima",
        organisation=morocco,
        is_focal_point=True,
        roles=[Role.STAKEHOLDER],
    )
    round_ = RoundFactory(title="Journey round")
    first, second = revisions_of(round_)
    round_url = f"{live_server.url}{round_.get_absolute_url()}"

    for person, revision, stance, text in [
        (focal_point, first, "oppose", "Mexico finds the scope too narrow."),
        (moroccan_focal_point, second, "support", "Morocco supports this indicator."),
    ]:
        page = signed_in_page(person)
        page.goto(round_url)
        page.select_option("#id_revision", str(revision.pk))
        page.select_option("#id_kind", "technical")
        page.select_option("#id_stance", stance)
        page.fill("#id_text", text)
        page.get_by_role("button", name="Add to the draft").click()
        page.get_by_text("Comment saved in your organisation's draft.").wait_for()
        shots.take(page, f"{person.organisation.name.lower()}-draft")
        page.get_by_role("button", name="Submit the official position").click()
        page.get_by_text("Your organisation's position is submitted.").wait_for()
        shots.take(page, f"{person.organisation.name.lower()}-submitted")

    submissions = Submission.objects.filter(round=round_, state=SubmissionState.SUBMITTED)
    assert sorted(s.organisation.name for s in submissions) == sorted(["Mexico", "Morocco"])
    assert all(s.comments.count() == 1 for s in submissions)

    # A late attempt: the form is on screen when the deadline passes; no job runs, time decides.
    comment_after_the_deadline_is_refused(page, round_, round_url, "One more thought, a little late.")
    shots.take(page, "late-attempt-refused")
    assert Comment.objects.filter(submission__round=round_).count() == 2


def test_journey_3_co_lead_answers_every_comment_and_submits_to_the_excom(
    live_server, signed_in_page, co_lead, focal_point, outsider, mexico, morocco
) -> None:
    shots = Shots("3-answer-and-submit")
    version = make_set_version(codes=("GCM-02-1", "GCM-05-3"), frozen=True)
    round_ = RoundFactory(
        title="Closed journey round",
        set_version=version,
        opens_at=timezone.now() - timedelta(days=8),
        closes_at=timezone.now() - timedelta(days=1),
        state=RoundState.CLOSED,
    )
    first, second = revisions_of(round_)
    make_submission(round_, mexico, by=focal_point, comments=2, revision=first)
    make_submission(round_, morocco, by=outsider, comments=1, revision=second)
    comments = list(Comment.objects.filter(submission__round=round_).order_by("pk"))
    assert len(comments) == 3

    page = signed_in_page(co_lead)
    page.goto(f"{live_server.url}/consultations/rounds/{round_.pk}/matrix/")
    shots.take(page, "matrix-unanswered")
    for comment, outcome in zip(comments, ["accepted", "partially_accepted", "noted"], strict=True):
        page.select_option(f"#outcome-{comment.pk}", outcome)
        page.fill(f"#reason-{comment.pk}", f"Our answer to comment {comment.pk}.")
        page.locator(f"#comment-{comment.pk}").get_by_role("button", name="Save answer").click()
        page.get_by_text(f"Answer to comment {comment.pk} saved.").wait_for()
    page.get_by_text(re.compile(r"3 / 3")).wait_for()
    shots.take(page, "matrix-answered")

    page.goto(live_server.url + reverse("approvals:create"))
    page.get_by_label("Set version").select_option(str(version.pk))
    page.get_by_label("Review mode").select_option(ReviewMode.SILENCE)
    shots.take(page, "request-form")
    page.get_by_role("button", name="Prepare the draft").click()
    expect(page.get_by_test_id("approval-state")).to_have_text("Draft")
    shots.take(page, "request-prepared")
    page.get_by_role("button", name="Submit to the Executive Committee").click()
    expect(page.get_by_test_id("approval-state")).to_have_text("Submitted")
    shots.take(page, "request-submitted")

    approval = ApprovalRequest.objects.get(set_version=version)
    assert approval.state == "submitted"
    assert all(hasattr(c, "disposition") for c in Comment.objects.filter(submission__round=round_))


def test_journey_4_silence_procedure_to_approval_publication_and_csv(
    page, live_server, signed_in_page, co_lead
) -> None:
    shots = Shots("4-silence-to-publication")
    members = excom(2)
    version = frozen_set_version(name="Journey set", size=3)
    approval = approval_services.create_request(set_version=version, by=co_lead, review_mode=ReviewMode.SILENCE)
    approval = approval_services.submit_request(request=approval, by=co_lead)
    codes = sorted(version.items.values_list("indicator__code", flat=True))
    review_url = f"{live_server.url}/approvals/{approval.pk}/"

    # The co-lead circulates the request under silence procedure.
    lead = signed_in_page(co_lead)
    lead.goto(review_url)
    expect(lead.get_by_test_id("approval-state")).to_have_text("Submitted")
    lead.get_by_role("button", name="Start the silence procedure").click()
    expect(lead.get_by_test_id("approval-state")).to_have_text("In review")
    shots.take(lead, "silence-started")

    # ExCom members read it and stay silent.
    for member in members:
        member_page = signed_in_page(member)
        member_page.goto(review_url)
        expect(member_page.get_by_test_id("approval-state")).to_have_text("In review")
        expect(member_page.get_by_role("button", name="Break silence: object")).to_be_visible()
    shots.take(member_page, "excom-reads-in-silence")

    # The deadline passes: time decides, no job runs.
    ApprovalRequest.objects.filter(pk=approval.pk).update(silence_deadline=timezone.now() - timedelta(seconds=1))
    member_page.goto(review_url)
    expect(member_page.get_by_test_id("approval-state")).to_have_text("Published")
    expect(member_page.get_by_role("button", name="Break silence: object")).to_have_count(0)
    shots.take(member_page, "approved-and-published")

    # Anyone reads the new version on the public page.
    page.goto(f"{live_server.url}/publications/latest/")
    expect(page).to_have_url(re.compile(r"/publications/\d{4}\.1/$"))
    expect(page.get_by_text("Indicator 0 of Journey set")).to_be_visible()
    for code in codes:
        expect(page.get_by_text(code, exact=True).first).to_be_visible()
    shots.take(page, "public-publication")

    # A REST client pulls it as CSV.
    response = page.request.get(f"{live_server.url}/api/v1/publications/latest/indicators/?format=csv")
    assert response.ok, response.status
    rows = list(csv.DictReader(io.StringIO(response.text())))
    assert rows
    code_column = next(name for name in rows[0] if "code" in name.lower())
    assert sorted(row[code_column] for row in rows) == codes
