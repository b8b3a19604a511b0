# SPDX-License-Identifier: EUPL-1.2
"""Tasks and reminders (issue 19 item 3): added with a due date, marked late once the date has passed, done
with one button; other apps add tasks through services.add_task with their `bron`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests import factories_casussen as fc
from wijkteam.casussen import services
from wijkteam.casussen.models import Taak

from .support import case_world

pytestmark = pytest.mark.django_db


def test_add_flag_and_complete_a_task(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    w = case_world(place, users)
    late = fc.TaakFactory(casus=w.casus, titel="Inkomensverklaring opvragen", te_laat=True)
    client = client_for(w.coworker)
    response = client.post(reverse("casussen:casus_taak", args=[w.casus.pk]), {
        "taak-titel": "Bewindvoerder bellen", "taak-deadline": "2026-12-02", "taak-toegewezen_aan": w.coworker.pk},
        follow=True)
    body = response.content.decode()
    tasks = body[body.index('id="taken"'):body.index('id="contact"')]
    assert "Bewindvoerder bellen" in tasks
    assert tasks.count("Te laat") == 1 and tasks.index("Te laat") > tasks.index("Inkomensverklaring")
    done = client.post(reverse("casussen:taak_afronden", args=[w.casus.pk, late.pk]))
    assert done.status_code == 302
    late.refresh_from_db()
    assert late.afgerond is not None and late.afgerond_door == w.coworker
    assert "Te laat" not in client.get(reverse("casussen:casus_detail", args=[w.casus.pk])).content.decode()


def test_a_task_of_another_case_cannot_be_completed_through_this_one(place: Any, users: Any,
                                                                     client_for: Any) -> None:
    w = case_world(place, users)
    other = fc.TaakFactory(casus=fc.CasusFactory(team=place.team_b, regisseur=users.medewerker_b))
    response = client_for(users.medewerker).post(reverse("casussen:taak_afronden", args=[w.casus.pk, other.pk]))
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.afgerond is None


def test_other_apps_add_tasks_with_their_source(place: Any, users: Any, frozen_time: Any) -> None:
    w = case_world(place, users)
    taak = services.add_task(w.casus, titel="Overbrugging: wekelijks bellen", due=dt.date(2026, 11, 20),
                             by=None, bron="overbrugging", system="verwijzingen")
    assert Taak.objects.get(pk=taak.pk).bron == "overbrugging"
    assert taak.is_te_laat()
