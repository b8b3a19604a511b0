# SPDX-License-Identifier: EUPL-1.2
"""The opening-times form always shows empty "(nieuw)" rows. Posting the page as the browser sends
it (their "Hoe vaak" and "Afspraak nodig?" defaults included) saves the real rows and skips the
empty ones, instead of refusing with "Vul het veld „Van” in"."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ScheduleFactory
from wijkteam.sociale_kaart.models import Schedule, Service

pytestmark = pytest.mark.django_db


def browser_post(html: str) -> dict[str, Any]:
    """What a browser submits for the form as rendered: every input's value, checked boxes, and
    each select's selected (or first) option."""
    data: dict[str, Any] = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name:
            continue
        kind = re.search(r'type="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if kind and kind.group(1) == "checkbox":
            if " checked" in tag:
                data.setdefault(name.group(1), []).append(value.group(1) if value else "on")
            continue
        data[name.group(1)] = value.group(1) if value else ""
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        options = re.findall(r'<option value="([^"]*)"( selected)?', body)
        chosen = [v for v, sel in options if sel] or [options[0][0]]
        data[name] = chosen[0]
    return data


def test_saving_with_the_empty_new_rows_saves_the_changed_row(users: Any, own_service: Service,
                                                                client_for: Any) -> None:
    schedule = ScheduleFactory(service=own_service, byday="WE", opens_at="09:00", closes_at="12:00")
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    html = client.get(url).content.decode()
    assert html.count("(nieuw)") == 2

    data = browser_post(html)
    assert data["tijd-1-freq"] == "WEEKLY"  # the empty rows do carry a default
    data["tijd-0-closes_at"] = "13:00"
    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    schedule.refresh_from_db()
    assert schedule.closes_at.strftime("%H:%M") == "13:00"
    assert Schedule.objects.filter(service=own_service).count() == 1


def test_an_untouched_page_saves_nothing(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    response = client.post(url, browser_post(client.get(url).content.decode()), follow=True)
    assert "Er was niets veranderd." in response.content.decode()
    assert not Schedule.objects.filter(service=own_service).exists()
