"""Writes of approvals: keyword-only, one verb each, atomic, each writing its audit events in its transaction.

Every action on a request first locks the request row (`SELECT ... FOR UPDATE`) and reads the clock after the
lock, so that two members acting at once, or an objection racing the silence deadline, are serialised and
end in one consistent outcome.
"""

import csv
import io
from datetime import timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from accounts.models import User
from approvals import conf, permissions, selectors
from approvals.choices import Action, FileFormat, MajorityRule, RequestState, ReviewMode, VoteChoice
from approvals.models import ApprovalEvent, ApprovalRequest, Publication, PublicationFile, Vote
from approvals.sdmx import structure_message
from approvals.selectors import submission_blockers
from approvals.snapshot import (
    TABLE_HEADERS,
    build_snapshot,
    canonical_bytes,
    change_log,
    set_version_records,
    sha256_hex,
    table_rows,
)
from config.errors import DeadlinePassed, InvalidInput, NotAllowed, WorkflowError
from config.exports import neutralise, xlsx_bytes
from indicators.models import SetVersion

# Serialises the numbering of publications (YYYY.N) across concurrent approvals.
PUBLICATION_LOCK = 74_2026_06

ACTION_LABELS = {
    "submit": gettext_lazy("submit"),
    "open_review": gettext_lazy("open the review"),
    "vote": gettext_lazy("vote"),
    "object": gettext_lazy("object"),
    "return": gettext_lazy("return the request"),
    "reject": gettext_lazy("reject the request"),
}


# --- Shared steps ------------------------------------------------------------------------------------------


def _require_permission(user: User, action: str, request: ApprovalRequest | None = None) -> None:
    if not permissions.can_do(user, action, request):
        raise NotAllowed(
            _("Your role does not allow you to {action} on an approval request.").format(
                action=ACTION_LABELS.get(action, action)
            )
        )


def _locked(request: ApprovalRequest) -> ApprovalRequest:
    """The request re-read under a row lock: concurrent actions on it wait for this transaction."""
    return (
        ApprovalRequest.objects.select_for_update(of=("self",))
        .select_related("set_version__limited_set")
        .get(pk=request.pk)
    )


def _refuse_when_time_decided(request: ApprovalRequest) -> None:
    """Refuse once the silence deadline has passed, whether or not its approval is recorded yet."""
    decided_by_time = request.silence_has_ended() or (
        request.review_mode == ReviewMode.SILENCE
        and request.state in (RequestState.APPROVED, RequestState.PUBLISHED)
        and request.silence_deadline is not None
        and timezone.now() >= request.silence_deadline
    )
    if decided_by_time:
        raise DeadlinePassed(
            _(
                "The silence procedure ended at {deadline} UTC with no objection: the request is approved "
                "and can no longer be changed."
            ).format(deadline=f"{request.silence_deadline:%Y-%m-%d %H:%M:%S}")
        )


def _require_state(request: ApprovalRequest, action: str, *states: str) -> None:
    if request.state not in states:
        raise WorkflowError(
            _("This request is {state}: you can {action} only when it is {allowed}.").format(
                state=RequestState(request.state).label.lower(),
                action=ACTION_LABELS.get(action, action),
                allowed=" / ".join(str(RequestState(s).label).lower() for s in states),
            )
        )


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(
            _("Give a reason: the Committee and the co-leads read it."), errors={"reason": [_("Required.")]}
        )
    return reason


def _event(
    request: ApprovalRequest, *, action: str, by: User | None, from_state: str, reason: str = ""
) -> ApprovalEvent:
    return ApprovalEvent.objects.create(
        request=request, actor=by, action=action, from_state=from_state, to_state=request.state, reason=reason
    )


def _transition(request: ApprovalRequest, method: str, *, action: str, by: User | None, reason: str = "") -> None:
    """Run a pure transition, save the new state and write its event (same transaction)."""
    bound = getattr(request, method)
    if not can_proceed(bound):
        raise WorkflowError(
            _("This request is {state}; it cannot move on this way.").format(
                state=RequestState(request.state).label.lower()
            )
        )
    from_state = request.state
    bound()
    request.save()
    _event(request, action=action, by=by, from_state=from_state, reason=reason)


