# SPDX-License-Identifier: EUPL-1.2
"""Send users whose role needs a second factor to the TOTP step before anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from .permissions import otp_verified

# The staff areas. Public pages (sociale kaart, API) stay reachable without a second factor.
_GUARDED_PREFIXES = ("/werk/", "/beheer/")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and getattr(user, "needs_two_factor", False)
            and not otp_verified(user)
            and request.path.startswith(_GUARDED_PREFIXES)
        ):
            return HttpResponseRedirect(reverse("accounts:two_factor") + "?next=" + request.path)
        return self.get_response(request)
