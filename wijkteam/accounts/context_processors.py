# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from wijkteam.accounts import permissions
from wijkteam.accounts.menu import menu_for


def wijkteam(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "gemeente_naam": settings.WIJKTEAM_GEMEENTE_NAAM,
        "may_view_audit_trail": permissions.may_view_audit_trail(user),
        "may_use_admin": permissions.may_use_admin(user),
        "may_use_werkomgeving": permissions.may_use_werkomgeving(user),
        "may_view_personal_data": permissions.may_view_personal_data(user),
        "may_maintain_sociale_kaart": permissions.may_maintain_sociale_kaart(user),
        "may_view_verouderd_aanbod": permissions.may_view_verouderd_aanbod(user),
        "may_import_sociale_kaart": permissions.may_import_sociale_kaart(user),
        "may_merge_sociale_kaart": permissions.may_merge_sociale_kaart(user),
        "may_manage_api_tokens": permissions.may_manage_api_tokens(user),
        # Lazy: only staff pages render the menu, and public pages should not pay for the checks.
        "werk_menu": lambda: menu_for(user) if permissions.may_use_werkomgeving(user) else [],
    }
