"""Reused reads of the documents app, each a fixed number of queries whatever the number of rows."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.permissions import AnyUser
from approvals.choices import RequestState
from approvals.models import Publication
from approvals.selectors import requests_visible_to
from consultations.models import Round
from consultations.selectors import rounds_visible_to
from documents import permissions
from documents.models import CalendarToken, Document

# The bytes are loaded only by the download views.
HEAVY_FIELDS = ("pdf", "archive")


def documents_visible_to(user: AnyUser) -> QuerySet[Document]:
    if not permissions.can_see_documents(user):
        return Document.objects.none()
    return Document.objects.defer(*HEAVY_FIELDS).select_related("publication", "round", "created_by")


def publications_for_documents() -> QuerySet[Publication]:
    return Publication.objects.defer("snapshot", "change_log").order_by("-published_at", "-id")


def rounds_for_documents() -> QuerySet[Round]:
    return Round.objects.order_by("-closes_at", "-pk")


def user_for_calendar_token(token: str) -> User | None:
    """The active user whose private feed address carries this token, or None."""
    found = CalendarToken.objects.select_related("user").filter(token=token, user__is_active=True).first()
    return found.user if found else None


@dataclass
class PlanEvent:
    """One entry of the consultation plan: a round, a round's deadline or an ExCom procedure."""

    uid: str
    title: str
    starts_at: datetime
    ends_at: datetime
    kind: str
    state: str
    url: str = ""


def plan_events(user: AnyUser) -> list[PlanEvent]:
    """The rounds the user can see and the ExCom procedures the user follows, in time order (2 queries)."""
    now = timezone.now()
    events: list[PlanEvent] = []
    for round_ in rounds_visible_to(user):
        state = round_.get_state_display() if round_.state_at(now) == round_.state else _("Closed")
        events.append(
            PlanEvent(f"round-{round_.pk}", round_.title, round_.opens_at, round_.closes_at, "round", str(state))
        )
        events.append(
            PlanEvent(
                f"round-{round_.pk}-deadline",
                _("Deadline for comments: {title}").format(title=round_.title),
                round_.closes_at,
                round_.closes_at,
                "deadline",
                str(state),
            )
        )
    requests = requests_visible_to(user).exclude(state__in=[RequestState.DRAFT, RequestState.RETURNED])
    for request in requests.exclude(review_opened_at__isnull=True):
        end = request.silence_deadline or request.decided_at or request.review_opened_at
        title = (
            _("Silence procedure: {version}") if request.silence_deadline else _("ExCom vote: {version}")
        ).format(version=request.set_version)
        events.append(
            PlanEvent(
                f"approval-{request.pk}",
                title,
                request.review_opened_at,
                end,
                "excom",
                request.get_effective_state_display(),
            )
        )
    return sorted(events, key=lambda event: (event.starts_at, event.uid))
