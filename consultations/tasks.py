"""Celery tasks: thin, keyword-only ids, each calls a service. Safe to deliver twice (e-mails are keyed)."""

from celery import shared_task

from consultations import notifications, services
from consultations.models import Round, RoundJob, Submission


@shared_task(name="consultations.send_invitations")
def send_invitations(*, round_id: int) -> int:
    return notifications.send_invitations(round=Round.objects.get(pk=round_id))


@shared_task(name="consultations.send_reminders")
def send_reminders(*, round_id: int, days: int) -> int:
    return notifications.send_reminders(round=Round.objects.get(pk=round_id), days=days)


@shared_task(name="consultations.send_receipt")
def send_receipt(*, submission_id: int) -> bool:
    return notifications.send_receipt(submission=Submission.objects.get(pk=submission_id))


@shared_task(name="consultations.send_digest")
def send_digest(*, round_id: int) -> int:
    return notifications.send_digest(round=Round.objects.get(pk=round_id))


@shared_task(name="consultations.close_due_rounds")
def close_due_rounds() -> list[int]:
    return services.close_due_rounds()


@shared_task(name="consultations.remind_due_rounds")
def remind_due_rounds() -> int:
    return notifications.remind_due_rounds()


@shared_task(name="consultations.run_round_job")
def run_round_job(*, job_id: int) -> str:
    return services.run_job(job=RoundJob.objects.get(pk=job_id)).state
