"""Celery tasks of documents: thin, keyword-only ids, each calling a service."""

from celery import shared_task

from documents import services


@shared_task(name="documents.generate_document")
def generate_document_task(*, document_id: int) -> str:
    """Typeset a queued document; its final state."""
    document = services.generate_document(document_id=document_id)
    return document.state if document else "skipped"
