# SPDX-License-Identifier: EUPL-1.2
"""The household page's links to this household's vroegsignaalzaken (registered with huishoudens.links)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkteam.huishoudens.links import HouseholdLink

from .access import may_work_on_zaken, zaken_visible_to


def household_zaak_links(request: HttpRequest, household: Any) -> list[HouseholdLink]:
    if not may_work_on_zaken(request.user):
        return []
    zaken = zaken_visible_to(request.user).filter(huishouden_id=household.pk).order_by("-ontvangen", "-pk")[:5]
    return [HouseholdLink(_("Vroegsignaal"), reverse("vroegsignalering:zaak_detail", args=[z.pk]),
                          f"{z.get_status_display()}, {z.ontvangen:%d-%m-%Y}") for z in zaken]
