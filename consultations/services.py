"""Writes of the consultations app. Views, the API, admin actions and tasks call these, nothing else.

Time decides: every write that adds or changes a comment or a submission compares `timezone.now()` with the
round's `closes_at` itself, whether or not the tidy-up job has closed the round yet.
"""

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import has_transition_perm

from accounts.models import Organisation, User
from config.errors import DeadlinePassed, Immutable, InvalidInput, NotAllowed, WorkflowError
from consultations import conf, permissions, selectors
from consultations.choices import CommentKind, JobKind, JobState, Outcome, RoundState, Stance, SubmissionState
from consultations.models import Comment, Disposition, Round, RoundJob, Submission
from consultations.synthesis import compute_synthesis
from indicators.models import IndicatorRevision, SetVersion
from indicators.services import freeze_set_version


def format_moment(moment: datetime) -> str:
    """A deadline as people read it in messages: `27 November 2026, 18:00:00 UTC`."""
    return moment.astimezone(UTC).strftime("%d %B %Y, %H:%M:%S UTC").lstrip("0")


def _enqueue(task: Any, **kwargs: object) -> None:
    transaction.on_commit(lambda: task.delay(**kwargs))


def _refuse_unless_open(round_: Round, now: datetime) -> None:
    if round_.is_open_at(now):
        return
    if now >= round_.closes_at or round_.state in (RoundState.CLOSED, RoundState.SYNTHESISED):
        raise DeadlinePassed(
            _("This round closed on %(deadline)s; comments and submissions are no longer accepted.")
            % {"deadline": format_moment(round_.closes_at)}
        )
    if round_.state == RoundState.PLANNED:
        raise WorkflowError(_("This round has not been opened yet."))
    raise WorkflowError(
        _("This round opens on %(moment)s; come back then.") % {"moment": format_moment(round_.opens_at)}
    )


# --- Rounds ------------------------------------------------------------------------------------------------


def _thresholds(green: object, grey: object) -> tuple[Decimal, Decimal]:
    try:
        green_max, grey_min = Decimal(str(green)), Decimal(str(grey))
    except InvalidOperation:
        raise InvalidInput(_("Thresholds are shares between 0 and 1, such as 0.25.")) from None
    if not (0 <= green_max < grey_min <= 1):
        raise InvalidInput(
            _("The green threshold must be below the grey threshold, both between 0 and 1."),
            errors={"green_max_oppose": [_("Must be below the grey threshold.")]},
        )
    return green_max, grey_min


@transaction.atomic
def create_round(
    *,
    set_version: SetVersion,
    title: str,
    opens_at: datetime,
    closes_at: datetime,
    by: User,
    instructions: str = "",
    audience_kinds: Sequence[str] = (),
    audience_regions: Sequence[str] = (),
    invited_organisations: Sequence[Organisation] = (),
    criteria: Sequence[str] | None = None,
    green_max_oppose: object = conf.DEFAULT_GREEN_MAX_OPPOSE,
    grey_min_oppose: object = conf.DEFAULT_GREY_MIN_OPPOSE,
    hide_organisation_names: bool = False,
) -> Round:
    """Plan a round on a set version.

    Steps: check the co-lead role; check dates and thresholds; create the planned round; invite organisations.
    """
    if not permissions.can_manage_rounds_for(by):
        raise NotAllowed(_("Only co-leads can plan consultation rounds."))
    if closes_at <= opens_at:
        raise InvalidInput(
            _("A round must close after it opens."), errors={"closes_at": [_("After the opening.")]}
        )
    green, grey = _thresholds(green_max_oppose, grey_min_oppose)
    round_ = Round.objects.create(
        set_version=set_version,
        title=title,
        instructions=instructions,
        opens_at=opens_at,
        closes_at=closes_at,
        audience_kinds=list(audience_kinds),
        audience_regions=list(audience_regions),
        criteria=list(criteria) if criteria else list(conf.DEFAULT_CRITERIA),
        green_max_oppose=green,
        grey_min_oppose=grey,
        hide_organisation_names=hide_organisation_names,
        created_by=by,
    )
    round_.invited_organisations.set(invited_organisations)
    return round_