def _notify(request: ApprovalRequest, action: str) -> None:
    from approvals.tasks import notify_participants

    request_id = request.pk
    transaction.on_commit(lambda: notify_participants.delay(request_id=request_id, action=action))


# --- Requests ----------------------------------------------------------------------------------------------


@transaction.atomic
def create_request(
    *,
    set_version: SetVersion,
    by: User,
    review_mode: str = ReviewMode.SILENCE,
    silence_hours: int | None = None,
    quorum: int | None = None,
    majority: str | None = None,
    note: str = "",
) -> ApprovalRequest:
    """Start a draft request for a set version.

    Steps: check the role; refuse a second live request for the version and a silence shorter than the
    configured minimum; create the draft; write the `create` event.
    """
    if not permissions.can_create_request(by):
        raise NotAllowed(_("Only co-leads can prepare an approval request."))
    live = ApprovalRequest.objects.filter(set_version=set_version).exclude(
        state__in=[RequestState.RETURNED, RequestState.REJECTED]
    )
    if live.exists():
        raise WorkflowError(_("{version} already has an approval request under way.").format(version=set_version))
    hours = conf.silence_hours() if silence_hours is None else silence_hours
    if not conf.min_silence_hours() <= hours <= conf.MAX_SILENCE_HOURS:
        raise InvalidInput(
            _("A silence procedure lasts at least {hours} hours and at most {most}.").format(
                hours=conf.min_silence_hours(), most=conf.MAX_SILENCE_HOURS
            ),
            errors={"silence_hours": [_("Out of range.")]},
        )
    request = ApprovalRequest.objects.create(
        set_version=set_version,
        created_by=by,
        review_mode=review_mode,
        silence_hours=hours,
        quorum=quorum or conf.vote_quorum(),
        majority=majority or conf.vote_majority(),
        note=note,
    )
    _event(request, action=Action.CREATE, by=by, from_state="")
    return request


@transaction.atomic
def submit_request(*, request: ApprovalRequest, by: User) -> ApprovalRequest:
    """Hand the set version to the Executive Committee.

    Steps: check the role; lock; refuse unless draft; refuse while a round on the set is open or a comment has
    no disposition (listing them); freeze the set version if it is not yet; transition; event.
    """
    _require_permission(by, "submit", request)
    request = _locked(request)
    _require_state(request, "submit", RequestState.DRAFT)
    blockers = submission_blockers(request.set_version)
    if blockers:
        raise WorkflowError(
            _("The consultation is not finished: {items}").format(items=" ".join(blockers)), code="incomplete"
        )
    if not request.set_version.is_frozen:
        from indicators.services import freeze_set_version

        request.set_version = freeze_set_version(version=request.set_version, by=by)
    request.submitted_at = timezone.now()
    _transition(request, "submit", action=Action.SUBMIT, by=by)
    _notify(request, Action.SUBMIT)
    return request


@transaction.atomic
def open_review(*, request: ApprovalRequest, by: User) -> ApprovalRequest:
    """Circulate a submitted request to the ExCom: votes open, or the silence procedure starts now.

    Steps: check the role; lock; refuse unless submitted; stamp the opening and, for silence, the deadline
    (now + the request's hours); transition; event; notify the members after commit.
    """
    _require_permission(by, "open_review", request)
    request = _locked(request)
    _require_state(request, "open_review", RequestState.SUBMITTED)
    now = timezone.now()
    request.review_opened_at = now
    if request.review_mode == ReviewMode.SILENCE:
        request.silence_deadline = now + timedelta(hours=request.silence_hours)
    _transition(request, "open_review", action=Action.OPEN_REVIEW, by=by)
    _notify(request, Action.OPEN_REVIEW)
    return request


