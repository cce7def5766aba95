"""The synthesis and the matrix export run as jobs with a progress bar."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from config.errors import NotAllowed
from consultations import services
from consultations.choices import JobKind, JobState, RoundState
from consultations.models import Round
from tests.factories.consultations import RoundFactory, make_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_round(focal_point) -> Round:
    round_ = RoundFactory(
        opens_at=timezone.now() - timedelta(days=3), closes_at=timezone.now() - timedelta(days=1)
    )
    make_submission(round_, focal_point.organisation, by=focal_point, comments=3)
    return round_


def test_a_matrix_job_builds_the_file_once(closed_round, co_lead, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = services.request_job(round=closed_round, kind=JobKind.MATRIX_XLSX, by=co_lead)
    assert len(callbacks) == 1
    client = client_for(co_lead)
    waiting = client.get(reverse("consultations:job_detail", kwargs={"pk": job.pk}), HTTP_HX_REQUEST="true")
    assert b'hx-trigger="every 1s"' in waiting.content and b"<progress" in waiting.content

    services.run_job(job=job)
    again = services.run_job(job=job)  # a second delivery does nothing

    assert again.state == JobState.DONE
    done = client.get(reverse("consultations:job_detail", kwargs={"pk": job.pk}), HTTP_HX_REQUEST="true")
    assert b"every 1s" not in done.content and b"100%" in done.content
    download = client.get(reverse("consultations:job_download", kwargs={"pk": job.pk}))
    rows = list(load_workbook(BytesIO(download.content)).active.iter_rows(values_only=True))
    assert len(rows) == 4


def test_a_synthesis_job(closed_round, co_lead) -> None:
    job = services.request_job(round=closed_round, kind=JobKind.SYNTHESIS, by=co_lead)

    job = services.run_job(job=job)

    closed_round.refresh_from_db()
    assert job.state == JobState.DONE and job.percent == 100
    assert closed_round.state == RoundState.SYNTHESISED


def test_a_failing_job_says_why(open_round, co_lead) -> None:
    job = services.run_job(job=services.request_job(round=open_round, kind=JobKind.SYNTHESIS, by=co_lead))

    assert job.state == JobState.FAILED and "after the round closes" in job.error


def test_only_co_leads_start_jobs(closed_round, focal_point) -> None:
    with pytest.raises(NotAllowed):
        services.request_job(round=closed_round, kind=JobKind.MATRIX_CSV, by=focal_point)