@transaction.atomic
def set_round_thresholds(*, round: Round, green_max_oppose: object, grey_min_oppose: object, by: User) -> Round:
    """Change the classification thresholds of a round; a stored synthesis is reclassified at its next run.

    Steps: check the co-lead role; validate; save.
    """
    if not permissions.can_manage_rounds_for(by):
        raise NotAllowed(_("Only co-leads can change the thresholds of a round."))
    round.green_max_oppose, round.grey_min_oppose = _thresholds(green_max_oppose, grey_min_oppose)
    round.save(update_fields=["green_max_oppose", "grey_min_oppose"])
    return round


@transaction.atomic
def open_round(*, round: Round, by: User) -> Round:
    """Open a planned round.

    Steps: lock the round; check role and state; refuse a round whose deadline has passed; freeze the set
    version (idempotent); transition to open; after commit, e-mail invitations to the invited focal points.
    """
    from consultations import tasks

    round = Round.objects.select_for_update().get(pk=round.pk)
    if not permissions.can_manage_rounds_for(by):
        raise NotAllowed(_("Only co-leads can open a consultation round."))
    if round.state != RoundState.PLANNED:
        raise WorkflowError(
            _("Only a planned round can be opened; this one is %(state)s.") % {"state": round.get_state_display()}
        )
    if timezone.now() >= round.closes_at:
        raise DeadlinePassed(
            _("This round's deadline (%(deadline)s) has passed; change it before opening the round.")
            % {"deadline": format_moment(round.closes_at)}
        )
    freeze_set_version(version=round.set_version, by=by)
    round.open()
    round.save()
    _enqueue(tasks.send_invitations, round_id=round.pk)
    return round


@transaction.atomic
def close_round(*, round: Round, by: User | None) -> Round:
    """Close an open round; `by=None` is the tidy-up job after the deadline.

    Steps: lock the round; a co-lead closing early moves the deadline to now, the job only closes rounds past
    their deadline; transition to closed; after commit, send the digest to the co-leads.
    """
    from consultations import tasks

    round = Round.objects.select_for_update().get(pk=round.pk)
    if round.state != RoundState.OPEN:
        return round
    now = timezone.now()
    if by is None:
        if now < round.closes_at:
            return round
    elif not has_transition_perm(round.close, by):
        raise NotAllowed(_("Only co-leads can close a consultation round."))
    elif now < round.closes_at:
        round.closes_at = max(now, round.opens_at + timedelta(microseconds=1))
    round.close()
    round.save()
    _enqueue(tasks.send_digest, round_id=round.pk)
    return round


def close_due_rounds() -> list[int]:
    """Close every open round whose deadline has passed (the tidy-up; requests never wait for it)."""
    due = Round.objects.filter(state=RoundState.OPEN, closes_at__lte=timezone.now()).values_list("pk", flat=True)
    closed = []
    for pk in list(due):
        close_round(round=Round(pk=pk), by=None)
        closed.append(pk)
    return closed


@transaction.atomic
def synthesise_round(
    *, round: Round, by: User | None, progress: Callable[[int, int], None] | None = None
) -> Round:
    """Compute and store the synthesis of a closed round.

    Steps: lock the round; refuse while it accepts comments; close it if the deadline passed and no job has
    run yet; compute over the official submissions; store; mark synthesised.
    """
    round = Round.objects.select_for_update().get(pk=round.pk)
    if by is not None and not permissions.can_manage_rounds_for(by):
        raise NotAllowed(_("Only co-leads can synthesise a round."))
    if not round.has_closed_at(timezone.now()):
        raise WorkflowError(
            _("The synthesis is computed after the round closes on %(deadline)s.")
            % {"deadline": format_moment(round.closes_at)}
        )
    if round.state == RoundState.OPEN:
        round.close()
    candidates = [(None, "SET", _("The set as a whole"))] + [
        (revision.pk, revision.indicator.code, revision.title) for revision in version_revisions(round.set_version)
    ]
    comments = selectors.round_comments(round)
    round.synthesis = compute_synthesis(round_=round, candidates=candidates, comments=comments, progress=progress)
    round.synthesised_at = timezone.now()
    round.mark_synthesised()
    round.save()
    return round


