# SPDX-License-Identifier: EUPL-1.2
"""Contact moments and notes on the case's one timeline (issue 19 item 3): a contact saved through the page is
on the timeline of the very next page, newest first, beside status changes, tasks and regisseur changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests import factories_casussen as fc
from wijkteam.casussen import services
from wijkteam.casussen.models import Contactmoment

from .support import case_world

pytestmark = pytest.mark.django_db


def test_a_saved_contact_is_on_the_timeline_right_away(place: Any, users: Any, client_for: Any,
                                                       frozen_time: Any) -> None:
    w = case_world(place, users)
    fc.ContactmomentFactory(casus=w.casus, datum=dt.date(2026, 11, 1), verslag="Eerder bezoek.")
    client = client_for(w.coworker)
    response = client.post(reverse("casussen:casus_contact", args=[w.casus.pk]), {
        "contact-soort": "telefoon", "contact-datum": "2026-11-25", "contact-duur_minuten": "20",
        "contact-verslag": "Moeder gebeld: afspraak bij de schuldhulp staat."}, follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    timeline = body[body.index('id="tijdlijn"'):]
    assert "Moeder gebeld: afspraak bij de schuldhulp staat." in timeline
    assert timeline.index("Moeder gebeld") < timeline.index("Eerder bezoek.")  # newest first
    contact = Contactmoment.objects.get(verslag__startswith="Moeder gebeld")
    assert contact.door == w.coworker and contact.duur_minuten == 20


def test_a_contact_in_the_future_is_refused_with_its_field_named(place: Any, users: Any, client_for: Any,
                                                                 frozen_time: Any) -> None:
    w = case_world(place, users)
    response = client_for(users.medewerker).post(reverse("casussen:casus_contact", args=[w.casus.pk]), {
        "contact-soort": "huisbezoek", "contact-datum": "2026-12-24", "contact-verslag": "x"})
    assert response.status_code == 400
    assert "kan niet in de toekomst liggen" in response.content.decode()
    assert not Contactmoment.objects.exists()


def test_status_tasks_and_handovers_share_the_timeline(place: Any, users: Any, client_for: Any,
                                                       frozen_time: Any) -> None:
    w = case_world(place, users)
    services.change_case_status(w.casus, "afronding", by=users.medewerker)
    services.add_task(w.casus, titel="Eindgesprek plannen", due=dt.date(2026, 12, 1), by=users.medewerker)
    services.set_regisseur(w.casus, to=users.teamleider, by=users.teamleider, reason="Regisseur met verlof")
    body = client_for(users.teamleider).get(reverse("casussen:casus_detail", args=[w.casus.pk])).content.decode()
    timeline = body[body.index('id="tijdlijn"'):]
    for text in ("Uitvoering → Afronding", "Taak: Eindgesprek plannen", "Regisseur met verlof", "Casus geopend"):
        assert text in timeline, text
