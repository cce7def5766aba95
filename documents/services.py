"""Writes of the documents app: keyword-only, one verb each.

Generation is deliberately not one transaction: its progress has to be visible to the page that polls it while
the worker typesets, so the start, each progress step and the end are committed separately.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from approvals.models import Publication
from config.errors import InvalidInput, NotAllowed
from consultations.models import Round
from documents import builders, permissions
from documents.builders.render import Progress
from documents.choices import PUBLICATION_KINDS, ROUND_KINDS, DocumentKind, DocumentState, Language
from documents.models import CalendarToken, Document

logger = logging.getLogger(__name__)


def _check_request(
    *, kind: str, by: User, language: str, publication: Publication | None, round: Round | None
) -> None:
    if not permissions.can_request_documents(by):
        raise NotAllowed(_("Only co-leads and the secretariat can generate documents."))
    if kind not in DocumentKind.values:
        raise InvalidInput(_("Choose a kind of document."), errors={"kind": [_("Unknown kind.")]})
    if language not in Language.values:
        raise InvalidInput(_("Choose one of the six UN languages."), errors={"language": [_("Unknown language.")]})
    if kind in PUBLICATION_KINDS and publication is None:
        raise InvalidInput(
            _("This document describes a publication: choose one."), errors={"publication": [_("Required.")]}
        )
    if kind in ROUND_KINDS and round is None:
        raise InvalidInput(
            _("A consultation report describes a round: choose one."), errors={"round": [_("Required.")]}
        )


@transaction.atomic
def request_document(
    *,
    kind: str,
    by: User,
    language: str = Language.ENGLISH,
    publication: Publication | None = None,
    round: Round | None = None,
) -> Document:
    """Queue the generation of a document.

    Steps: check the role; check the kind, the language and that the subject fits the kind (a publication, or a
    round for the consultation report); copy the publication's version and SHA-256; create the queued row;
    enqueue the generation after commit.
    """
    _check_request(kind=kind, by=by, language=language, publication=publication, round=round)
    if kind in ROUND_KINDS:
        publication = None
        described = Publication.objects.filter(set_version_id=round.set_version_id).first()  # type: ignore[union-attr]
    else:
        round = None
        described = publication
    document = Document.objects.create(
        kind=kind,
        language=language,
        publication=publication,
        round=round,
        publication_version=described.version if described else "",
        publication_sha256=described.sha256 if described else "",
        created_by=by,
    )
    from documents.tasks import generate_document_task

    document_id = document.pk
    transaction.on_commit(lambda: generate_document_task.delay(document_id=document_id))
    return document


@transaction.atomic
def _start(document_id: int) -> Document | None:
    """Lock the row and move it from queued to running; None when another run has it already (a retry)."""
    document = Document.objects.select_for_update().defer("pdf", "archive").get(pk=document_id)
    if document.state != DocumentState.QUEUED:
        return None
    document.start()
    document.save(update_fields=["state"])
    return document


def record_progress(*, document_id: int, done: int, total: int) -> None:
    """Store the progress of a running document (committed at once, so that the page sees it)."""
    Document.objects.filter(pk=document_id, state=DocumentState.RUNNING).update(
        progress_done=min(done, total), progress_total=total
    )


def _throttled(document_id: int) -> Progress:
    """A progress callback that writes only when the percentage moves by two points or more, or at the end."""
    last = [-100]

    def report(done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 0
        if percent - last[0] >= 2 or done >= total:
            last[0] = percent
            record_progress(document_id=document_id, done=done, total=total)

    return report


@transaction.atomic
def _finish(document_id: int, generated: builders.Generated) -> Document:
    document = Document.objects.select_for_update().defer("pdf", "archive").get(pk=document_id)
    document.pdf = generated.pdf
    document.archive = generated.archive
    document.archive_format = generated.archive_format
    document.document_date = generated.document_date
    document.progress_done = document.progress_total = max(document.progress_total, 1)
    document.finished_at = timezone.now()
    document.finish()
    document.save()
    return document


@transaction.atomic
def _fail(document_id: int, message: str) -> None:
    document = Document.objects.select_for_update().defer("pdf", "archive").get(pk=document_id)
    if document.state in (DocumentState.QUEUED, DocumentState.RUNNING):
        document.error = message
        document.finished_at = timezone.now()
        document.fail()
        document.save(update_fields=["state", "error", "finished_at"])


def generate_document(*, document_id: int) -> Document | None:
    """Generate the files of a queued document (run by the worker).

    Steps: start it (a document already started or finished is left alone, so a retried task does nothing);
    build the Word file or ZIP and the PDF in the document's language from what it describes, committing
    progress as it goes; store both files, the date printed and the state done; on an error, store the message
    and the state failed.
    """
    document = _start(document_id)
    if document is None:
        return None
    subject = document.round if document.kind in ROUND_KINDS else document.publication
    try:
        generated = builders.generate(
            kind=document.kind,
            language=document.language,
            subject=subject,
            today=timezone.localdate(),
            progress=_throttled(document_id),
        )
    except Exception as error:  # the page must say it failed rather than poll for ever
        logger.exception("Document %s failed", document_id)
        _fail(document_id, f"{type(error).__name__}: {error}")
        return Document.objects.defer("pdf", "archive").get(pk=document_id)
    return _finish(document_id, generated)


@transaction.atomic
def issue_calendar_token(*, user: User) -> CalendarToken:
    """Give the user a new private calendar address; the previous one stops working at once.

    Steps: delete the user's token if any; create a new one.
    """
    CalendarToken.objects.filter(user=user).delete()
    return CalendarToken.objects.create(user=user)


def calendar_token_of(*, user: User) -> CalendarToken:
    """The user's calendar token, issued on first use."""
    token = CalendarToken.objects.filter(user=user).first()
    return token or issue_calendar_token(user=user)
