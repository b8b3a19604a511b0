# SPDX-License-Identifier: EUPL-1.2
"""Optimistic locking of the plan (issue 19 item 6): two workers open the plan; the first saves; the second's
save is refused with a clear Dutch message, nothing of it is written, the first save is intact, and the second
worker sees their own unsaved text to redo the change."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from tests import factories_casussen as fc
from wijkteam.casussen.models import Plan

from .support import case_world

pytestmark = pytest.mark.django_db


def _form_data(html: str) -> dict[str, str]:
    """The form as the browser would post it: every input's value, every textarea's text, selects' choice."""
    data: dict[str, str] = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        data[name] = value
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>\n?(.*?)</textarea>', html, re.S):
        data[name] = text
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = selected.group(1) if selected else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_the_second_save_is_refused_and_the_first_stays(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    fc.PlanDoelFactory(plan=w.casus.plan, doel="Schulden op een rij")
    url = reverse("casussen:plan_edit", args=[w.casus.pk])
    first, second = client_for(users.medewerker), client_for(w.coworker)
    form_first = _form_data(first.get(url).content.decode())
    form_second = _form_data(second.get(url).content.decode())
    assert form_first["versie"] == form_second["versie"] == "1"

    form_first["situatie"] = "Moeder met twee kinderen, huurachterstand van drie maanden."
    form_first["doel-0-doel"] = "Huurachterstand weg binnen een jaar"
    assert first.post(url, form_first).status_code == 302

    form_second["situatie"] = "Tekst van de tweede medewerker"
    form_second["doel-1-levensdomein"] = "LD04"
    form_second["doel-1-doel"] = "Een nieuw doel van de tweede"
    response = second.post(url, form_second)
    assert response.status_code == 409
    body = response.content.decode()
    assert "NIET opgeslagen" in body
    assert "Tekst van de tweede medewerker" in body  # their own text, to take over

    plan = Plan.objects.get(casus=w.casus)
    assert plan.versie == 2
    assert plan.situatie == "Moeder met twee kinderen, huurachterstand van drie maanden."
    assert list(plan.doelen.values_list("doel", flat=True)) == ["Huurachterstand weg binnen een jaar"]
    assert plan.gewijzigd_door == users.medewerker

    # Reloaded, the second worker can save on top of the new version.
    retry = _form_data(second.get(url).content.decode())
    assert retry["versie"] == "2"
    retry["afspraken"] = "Elke twee weken een huisbezoek."
    assert second.post(url, retry).status_code == 302
    plan.refresh_from_db()
    assert plan.versie == 3 and plan.afspraken == "Elke twee weken een huisbezoek."
    assert plan.situatie.startswith("Moeder met twee kinderen")


def test_a_bad_row_names_the_row_and_writes_nothing(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    url = reverse("casussen:plan_edit", args=[w.casus.pk])
    client = client_for(users.medewerker)
    data = _form_data(client.get(url).content.decode())
    data["situatie"] = "Nieuwe situatie"
    data["actie-0-wat"] = "Bellen met de verhuurder"  # no "wie"
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Acties, rij 1" in response.content.decode()
    assert Plan.objects.get(casus=w.casus).situatie == ""
