# SPDX-License-Identifier: EUPL-1.2
"""Request id, request-size limit, and the headers every response carries.

- Request id: one id per request, in every log line, in every audit row and in the response.
- Body limit: a request whose declared body is too large gets 413 before anything reads it.
- Permissions-Policy on every response; `Cache-Control: no-store` wherever personal data can be.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from importlib import import_module

import structlog
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

# A proxy's id is accepted only when it looks like one (fullmatch: "$" would let a newline in).
_VALID_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        # Never echo arbitrary input into logs or the audit trail: anything else gets a fresh id.
        request_id = incoming if _VALID_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


class RequestSizeLimitMiddleware:
    """Refuse oversized bodies by their Content-Length, before the body is read.

    Django only limits non-file form data (DATA_UPLOAD_MAX_MEMORY_SIZE) and reads uploads whole
    to disk; without this an anonymous 120 MB POST to the login page was read in full. Views that
    take large uploads are named in WIJKTEAM_LARGE_UPLOAD_VIEWS with their own limit.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.WIJKTEAM_MAX_REQUEST_BYTES and length > self._limit_for(request):
            # No Connection header: WSGI forbids hop-by-hop headers from the application. The body
            # is never parsed or buffered here; the proxy's own limit keeps it off the wire.
            return HttpResponse(_("Dit verzoek is te groot."), status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _limit_for(request: HttpRequest) -> int:
        try:
            view_name = resolve(request.path_info).view_name
        except Resolver404:
            return settings.WIJKTEAM_MAX_REQUEST_BYTES
        large = settings.WIJKTEAM_LARGE_UPLOAD_VIEWS.get(view_name)
        # The larger limit is for a signed-in session only: an anonymous client would otherwise have its body
        # parsed to a temporary file before the view's login check sends it away. (The view checks the role.)
        if large is None or not RequestSizeLimitMiddleware._signed_in(request):
            return settings.WIJKTEAM_MAX_REQUEST_BYTES
        return int(large)

    @staticmethod
    def _signed_in(request: HttpRequest) -> bool:
        """Whether the session cookie belongs to a signed-in user (read before the session middleware runs;
        only for a body over the normal limit, so the extra session read is rare)."""
        key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if not key:
            return False
        store = import_module(settings.SESSION_ENGINE).SessionStore(key)
        return store.get(SESSION_KEY) is not None


# Areas where every page holds personal data or staff work: never stored by a browser or proxy.
_PRIVATE_PREFIXES = ("/werk/", "/beheer/")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()"
)


class PrivacyHeadersMiddleware:
    """Permissions-Policy everywhere; no-store on staff areas and on every logged-in response.

    The public sociale kaart stays cacheable for anonymous visitors.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if request.path.startswith(_PRIVATE_PREFIXES) or (user is not None and user.is_authenticated):
            patch_cache_control(response, no_store=True, private=True)
        return response