def version_revisions(version: SetVersion) -> list[IndicatorRevision]:
    """The revisions a set version lists, in their order, with their indicators."""
    return list(
        IndicatorRevision.objects.filter(set_items__version=version)
        .select_related("indicator")
        .order_by("set_items__position", "set_items__id")
    )


_revision_ids_cache: dict[int, frozenset[int]] = {}


def _revision_ids(version: SetVersion) -> frozenset[int]:
    """Ids of the revisions of a frozen version, cached in the process: a frozen version never changes."""
    ids = _revision_ids_cache.get(version.pk)
    if ids is None:
        ids = frozenset(
            IndicatorRevision.objects.filter(set_items__version_id=version.pk).values_list("pk", flat=True)
        )
        if version.is_frozen:
            _revision_ids_cache[version.pk] = ids
    return ids


# --- Submissions and comments ----------------------------------------------------------------------------


def _clean_comment(round_: Round, data: Mapping[str, Any]) -> dict[str, Any]:
    """Validate comment fields; the errors say what to change."""
    errors: dict[str, list[str]] = {}
    text = (data.get("text") or "").strip()
    proposed = (data.get("proposed_change") or "").strip()
    if not text:
        errors["text"] = [_("Write the comment.")]
    elif len(text) > conf.COMMENT_TEXT_MAX:
        errors["text"] = [
            _("A comment has at most %(max)d characters; this one has %(n)d. Shorten it or split it in two.")
            % {"max": conf.COMMENT_TEXT_MAX, "n": len(text)}
        ]
    if len(proposed) > conf.PROPOSED_CHANGE_MAX:
        errors["proposed_change"] = [
            _("A proposed change has at most %(max)d characters; this one has %(n)d.")
            % {"max": conf.PROPOSED_CHANGE_MAX, "n": len(proposed)}
        ]
    kind = data.get("kind") or CommentKind.GENERAL
    stance = data.get("stance") or Stance.NO_OPINION
    if kind not in CommentKind.values:
        errors["kind"] = [_("Choose general, technical or editorial.")]
    if stance not in Stance.values:
        errors["stance"] = [_("Choose support, support with changes, oppose or no opinion.")]
    revision = data.get("revision")
    if isinstance(revision, int):  # the API passes the id; a frozen version's ids are cached
        revision = IndicatorRevision(pk=revision)
    if revision is not None and revision.pk not in _revision_ids(round_.set_version):
        errors["revision"] = [_("This indicator revision is not in the version consulted in this round.")]
    ratings: dict[str, int] = {}
    for key, value in (data.get("ratings") or {}).items():
        if value in (None, ""):
            continue
        if key not in (round_.criteria or []):
            errors.setdefault("ratings", []).append(_("%(key)s is not a criterion of this round.") % {"key": key})
            continue
        try:
            score = int(value)
        except (TypeError, ValueError):
            score = 0
        if not 1 <= score <= 5:
            errors.setdefault("ratings", []).append(_("Ratings are whole numbers from 1 to 5."))
        ratings[key] = score
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors=errors)
    return {
        "text": text,
        "proposed_change": proposed,
        "kind": kind,
        "stance": stance,
        "revision": revision,
        "ratings": ratings,
    }


def _lock_draft(round_: Round, organisation: Organisation, by: User) -> Submission:
    """The organisation's draft in the round, locked; created (as a correction when needed) if missing."""
    draft = (
        Submission.objects.select_for_update()
        .filter(round=round_, organisation=organisation, state=SubmissionState.DRAFT)
        .first()
    )
    if draft is not None:
        return draft
    current = selectors.official_submissions(round_).filter(organisation=organisation).first()
    try:
        with transaction.atomic():
            draft = Submission.objects.create(round=round_, organisation=organisation, supersedes=current)
    except IntegrityError:  # a colleague created it at the same moment
        return Submission.objects.select_for_update().get(
            round=round_, organisation=organisation, state=SubmissionState.DRAFT
        )
    if current is not None:
        Comment.objects.bulk_create(
            Comment(
                submission=draft,
                revision_id=old.revision_id,
                kind=old.kind,
                stance=old.stance,
                text=old.text,
                proposed_change=old.proposed_change,
                ratings=old.ratings,
                author_id=old.author_id,
                copied_from=old,
            )
            for old in current.comments.all()
        )
    return draft


