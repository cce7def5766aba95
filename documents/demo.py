"""Demonstration documents: the annex of the latest publication in English and Arabic, the disaggregation
evidence, and the report of the round that led to it, queued for the worker (so that `make run` does not wait for
the typesetting). Idempotent: a document already queued or generated for the same subject, kind and language is
kept; only a failed one is asked for again."""

from typing import TextIO

from accounts.models import User
from approvals.models import Publication
from consultations.models import Round
from documents import permissions, services
from documents.choices import DocumentKind, DocumentState, Language
from documents.models import Document


def _ensure(
    *, kind: str, language: str, by: User, publication: Publication | None = None, round: Round | None = None
) -> bool:
    exists = (
        Document.objects.filter(kind=kind, language=language, publication=publication, round=round)
        .exclude(state=DocumentState.FAILED)
        .exists()
    )
    if exists:
        return False
    services.request_document(kind=kind, language=language, by=by, publication=publication, round=round)
    return True


def load(stdout: TextIO) -> None:
    co_lead = User.objects.filter(email="co-lead@example.org").first()
    publication = Publication.objects.order_by("-published_at", "-id").first()
    if co_lead is None or publication is None or not permissions.can_request_documents(co_lead):
        stdout.write("documents: no publication or demo co-lead yet; no document generated.\n")
        return
    made = 0
    for language in (Language.ENGLISH, Language.ARABIC):
        made += _ensure(kind=DocumentKind.ANNEX, language=language, by=co_lead, publication=publication)
    made += _ensure(
        kind=DocumentKind.DISAGGREGATION_EVIDENCE, language=Language.ENGLISH, by=co_lead, publication=publication
    )
    round_ = Round.objects.filter(set_version=publication.set_version).order_by("-closes_at").first()
    if round_ is not None:
        made += _ensure(kind=DocumentKind.CONSULTATION_REPORT, language=Language.ENGLISH, by=co_lead, round=round_)
    stdout.write(f"documents: {made} demonstration documents queued for {publication.version}.\n")
