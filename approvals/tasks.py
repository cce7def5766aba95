"""Celery tasks of approvals: thin, keyword-only ids, each calling a service."""

from celery import shared_task

from approvals import notifications, services
from approvals.models import ApprovalRequest, Publication


@shared_task(name="approvals.build_publication_files")
def build_publication_files_task(*, publication_id: int) -> int:
    """Build the CSV / XLSX / JSON / SDMX-ML downloads of a publication; the number of files built now."""
    publication = Publication.objects.get(pk=publication_id)
    return len(services.build_publication_files(publication=publication))


@shared_task(name="approvals.settle_due_requests")
def settle_due_requests_task() -> int:
    """Record the approvals that silence deadlines have already decided (time decides; this only records)."""
    return services.settle_due_requests()


@shared_task(name="approvals.notify_participants")
def notify_participants(*, request_id: int, action: str) -> int:
    """E-mail the people concerned by a step of a request, once per step and person."""
    request = ApprovalRequest.objects.select_related("set_version__limited_set").get(pk=request_id)
    return notifications.notify(request=request, action=action)