def _require_participant(round_: Round, by: User) -> Organisation:
    if not permissions.can_take_part(by, round_):
        raise NotAllowed(_("Your organisation is not invited to this round."))
    assert by.organisation is not None
    return by.organisation


@transaction.atomic
def start_correction(*, round: Round, by: User) -> Submission:
    """Start (or return) the organisation's draft; after a submission it is a correction copying its comments.

    Steps: check the deadline and the invitation; lock or create the draft.
    """
    _refuse_unless_open(round, timezone.now())
    organisation = _require_participant(round, by)
    return _lock_draft(round, organisation, by)


@transaction.atomic
def add_comment(*, round: Round, by: User, **fields: Any) -> Comment:
    """Add a comment to the organisation's draft in the round.

    Steps: check the deadline; check the invitation; validate text, lengths, revision and ratings; lock or
    create the draft (a correction of the submitted position if there is one); store the comment.
    """
    _refuse_unless_open(round, timezone.now())
    organisation = _require_participant(round, by)
    data = _clean_comment(round, fields)
    draft = _lock_draft(round, organisation, by)
    draft.organisation = organisation
    comment = Comment.objects.create(submission=draft, author=by, **data)
    Comment.disposition.related.set_cached_value(comment, None)  # a new comment has no answer yet
    return comment


def _lock_editable(comment: Comment, by: User) -> Comment:
    comment = Comment.objects.select_related("submission__round", "submission__organisation").get(pk=comment.pk)
    submission = Submission.objects.select_for_update().get(pk=comment.submission_id)
    comment.submission = submission
    _refuse_unless_open(comment.round, timezone.now())
    if submission.is_submitted:
        raise Immutable(_("This comment was submitted and can never change; start a correction instead."))
    if not permissions.can_draft_in(by, submission):
        raise NotAllowed(
            _("Only members of %(organisation)s can change its comments.")
            % {"organisation": submission.organisation}
        )
    return comment


@transaction.atomic
def update_comment(*, comment: Comment, by: User, **fields: Any) -> Comment:
    """Change a draft comment.

    Steps: lock the submission; check deadline, draft state and membership; validate; save.
    """
    comment = _lock_editable(comment, by)
    current = {
        "text": comment.text,
        "proposed_change": comment.proposed_change,
        "kind": comment.kind,
        "stance": comment.stance,
        "revision": comment.revision,
        "ratings": comment.ratings,
    }
    data = _clean_comment(comment.round, {**current, **fields})
    for name, value in data.items():
        setattr(comment, name, value)
    comment.save()
    return comment


@transaction.atomic
def delete_comment(*, comment: Comment, by: User) -> None:
    """Remove a draft comment. Steps: lock the submission; check deadline, draft state and membership; delete."""
    _lock_editable(comment, by).delete()


@transaction.atomic
def submit_submission(*, submission: Submission, by: User) -> Submission:
    """The focal point submits the organisation's official position.

    Steps: lock the submission; refuse if already submitted; check the deadline; check that `by` is the
    organisation's focal point; refuse an empty submission; transition and stamp who and when; after commit,
    e-mail a receipt to the focal point.
    """
    from consultations import tasks

    submission = (
        Submission.objects.select_for_update().select_related("round", "organisation").get(pk=submission.pk)
    )
    if submission.is_submitted:
        raise Immutable(_("This submission was already submitted and can never change; start a correction."))
    _refuse_unless_open(submission.round, timezone.now())
    if not has_transition_perm(submission.submit, by):
        raise NotAllowed(
            _("Only the focal point of %(organisation)s can submit its official position.")
            % {"organisation": submission.organisation}
        )
    if not submission.comments.exists():
        raise InvalidInput(_("Add at least one comment before submitting."))
    submission.submit()
    submission.submitted_by = by
    submission.submitted_at = timezone.now()
    submission.save()
    _enqueue(tasks.send_receipt, submission_id=submission.pk)
    return submission


@transaction.atomic
def submit_draft(*, round: Round, by: User) -> Submission:
    """Submit the organisation's current draft in the round (the API's one-call submit).

    Steps: check the deadline and the invitation; find the draft; submit it as `submit_submission` does.
    """
    _refuse_unless_open(round, timezone.now())
    organisation = _require_participant(round, by)
    draft = selectors.draft_of(round, organisation)
    if draft is None:
        raise WorkflowError(_("Your organisation has no draft in this round; add comments first."))
    return submit_submission(submission=draft, by=by)


