"""Writes for accounts. Keyword-only, one verb each, atomic."""

import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from rest_framework.authtoken.models import Token

from accounts import permissions
from accounts.models import SentEmail, User
from config.errors import NotAllowed

log = logging.getLogger(__name__)


def send_email_once(*, key: str, to: Sequence[str], subject: str, body: str) -> bool:
    """Send an e-mail unless one with the same key was already sent; True when it was sent now.

    Steps: insert the key row (a concurrent duplicate waits on the unique index, then finds it taken);
    send the message inside the same transaction, so that a failure to send releases the key for a retry.
    """
    recipients = [address for address in to if address]
    if not recipients:
        return False
    with transaction.atomic():
        _, created = SentEmail.objects.get_or_create(
            key=key, defaults={"to": list(recipients), "subject": subject[:300]}
        )
        if not created:
            return False
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, list(recipients), fail_silently=False)
    return True


@transaction.atomic
def issue_api_token(*, user: User, by: User) -> Token:
    """Give a user a new API token for REST clients, replacing (and so revoking) the one they had.

    Steps: check that `by` may manage `user`'s token; delete the old token; create a new random key.
    """
    if not permissions.can_manage_api_token(by, user):
        raise NotAllowed("Only co-leads can issue API tokens for other people.")
    if not user.is_active:
        raise NotAllowed(f"{user.email} is deactivated: reactivate the account before issuing a token.")
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    log.info("API token issued for %s by %s", user.email, by.email)
    return token


@transaction.atomic
def revoke_api_token(*, user: User, by: User) -> bool:
    """Revoke a user's API token at once; True when there was one."""
    if not permissions.can_manage_api_token(by, user):
        raise NotAllowed("Only co-leads can revoke API tokens of other people.")
    deleted, _ = Token.objects.filter(user=user).delete()
    log.info("API token of %s revoked by %s", user.email, by.email)
    return bool(deleted)
