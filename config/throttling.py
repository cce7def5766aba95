"""Request rates of the API: anonymous clients by address, signed-in and token clients by account.

Each client has a fixed window counted in Redis, shared by every process and host, with one short Lua script
per request (one round trip, one command): the window starts with the client's first request and the time it
has left is the `Retry-After` of a refusal. Rates come from `settings.API_THROTTLE_RATES`, e.g.
`{"anon": "120/minute", "account": "1200/minute"}`.

Every counted API response says where its client stands: `RateLimit-Limit` (requests per window),
`RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window ends), added by `RateLimitHeadersMiddleware`
from the verdict the count left on the request.

When Redis cannot be reached the request is let through and the failure logged: a broken counter must not take
the public data down.
"""

import logging
import os
from dataclasses import dataclass
from typing import Any

import redis
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from rest_framework.throttling import BaseThrottle

logger = logging.getLogger(__name__)

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """`"120/minute"` -> (120, 60): requests allowed and the window in seconds."""
    try:
        count, period = rate.split("/", 1)
        return int(count), PERIODS[period.strip().lower().removesuffix("s")]
    except (ValueError, KeyError):
        raise ValueError(f"A rate reads like '120/minute' (second, minute, hour or day), not {rate!r}.") from None


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    retry_after: int  # seconds until the window ends


UNCOUNTED = Verdict(allowed=True, limit=0, remaining=0, retry_after=0)

# Count one request in KEYS[1], starting a window of ARGV[1] seconds with the first; the count and the seconds
# the window has left.
COUNT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  return {count, tonumber(ARGV[1])}
end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
"""

_counters: dict[tuple[int, str], Any] = {}


def _counter() -> Any:
    """The registered script on one connection pool per process and URL (a forked worker builds its own)."""
    key = (os.getpid(), settings.THROTTLE_REDIS_URL)
    script = _counters.get(key)
    if script is None:
        client = redis.Redis.from_url(key[1], socket_connect_timeout=0.5, socket_timeout=0.5)
        script = _counters[key] = client.register_script(COUNT_SCRIPT)
    return script


def hit(scope: str, ident: str) -> Verdict:
    """Count one request of `ident` in `scope` and say whether it is within the scope's rate."""
    limit, window = parse_rate(settings.API_THROTTLE_RATES[scope])
    key = f"{settings.CACHES['default'].get('KEY_PREFIX', '')}:throttle:{scope}:{ident}"
    try:
        count, retry_after = _counter()(keys=[key], args=[window])
    except redis.RedisError:
        logger.warning("API throttling skipped: Redis at %s did not answer", settings.THROTTLE_REDIS_URL)
        return UNCOUNTED
    return Verdict(allowed=count <= limit, limit=limit, remaining=max(limit - count, 0), retry_after=retry_after)


def remember(request: Any, verdict: Verdict) -> None:
    """Leave the verdict on the Django request (under DRF's wrapper too) for the response headers."""
    getattr(request, "_request", request).api_rate = verdict


class RateLimitHeadersMiddleware:
    """Adds the RateLimit-* headers to every response whose request was counted (304 and 429 included)."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        verdict: Verdict | None = getattr(request, "api_rate", None)
        if verdict is not None and verdict is not UNCOUNTED:
            response["RateLimit-Limit"] = str(verdict.limit)
            response["RateLimit-Remaining"] = str(verdict.remaining)
            response["RateLimit-Reset"] = str(verdict.retry_after)
        return response


def client_address(request: HttpRequest) -> str:
    """The client's address as DRF identifies it (`NUM_PROXIES` decides whether X-Forwarded-For counts)."""
    return BaseThrottle().get_ident(request)  # type: ignore[arg-type]


class _ScopedThrottle(BaseThrottle):
    scope = ""

    def __init__(self) -> None:
        self.verdict: Verdict | None = None

    def ident(self, request: Any) -> str | None:
        raise NotImplementedError

    def allow_request(self, request: Any, view: Any) -> bool:
        ident = self.ident(request)
        if ident is None:
            return True
        self.verdict = hit(self.scope, ident)
        remember(request, self.verdict)
        return self.verdict.allowed

    def wait(self) -> float | None:
        return self.verdict.retry_after if self.verdict else None


class AnonymousRateThrottle(_ScopedThrottle):
    """Requests without an account, counted per client address."""

    scope = "anon"

    def ident(self, request: Any) -> str | None:
        if request.user and request.user.is_authenticated:
            return None
        return client_address(request)


class AccountRateThrottle(_ScopedThrottle):
    """Requests of a signed-in person or an API token, counted per account wherever they come from."""

    scope = "account"

    def ident(self, request: Any) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None
        return str(request.user.pk)
