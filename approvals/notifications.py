"""E-mails about approval requests, sent once per step and recipient (`send_email_once`)."""

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.choices import Role
from accounts.models import User
from accounts.services import send_email_once
from approvals.choices import Action
from approvals.models import ApprovalRequest


def _people(*roles: str) -> QuerySet[User]:
    return User.objects.filter(groups__name__in=roles, is_active=True).distinct()


def recipients(action: str) -> QuerySet[User]:
    if action in {Action.SUBMIT, Action.OPEN_REVIEW}:
        return _people(Role.EXCOM_MEMBER, Role.SECRETARIAT)
    return _people(Role.EXCOM_MEMBER, Role.SECRETARIAT, Role.CO_LEAD)


def message(request: ApprovalRequest, action: str) -> tuple[str, str]:
    link = settings.SITE_URL.rstrip("/") + reverse("approvals:detail", args=[request.pk])
    subject = _("[GCM indicators] {version}: {step}").format(
        version=request.set_version, step=Action(action).label.lower()
    )
    lines = [subject, ""]
    if action == Action.OPEN_REVIEW and request.silence_deadline:
        lines.append(
            _(
                "Silence procedure: unless a member objects in writing by {deadline} UTC, the set is approved."
            ).format(deadline=f"{request.silence_deadline:%Y-%m-%d %H:%M}")
        )
    if action == Action.PUBLISH and hasattr(request, "publication"):
        lines.append(_("Published as version {version}.").format(version=request.publication.version))
    last = request.events.order_by("-at", "-id").first()
    if last and last.reason:
        lines.append(_("Reason: {reason}").format(reason=last.reason))
    lines += ["", link]
    return subject, "\n".join(lines)


def notify(*, request: ApprovalRequest, action: str) -> int:
    """Send the step's e-mail to each recipient once; the number sent now."""
    subject, body = message(request, action)
    sent = 0
    for user in recipients(action):
        sent += send_email_once(
            key=f"approval-{request.pk}-{action}-user-{user.pk}", to=[user.email], subject=subject, body=body
        )
    return sent