@transaction.atomic
def cast_vote(*, request: ApprovalRequest, by: User, choice: str, reason: str = "") -> Vote:
    """Record an ExCom member's vote, and decide the request once the quorum has voted.

    Steps: check the role; lock; refuse unless in review by vote; refuse a second vote (the unique constraint
    is the last word); require a reason for an objection; write the vote and its event; when the quorum is
    reached, approve and publish, or return the request, in the same transaction.
    """
    _require_permission(by, "vote", request)
    request = _locked(request)
    _require_state(request, "vote", RequestState.IN_REVIEW)
    if request.review_mode != ReviewMode.VOTE:
        raise WorkflowError(_("This request is under silence procedure: object in writing to break silence."))
    if choice not in VoteChoice.values:
        raise InvalidInput(_("Vote approve, object or abstain."), errors={"choice": [_("Unknown vote.")]})
    reason = _require_reason(reason) if choice == VoteChoice.OBJECT else (reason or "").strip()
    if request.votes.filter(voter=by).exists():
        raise WorkflowError(_("You have already voted on this request; a vote cannot be changed."))
    vote = Vote.objects.create(request=request, voter=by, choice=choice, reason=reason)
    _event(request, action=Action.VOTE, by=by, from_state=request.state, reason=f"{choice}: {reason}".strip(": "))
    outcome = request.vote_outcome()
    if outcome == RequestState.APPROVED:
        _approve_and_publish(request, reason=_("Approved by vote."))
    elif outcome == RequestState.RETURNED:
        rule = MajorityRule(request.majority).label
        _transition(
            request,
            "return_to_co_leads",
            action=Action.RETURN,
            by=None,
            reason=_("The vote did not meet the rule “{rule}”.").format(rule=rule),
        )
        request.decided_at = timezone.now()
        request.save(update_fields=["decided_at"])
        _notify(request, Action.RETURN)
    return vote


@transaction.atomic
def object_to_request(*, request: ApprovalRequest, by: User, reason: str) -> ApprovalRequest:
    """Break silence: a written objection returns the request to the co-leads at once.

    Steps: check the role; require a reason; lock; read the clock after the lock and refuse at or after the
    deadline (time has approved it); refuse unless in review by silence; write the objection event; return
    the request with the same reason.
    """
    _require_permission(by, "object", request)
    reason = _require_reason(reason)
    request = _locked(request)
    _refuse_when_time_decided(request)
    _require_state(request, "object", RequestState.IN_REVIEW)
    if request.review_mode != ReviewMode.SILENCE:
        raise WorkflowError(_("This request is decided by vote: vote “object” with your reason."))
    _event(request, action=Action.OBJECT, by=by, from_state=request.state, reason=reason)
    request.decided_at = timezone.now()
    _transition(request, "return_to_co_leads", action=Action.RETURN, by=by, reason=reason)
    _notify(request, Action.RETURN)
    return request


def _record_decision(
    *, request: ApprovalRequest, by: User, reason: str, action: str, method: str
) -> ApprovalRequest:
    _require_permission(by, action, request)
    reason = _require_reason(reason)
    request = _locked(request)
    _refuse_when_time_decided(request)
    _require_state(request, action, RequestState.SUBMITTED, RequestState.IN_REVIEW)
    request.decided_at = timezone.now()
    _transition(request, method, action=action, by=by, reason=reason)
    _notify(request, action)
    return request


@transaction.atomic
def return_request(*, request: ApprovalRequest, by: User, reason: str) -> ApprovalRequest:
    """Record the Committee's decision to return the request to the co-leads, with its reason.

    Steps: check the role; require a reason; lock; refuse when time has approved it or the state is not
    submitted / in review; transition; event; notify.
    """
    return _record_decision(
        request=request, by=by, reason=reason, action=Action.RETURN, method="return_to_co_leads"
    )


@transaction.atomic
def reject_request(*, request: ApprovalRequest, by: User, reason: str) -> ApprovalRequest:
    """Record the Committee's rejection of the set version, with its reason (same steps as returning)."""
    return _record_decision(request=request, by=by, reason=reason, action=Action.REJECT, method="reject")


@transaction.atomic
def settle_request(*, request: ApprovalRequest) -> bool:
    """Record the approval that time has decided: True when this call recorded it.

    Steps: lock; if the silence deadline has passed with the request still in review, approve (no actor),
    publish and notify; otherwise do nothing (an objection or another settle came first).
    """
    request = _locked(request)
    if not request.silence_has_ended():
        return False
    _approve_and_publish(request, reason=_("No objection by the deadline: approved by silence procedure."))
    return True


