"""Reused reads of approvals, each a fixed number of queries whatever the number of rows."""

import json
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.permissions import AnyUser
from approvals import permissions
from approvals.choices import RequestState, ReviewMode, VoteChoice
from approvals.models import ApprovalEvent, ApprovalRequest, Publication, PublicationFile, Vote
from consultations.choices import RoundState, Stance, SubmissionState
from consultations.models import Comment, Round
from consultations.selectors import answerable_comments
from indicators.models import SetVersion


def requests_visible_to(user: AnyUser) -> QuerySet[ApprovalRequest]:
    """The approval requests a user follows (none for others), newest first, with their set and publication."""
    if not permissions.can_see_requests(user):
        return ApprovalRequest.objects.none()
    return (
        ApprovalRequest.objects.select_related("set_version__limited_set", "created_by", "publication")
        .annotate(vote_count=Count("votes"))
        .order_by("-created_at", "-id")
    )


def request_detail(pk: int) -> ApprovalRequest:
    """One request with its votes and timeline, ready for the review page."""
    return (
        ApprovalRequest.objects.select_related("set_version__limited_set", "created_by", "publication")
        .prefetch_related(
            Prefetch("votes", queryset=Vote.objects.select_related("voter__organisation")),
            Prefetch("events", queryset=ApprovalEvent.objects.select_related("actor__organisation")),
        )
        .get(pk=pk)
    )


def frozen_set_versions() -> QuerySet[SetVersion]:
    return SetVersion.objects.filter(frozen_at__isnull=False).select_related("limited_set")


def rounds_on_set(version: SetVersion) -> QuerySet[Round]:
    """Every consultation round on any version of the version's limited set."""
    return Round.objects.filter(set_version__limited_set_id=version.limited_set_id).select_related("set_version")


def _official_comments(version: SetVersion) -> QuerySet[Comment]:
    """Comments of official positions (corrections replace earlier ones) in rounds on the set: each needs an
    answer."""
    return answerable_comments().filter(submission__round__set_version__limited_set_id=version.limited_set_id)


def submission_blockers(version: SetVersion) -> list[str]:
    """What stops the set version being submitted, in words a co-lead can act on; empty when nothing does."""
    blockers: list[str] = []
    now = timezone.now()
    for round_ in rounds_on_set(version):
        if not round_.has_closed_at(now):
            blockers.append(
                _("Consultation round “{title}” is {state}: close it first.").format(
                    title=round_.title, state=RoundState(round_.state_at(now)).label.lower()
                )
            )
    missing = list(
        _official_comments(version)
        .filter(disposition__isnull=True)
        .select_related("submission__organisation", "submission__round", "revision__indicator")
        .order_by("submission__round_id", "pk")[:51]
    )
    for comment in missing[:50]:
        subject = comment.revision.indicator.code if comment.revision_id else _("the set as a whole")
        blockers.append(
            _("Comment #{pk} by {organisation} on {subject} (round “{round}”) has no disposition.").format(
                pk=comment.pk,
                organisation=comment.submission.organisation,
                subject=subject,
                round=comment.submission.round.title,
            )
        )
    if len(missing) > 50:
        blockers.append(_("… and more comments without a disposition."))
    return blockers


def disposition_counts(version: SetVersion) -> dict[str, int]:
    """How many comments on the set were accepted, partially accepted, ...; `none` counts the unanswered."""
    rows = _official_comments(version).values("disposition__outcome").annotate(n=Count("pk"))
    return {(row["disposition__outcome"] or "none"): row["n"] for row in rows}


@dataclass
class RoundSummary:
    round: Round
    organisations: int
    comments: int
    stances: dict[str, int]
    candidates: list[dict[str, Any]]


