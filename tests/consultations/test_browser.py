"""In Chromium: a stakeholder drafts comments on two indicators, the focal point submits, a co-lead answers
each comment and downloads the resolution matrix as XLSX."""

import re
from collections.abc import Iterator

import pytest
from openpyxl import load_workbook

from config.celery import app as celery_app
from consultations.choices import Outcome, SubmissionState
from consultations.models import Comment, Submission
from tests.browser_steps import comment_after_the_deadline_is_refused
from tests.factories.consultations import RoundFactory, revisions_of

pytestmark = pytest.mark.browser


@pytest.fixture
def eager_tasks() -> Iterator[None]:
    # The receipt task runs in the live server's thread; its e-mail lands in Django's test outbox.
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def test_draft_submit_answer_and_download(
    page, live_server, sign_in, stakeholder, focal_point, co_lead, eager_tasks, tmp_path
) -> None:
    round_ = RoundFactory(title="Browser round")
    first, second = revisions_of(round_)
    round_url = f"{live_server.url}{round_.get_absolute_url()}"

    sign_in(page, stakeholder)
    page.goto(round_url)
    for revision, stance, text in [(first, "oppose", "Too narrow."), (second, "support", "A **good** indicator.")]:
        page.select_option("#id_revision", str(revision.pk))
        page.select_option("#id_kind", "technical")
        page.select_option("#id_stance", stance)
        page.fill("#id_text", text)
        page.select_option("#id_rating_relevance", "4")
        page.get_by_role("button", name="Add to the draft").click()
        page.get_by_text("Comment saved in your organisation's draft.").wait_for()
    assert page.locator("#draft strong", has_text="good").count() == 1  # Markdown rendered
    assert page.get_by_role("button", name="Submit the official position").count() == 0

    sign_in(page, focal_point)
    page.goto(round_url)
    page.get_by_role("button", name="Submit the official position").click()
    page.get_by_text("Your organisation's position is submitted.").wait_for()
    submission = Submission.objects.get(round=round_)
    assert submission.state == SubmissionState.SUBMITTED and submission.comments.count() == 2

    sign_in(page, co_lead)
    page.goto(f"{live_server.url}/consultations/rounds/{round_.pk}/matrix/")
    for comment, outcome in zip(
        submission.comments.order_by("revision__indicator__code"),
        [Outcome.PARTIALLY_ACCEPTED, Outcome.NOTED],
        strict=True,
    ):
        page.select_option(f"#outcome-{comment.pk}", outcome)
        page.fill(f"#reason-{comment.pk}", f"Answer to {comment.pk}")
        page.locator(f"#comment-{comment.pk}").get_by_role("button", name="Save answer").click()
        page.get_by_text(f"Answer to comment {comment.pk} saved.").wait_for()
    page.get_by_text(re.compile(r"2 / 2")).wait_for()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download XLSX").click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)

    assert path.suffix == ".xlsx"
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert len(rows) == 3
    assert {row[rows[0].index("Outcome")] for row in rows[1:]} == {"Partially accepted", "Noted"}
    assert all(hasattr(c, "disposition") for c in Comment.objects.filter(submission=submission))


def test_a_comment_sent_one_second_after_the_deadline_is_refused_in_chromium(
    page, live_server, sign_in, stakeholder
) -> None:
    round_ = RoundFactory(title="Closing round")
    sign_in(page, stakeholder)
    # The deadline passes while the form is on screen; no job runs.
    round_url = f"{live_server.url}{round_.get_absolute_url()}"
    comment_after_the_deadline_is_refused(page, round_, round_url, "Sent while the page was open.")
    assert not Comment.objects.filter(submission__round=round_).exists()
