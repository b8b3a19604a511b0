# SPDX-License-Identifier: EUPL-1.2
"""The household page's links to this household's help requests (registered with huishoudens.links)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkteam.huishoudens.links import HouseholdLink

from .access import hulpvragen_visible_to, may_view_hulpvragen


def household_request_links(request: HttpRequest, household: Any) -> list[HouseholdLink]:
    if not may_view_hulpvragen(request.user):
        return []
    rows = hulpvragen_visible_to(request.user).filter(huishouden_id=household.pk).order_by("-ontvangen", "-pk")[:5]
    return [HouseholdLink(_("Hulpvraag"), reverse("hulpvragen:hulpvraag_detail", args=[h.pk]),
                          f"{h.get_status_display()}, {timezone.localtime(h.ontvangen):%d-%m-%Y}") for h in rows]
