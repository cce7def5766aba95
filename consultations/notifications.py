"""E-mails of the consultations: invitations, reminders, receipts and the co-leads' digest.

Each is sent under a key through `accounts.services.send_email_once`, so that a task delivered twice sends
nothing twice. Tasks call these; nothing else does.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from accounts.services import send_email_once
from consultations import conf, selectors
from consultations.choices import RoundState, SubmissionState
from consultations.models import Round, Submission
from consultations.services import format_moment


def _round_url(round_: Round) -> str:
    return f"{settings.SITE_URL.rstrip('/')}/consultations/rounds/{round_.pk}/"


def send_invitations(*, round: Round) -> int:
    """E-mail the focal point of every invited organisation that the round is open; returns how many were sent."""
    sent = 0
    organisations = [o for o in Organisation.objects.all() if round.invites(o)]
    for person in selectors.focal_points_of([o.pk for o in organisations]):
        sent += send_email_once(
            key=f"round-{round.pk}-invitation-user-{person.pk}",
            to=[person.email],
            subject=_("Consultation open: %(title)s") % {"title": round.title},
            body=_(
                "The consultation round %(title)s is open until %(deadline)s.\n\n"
                "Read the draft set, comment with your colleagues and submit your organisation's position:\n"
                "%(url)s\n"
            )
            % {"title": round.title, "deadline": format_moment(round.closes_at), "url": _round_url(round)},
        )
    return sent


def send_reminders(*, round: Round, days: int) -> int:
    """Remind the focal points of invited organisations without a submission, `days` before the close."""
    if not round.is_open_at(timezone.now()):
        return 0
    submitted = set(
        Submission.objects.filter(round=round, state=SubmissionState.SUBMITTED).values_list(
            "organisation", flat=True
        )
    )
    organisations = [o.pk for o in Organisation.objects.all() if round.invites(o) and o.pk not in submitted]
    sent = 0
    for person in selectors.focal_points_of(organisations):
        sent += send_email_once(
            key=f"round-{round.pk}-reminder-{days}d-user-{person.pk}",
            to=[person.email],
            subject=_("Reminder: %(title)s closes on %(deadline)s")
            % {"title": round.title, "deadline": format_moment(round.closes_at)},
            body=_(
                "Your organisation has not submitted its position in %(title)s yet. The round closes on "
                "%(deadline)s; after that nothing can be added.\n%(url)s\n"
            )
            % {"title": round.title, "deadline": format_moment(round.closes_at), "url": _round_url(round)},
        )
    return sent


def remind_due_rounds() -> int:
    """The beat job: send the reminders whose day has come (7 days and 1 day before each open round closes)."""
    now = timezone.now()
    sent = 0
    for round_ in Round.objects.filter(state=RoundState.OPEN, closes_at__gt=now, opens_at__lte=now):
        left = round_.closes_at - now
        for days in conf.REMINDER_DAYS:
            if timedelta(days=days - 1) < left <= timedelta(days=days):
                sent += send_reminders(round=round_, days=days)
    return sent


def send_receipt(*, submission: Submission) -> bool:
    """E-mail the focal point a receipt listing what was submitted."""
    submission = Submission.objects.select_related("round", "organisation", "submitted_by").get(pk=submission.pk)
    if not submission.is_submitted or submission.submitted_by is None:
        return False
    count = submission.comments.count()
    return send_email_once(
        key=f"submission-{submission.pk}-receipt",
        to=[submission.submitted_by.email],
        subject=_("Receipt: %(organisation)s's position in %(title)s")
        % {"organisation": submission.organisation, "title": submission.round.title},
        body=_(
            "We received the official position of %(organisation)s in %(title)s on %(when)s, with %(count)d "
            "comments. It can no longer change; a correction submitted before %(deadline)s would replace it.\n"
            "%(url)s\n"
        )
        % {
            "organisation": submission.organisation,
            "title": submission.round.title,
            "when": format_moment(submission.submitted_at or timezone.now()),
            "count": count,
            "deadline": format_moment(submission.round.closes_at),
            "url": _round_url(submission.round),
        },
    )


def send_digest(*, round: Round) -> int:
    """After the close: tell the co-leads how many organisations submitted and how many comments await answer."""
    from accounts.choices import Role

    submissions = selectors.official_submissions(round).count()
    comments = selectors.answerable_comments().filter(submission__round=round).count()
    sent = 0
    for person in User.objects.filter(groups__name=Role.CO_LEAD, is_active=True).distinct():
        sent += send_email_once(
            key=f"round-{round.pk}-digest-user-{person.pk}",
            to=[person.email],
            subject=_("Closed: %(title)s") % {"title": round.title},
            body=_(
                "The round %(title)s closed on %(deadline)s with %(submissions)d official submissions and "
                "%(comments)d comments to answer.\n%(url)smatrix/\n"
            )
            % {
                "title": round.title,
                "deadline": format_moment(round.closes_at),
                "submissions": submissions,
                "comments": comments,
                "url": _round_url(round),
            },
        )
    return sent