def settle_due_requests() -> int:
    """Settle every silence procedure past its deadline, each in its own transaction; the number settled."""
    from approvals.selectors import due_silence_requests

    return sum(settle_request(request=request) for request in due_silence_requests())


def _approve_and_publish(request: ApprovalRequest, *, reason: str) -> Publication:
    request.decided_at = timezone.now()
    _transition(request, "approve", action=Action.APPROVE, by=None, reason=reason)
    publication = _create_publication(request)
    _transition(request, "publish", action=Action.PUBLISH, by=None, reason=publication.version)
    publication_id = publication.pk
    from approvals.tasks import build_publication_files_task

    transaction.on_commit(lambda: build_publication_files_task.delay(publication_id=publication_id))
    _notify(request, Action.PUBLISH)
    return publication


# --- Publications ------------------------------------------------------------------------------------------


def _create_publication(request: ApprovalRequest) -> Publication:
    """Number, snapshot and hash the approved set version, once (numbering serialised by an advisory lock)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PUBLICATION_LOCK])
    now = timezone.now()
    year = now.year
    last = Publication.objects.filter(year=year).order_by("-number").first()
    number = (last.number if last else 0) + 1
    version = f"{year}.{number}"
    previous = Publication.objects.order_by("-published_at", "-id").first()
    data = build_snapshot(version=version, published_at=now.isoformat(), set_version=request.set_version)
    content = canonical_bytes(data)
    old = _indicators_of(previous)
    selectors.forget_snapshot(version)
    return Publication.objects.create(
        version=version,
        year=year,
        number=number,
        request=request,
        set_version=request.set_version,
        previous=previous,
        published_at=now,
        indicator_count=len(data["indicators"]),
        snapshot=content.decode("utf-8"),
        sha256=sha256_hex(content),
        change_log=change_log(old, data["indicators"]) if previous else {},
    )


def _indicators_of(publication: Publication | None) -> list[dict[str, Any]]:
    if publication is None:
        return []
    from approvals.selectors import snapshot_data

    return snapshot_data(publication)["indicators"]


def publication_file_bytes(*, publication: Publication, fmt: str) -> bytes:
    """The bytes of one download, derived from the snapshot alone (so that they never drift from it)."""
    from approvals.selectors import snapshot_data

    if fmt == FileFormat.JSON:
        return publication.snapshot_bytes
    if fmt == FileFormat.SDMX:
        return structure_message(snapshot_data(publication))
    rows = table_rows(snapshot_data(publication)["indicators"])
    if fmt == FileFormat.XLSX:
        return xlsx_bytes(headers=TABLE_HEADERS, rows=rows, title=f"GCM indicators {publication.version}")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(TABLE_HEADERS)
    for row in rows:
        writer.writerow(["" if cell is None else neutralise(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


@transaction.atomic
def build_publication_files(*, publication: Publication) -> list[PublicationFile]:
    """Build the CSV, XLSX, JSON and SDMX-ML downloads of a publication that are still missing (idempotent).

    Steps: lock the publication's numbering row set by reading existing files; build each missing format
    from the snapshot; store its bytes, size and SHA-256 (insert-only rows).
    """
    Publication.objects.select_for_update().filter(pk=publication.pk).values_list("pk", flat=True).first()
    existing = set(PublicationFile.objects.filter(publication=publication).values_list("format", flat=True))
    built = []
    for fmt in FileFormat.values:
        if fmt in existing:
            continue
        content = publication_file_bytes(publication=publication, fmt=fmt)
        built.append(
            PublicationFile.objects.create(
                publication=publication, format=fmt, content=content, sha256=sha256_hex(content), size=len(content)
            )
        )
    return built


def recompute_snapshot_hash(publication: Publication) -> str:
    """Parse the stored snapshot, serialise it canonically again and hash it: equals `sha256` when intact."""
    import json

    return sha256_hex(canonical_bytes(json.loads(publication.snapshot)))


def set_version_preview(version: SetVersion) -> list[dict[str, Any]]:
    return set_version_records(version)
