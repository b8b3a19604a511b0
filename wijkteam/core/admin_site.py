# SPDX-License-Identifier: EUPL-1.2
"""Django admin, for the functional administrator only (and only after the second factor)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from wijkteam.accounts.decorators import deny
from wijkteam.accounts.permissions import may_use_admin


class BeheerSite(admin.AdminSite):
    site_header = "Wijkteam beheer"
    site_title = "Wijkteam beheer"

    def has_permission(self, request: HttpRequest) -> bool:
        return may_use_admin(request.user)

    def login(self, request: HttpRequest, extra_context: dict[str, object] | None = None) -> HttpResponse:
        # One login for everybody, with the second factor; the admin's own form would bypass it.
        if request.user.is_authenticated:
            # Logged in, past the second factor (the middleware saw to that), but not a beheerder.
            raise deny(request, object_type="view", object_id="admin")
        return redirect_to_login(request.GET.get("next", request.path), reverse("accounts:login"))
