"""Writes for accounts. Keyword-only, one verb each, atomic."""

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from accounts.models import SentEmail


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
