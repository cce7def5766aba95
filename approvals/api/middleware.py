"""Published versions served the way whitenoise serves static files: early, from memory, without the framework.

`GET /api/v1/publications/<version>/` is the most requested public read and its answer never changes. For an
anonymous GET this middleware, placed right after whitenoise, answers from the bytes held in process memory
(`selectors.stored_snapshot`) after the client's rate count, with the strong ETag, `immutable` caching and 304
for a matching `If-None-Match`. Everything else goes on to the documented view, `PublicationViewSet.retrieve`,
which gives the same bytes and headers: a request with credentials (authentication and the account's rate),
another method, an unknown version, and a refused rate (429 with Retry-After in the API's error shape).
"""

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response

from approvals import selectors
from approvals.api.views import PublicationViewSet, snapshot_response
from config import throttling

# The path of `api:approvals:publication-detail` (a test checks that they agree).
PATH = re.compile(rf"^/api/v1/publications/(?P<version>{PublicationViewSet.lookup_value_regex})/$")


class PublishedSnapshotMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        answer = self._answer(request)
        return answer if answer is not None else self.get_response(request)

    def _answer(self, request: HttpRequest) -> HttpResponse | None:
        """The snapshot for an anonymous GET of a published version within the client's rate; None to go on."""
        if request.method != "GET" or self._has_credentials(request):
            return None
        match = PATH.match(request.path_info)
        stored = selectors.stored_snapshot(match["version"]) if match else None
        if stored is None:
            return None
        verdict = throttling.hit("anon", throttling.client_address(request))
        if not verdict.allowed:
            return None  # the documented view counts it again and answers 429 with Retry-After
        throttling.remember(request, verdict)
        response = snapshot_response(*stored, immutable=True)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def _has_credentials(request: HttpRequest) -> bool:
        return "HTTP_AUTHORIZATION" in request.META or settings.SESSION_COOKIE_NAME in request.COOKIES