def consultation_synthesis(version: SetVersion) -> list[RoundSummary]:
    """Per round on the set: responding organisations, comments, and comments by stance."""
    rounds = list(
        rounds_on_set(version).annotate(
            organisations=Count(
                "submissions__organisation",
                filter=Q(submissions__state=SubmissionState.SUBMITTED),
                distinct=True,
            )
        )
    )
    stance_rows = (
        _official_comments(version).values("submission__round_id", "stance").annotate(n=Count("pk")).order_by()
    )
    stances: dict[int, dict[str, int]] = {}
    for row in stance_rows:
        stances.setdefault(row["submission__round_id"], {})[row["stance"]] = row["n"]
    return [
        RoundSummary(
            round=round_,
            organisations=round_.organisations,
            comments=sum(stances.get(round_.pk, {}).values()),
            stances={str(label): stances.get(round_.pk, {}).get(value, 0) for value, label in Stance.choices},
            candidates=list((round_.synthesis or {}).get("candidates") or []),
        )
        for round_ in rounds
    ]


def previous_set_version(version: SetVersion) -> SetVersion | None:
    return (
        SetVersion.objects.filter(limited_set_id=version.limited_set_id, number__lt=version.number)
        .order_by("-number")
        .first()
    )


def vote_tally(request: ApprovalRequest) -> dict[str, int]:
    counts = dict.fromkeys(VoteChoice.values, 0)
    for vote in request.votes.all():
        counts[vote.choice] += 1
    return counts


def excom_members() -> QuerySet[User]:
    return User.objects.filter(groups__name="excom_member", is_active=True).select_related("organisation")


def due_silence_requests() -> QuerySet[ApprovalRequest]:
    """Silence procedures whose deadline has passed but whose approval is not yet recorded."""
    return ApprovalRequest.objects.filter(
        state=RequestState.IN_REVIEW, review_mode=ReviewMode.SILENCE, silence_deadline__lte=timezone.now()
    )


# --- Publications ------------------------------------------------------------------------------------------


def publications() -> QuerySet[Publication]:
    return Publication.objects.defer("snapshot").select_related("set_version__limited_set")


def latest_publication() -> Publication | None:
    return Publication.objects.order_by("-published_at", "-id").first()


def publication_files(publication: Publication) -> dict[str, PublicationFile]:
    files = PublicationFile.objects.filter(publication=publication).defer("content")
    return {file.format: file for file in files}


_parsed: dict[str, dict[str, Any]] = {}


def snapshot_data(publication: Publication) -> dict[str, Any]:
    """The parsed snapshot, kept in process memory by version: a publication never changes."""
    data = _parsed.get(publication.sha256)
    if data is None:
        data = json.loads(publication.snapshot)
        _parsed[publication.sha256] = data
    return data


def publication_indicators(
    publication: Publication,
    *,
    objective: int | str | None = None,
    sdg: str = "",
    tier: str = "",
    dimension: str = "",
) -> list[dict[str, Any]]:
    """The indicators of a publication, filtered by GCM objective number, SDG code, tier and dimension."""
    items = snapshot_data(publication)["indicators"]
    if objective:
        items = [i for i in items if any(o["number"] == int(objective) for o in i["gcm_objectives"])]
    if sdg:
        items = [i for i in items if any(s["code"] == sdg for s in i["sdg_indicators"])]
    if tier:
        items = [i for i in items if i["tier"] == tier]
    if dimension:
        items = [i for i in items if any(d["dimension"] == dimension for d in i["disaggregation"])]
    return items


# A publication never changes, so each process keeps the bytes of those it has served, keyed by version: the
# public API then answers from memory (see `make bench`).
_SNAPSHOTS: dict[str, tuple[bytes, str]] = {}


def stored_snapshot(version: str, publication: Publication | None = None) -> tuple[bytes, str] | None:
    """The canonical bytes and SHA-256 of a publication, read from the database once per process."""
    stored = _SNAPSHOTS.get(version)
    if stored is None:
        if publication is None:
            publication = Publication.objects.only("version", "snapshot", "sha256").filter(version=version).first()
            if publication is None:
                return None
        stored = _SNAPSHOTS[version] = (bytes(publication.snapshot_bytes), publication.sha256)
    return stored


def forget_snapshot(version: str) -> None:
    """Drop a version from the process's memory (a test database may publish the same version again)."""
    _SNAPSHOTS.pop(version, None)
