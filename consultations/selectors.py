"""Reads of the consultations app that are reused by views, the API, tasks and the approvals app.

Lists cost a fixed number of queries whatever their length.
"""

from collections import Counter
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.permissions import AnyUser, is_co_lead, is_staff_of_workstream
from consultations.choices import Outcome, RoundState, SubmissionState
from consultations.models import Comment, Disposition, Round, Submission
from consultations.permissions import can_see_all_comments


def _superseded_by_submitted() -> Exists:
    return Exists(Submission.objects.filter(supersedes=OuterRef("pk"), state=SubmissionState.SUBMITTED))


def official_submissions(round_: Round | None = None) -> QuerySet[Submission]:
    """Submitted submissions that no later submitted correction replaces: each organisation's position."""
    queryset = Submission.objects.filter(state=SubmissionState.SUBMITTED).exclude(_superseded_by_submitted())
    return queryset.filter(round=round_) if round_ is not None else queryset


def answerable_comments() -> QuerySet[Comment]:
    """Comments of official submissions: the ones the co-leads answer."""
    return Comment.objects.filter(submission__in=official_submissions())


def round_comments(round_: Round) -> QuerySet[Comment]:
    """The comments of a round's official submissions, ready for the matrix (one query)."""
    return (
        answerable_comments()
        .filter(submission__round=round_)
        .select_related(
            "submission__organisation",
            "submission__submitted_by",
            "revision__indicator",
            "disposition__implemented_by__indicator",
            "disposition__decided_by",
            "author",
        )
        .order_by("revision__indicator__code", "revision_id", "submission__organisation__name", "pk")
    )


# --- For the approvals app --------------------------------------------------------------------------------------


def rounds_for_set_version(version: Any) -> QuerySet[Round]:
    """Every round held on the set version, newest first."""
    return Round.objects.filter(set_version=version).order_by("-closes_at", "-pk")


def comments_without_disposition(version: Any) -> QuerySet[Comment]:
    """Comments of official submissions on rounds of that version that the co-leads have not answered."""
    return (
        answerable_comments()
        .filter(submission__round__set_version=version, disposition__isnull=True)
        .select_related("submission__organisation", "submission__round", "revision__indicator")
    )


def synthesis_for_round(round_: Round) -> dict[str, Any] | None:
    """The stored synthesis of the round (see consultations.synthesis), or None before it is computed."""
    return round_.synthesis


def disposition_counts(version: Any) -> dict[str, int]:
    """How many answered comments of the version's rounds had each outcome, every outcome present."""
    rows = (
        Disposition.objects.filter(comment__in=answerable_comments())
        .filter(comment__submission__round__set_version=version)
        .values_list("outcome")
        .annotate(n=Count("pk"))
    )
    counts = dict.fromkeys(Outcome.values, 0)
    counts.update(dict(rows))
    return counts


# --- Rounds, submissions, comments -----------------------------------------------------------------------------


def rounds_visible_to(user: AnyUser) -> QuerySet[Round]:
    """Co-leads and the secretariat see every round; others see rounds that have opened."""
    queryset = Round.objects.select_related("set_version").order_by("-closes_at", "-pk")
    if is_staff_of_workstream(user):
        return queryset
    return queryset.exclude(state=RoundState.PLANNED)


def open_rounds_for(user: AnyUser) -> list[Round]:
    """Rounds accepting comments now to which the user's organisation is invited."""
    now = timezone.now()
    organisation = getattr(user, "organisation", None)
    rounds = (
        Round.objects.filter(state=RoundState.OPEN, opens_at__lte=now, closes_at__gt=now)
        .prefetch_related("invited_organisations")
        .order_by("closes_at")
    )
    return [r for r in rounds if is_staff_of_workstream(user) or r.invites(organisation)]


def draft_of(round_: Round, organisation: Any) -> Submission | None:
    return Submission.objects.filter(round=round_, organisation=organisation, state=SubmissionState.DRAFT).first()


def submissions_of(round_: Round, organisation: Any) -> QuerySet[Submission]:
    """The organisation's submissions in the round, newest first, with comments and their revisions."""
    return (
        Submission.objects.filter(round=round_, organisation=organisation)
        .select_related("submitted_by", "supersedes", "organisation")
        .prefetch_related(
            Prefetch("comments", queryset=Comment.objects.select_related("revision__indicator", "author"))
        )
        .order_by("-pk")
    )


def comments_visible_to(user: AnyUser, round_: Round) -> QuerySet[Comment]:
    """Own organisation's comments (drafts included); all official comments when the user may see them."""
    own = Q(submission__organisation_id=getattr(user, "organisation_id", None) or 0)
    queryset = Comment.objects.filter(submission__round=round_)
    if can_see_all_comments(user, round_):
        queryset = queryset.filter(own | Q(submission__in=official_submissions(round_)))
    else:
        queryset = queryset.filter(own)
    return queryset.select_related(
        "submission__organisation", "submission__round", "revision__indicator", "author", "disposition"
    ).order_by("pk")


def matrix_progress(round_: Round) -> dict[str, int]:
    """How many of the round's answerable comments have a disposition."""
    comments = answerable_comments().filter(submission__round=round_)
    total = comments.count()
    answered = comments.filter(disposition__isnull=False).count()
    return {"total": total, "answered": answered, "percent": int(100 * answered / total) if total else 100}


def stance_totals(comments: list[Comment]) -> Counter[str]:
    return Counter(comment.stance for comment in comments)


def comments_awaiting_answer(user: AnyUser) -> QuerySet[Comment]:
    if not is_co_lead(user):
        return Comment.objects.none()
    return answerable_comments().filter(disposition__isnull=True)


def focal_points_of(organisation_ids: Any) -> QuerySet[User]:
    return User.objects.filter(organisation_id__in=organisation_ids, is_focal_point=True, is_active=True)
