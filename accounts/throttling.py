"""Sign-in throttling: after repeated failures for one address from one client, refuse for a while.

Counted in the cache (Redis), per lower-cased e-mail address and client IP, so that one person's typos do not
lock out a colleague behind the same proxy, and a guesser cannot try many passwords for one account.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _key(request: HttpRequest, email: str) -> str:
    client = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{email.strip().lower()}|{client}".encode()).hexdigest()
    return f"sign-in-failures:{digest}"


def is_locked(request: HttpRequest, email: str) -> bool:
    return int(cache.get(_key(request, email), 0)) >= settings.LOGIN_FAILURE_LIMIT


def record_failure(request: HttpRequest, email: str) -> None:
    key = _key(request, email)
    if cache.add(key, 1, timeout=settings.LOGIN_LOCKOUT_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=settings.LOGIN_LOCKOUT_SECONDS)


def forget(request: HttpRequest, email: str) -> None:
    cache.delete(_key(request, email))
