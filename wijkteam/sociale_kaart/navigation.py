# SPDX-License-Identifier: EUPL-1.2
"""What every staff page of the sociale kaart (partner upkeep, freshness, duplicates) shows in its
navigation (sociale_kaart/werk/base.html), and the page size of their lists."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from wijkteam.accounts.permissions import may_maintain_sociale_kaart, may_merge_sociale_kaart, may_view_verouderd_aanbod

from . import access

PAGE_SIZE = 50


def nav_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "open_task_count": access.open_task_count(request.user),
        "may_maintain": may_maintain_sociale_kaart(request.user),
        "may_merge": may_merge_sociale_kaart(request.user),
        "may_view_verouderd": may_view_verouderd_aanbod(request.user),
    }