# --- Dispositions ------------------------------------------------------------------------------------------


@transaction.atomic
def record_disposition(
    *,
    comment: Comment,
    outcome: str,
    by: User,
    reason: str = "",
    implemented_by: IndicatorRevision | None = None,
) -> Disposition:
    """Record (or change) the co-leads' answer to a submitted comment.

    Steps: check the co-lead role; check the comment is part of a submitted position; validate outcome,
    reason length and that the implementing revision belongs to the commented indicator; upsert.
    """
    if not permissions.can_answer_comments(by):
        raise NotAllowed(_("Only co-leads answer comments."))
    comment = Comment.objects.select_related("submission", "revision").get(pk=comment.pk)
    if not comment.submission.is_submitted:
        raise WorkflowError(_("A draft comment cannot be answered; wait until it is submitted."))
    if outcome not in Outcome.values:
        raise InvalidInput(_("Choose an outcome."), errors={"outcome": [_("Choose an outcome.")]})
    if len(reason) > conf.DISPOSITION_REASON_MAX:
        raise InvalidInput(
            _("A reason has at most %(max)d characters.") % {"max": conf.DISPOSITION_REASON_MAX},
            errors={"reason": [_("Too long.")]},
        )
    if (
        implemented_by is not None
        and comment.revision is not None
        and implemented_by.indicator_id != comment.revision.indicator_id
    ):
        raise InvalidInput(
            _("The implementing revision must be a revision of the indicator commented on."),
            errors={"implemented_by": [_("Another indicator's revision.")]},
        )
    disposition, _created = Disposition.objects.update_or_create(
        comment=comment,
        defaults={
            "outcome": outcome,
            "reason": reason.strip(),
            "implemented_by": implemented_by,
            "decided_by": by,
        },
    )
    return disposition


# --- Jobs with progress ------------------------------------------------------------------------------------


@transaction.atomic
def request_job(*, round: Round, kind: str, by: User) -> RoundJob:
    """Ask a worker for a synthesis or a matrix export. Steps: check role; create the job; enqueue it."""
    from consultations import tasks

    if not permissions.can_answer_comments(by):
        raise NotAllowed(_("Only co-leads can run syntheses and exports."))
    if kind not in JobKind.values:
        raise InvalidInput(_("Unknown job."))
    job = RoundJob.objects.create(round=round, kind=kind, requested_by=by)
    _enqueue(tasks.run_round_job, job_id=job.pk)
    return job


def _job_progress(job: RoundJob) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        RoundJob.objects.filter(pk=job.pk).update(done=done, total=total)

    return report


def run_job(*, job: RoundJob) -> RoundJob:
    """Run a job once (a second delivery of a finished job does nothing).

    Steps: claim the pending job; run the synthesis or build the export file, reporting progress; store the
    result and mark it done, or failed with the message.
    """
    from consultations import exports

    claimed = RoundJob.objects.filter(pk=job.pk, state=JobState.PENDING).update(state=JobState.RUNNING)
    if not claimed:
        return RoundJob.objects.get(pk=job.pk)
    job.refresh_from_db()
    try:
        if job.kind == JobKind.SYNTHESIS:
            synthesise_round(round=job.round, by=None, progress=_job_progress(job))
            job.result, job.filename = None, ""
        else:
            fmt = "xlsx" if job.kind == JobKind.MATRIX_XLSX else "csv"
            job.result = exports.matrix_bytes(job.round, fmt, progress=_job_progress(job))
            job.filename = f"{exports.matrix_filename(job.round)}.{fmt}"
    except Exception as error:  # noqa: BLE001 - the message is shown to the co-lead on the job page
        RoundJob.objects.filter(pk=job.pk).update(
            state=JobState.FAILED, error=str(getattr(error, "message", error)), finished_at=timezone.now()
        )
        return RoundJob.objects.get(pk=job.pk)
    job.state, job.finished_at = JobState.DONE, timezone.now()
    job.done = job.total = max(job.total, 1)
    job.save(update_fields=["state", "finished_at", "result", "filename", "done", "total"])
    return job
