# SPDX-License-Identifier: EUPL-1.2
"""The invitation letter's visit date refused the past but took any later year: a letter inviting the resident
to a home visit in 3000 or 9999 was made, and recorded as an export of the zaak and of each person named. A
date after 2999 is now refused beside the field in Dutch, as one before today already was, and no letter is
made or recorded."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.html_support import field_error
from wijkteam.audit.models import Action, AuditEvent

from .zaken_support import zaak_world

pytestmark = pytest.mark.django_db

YEARS = "Kies een datum tussen 1900 en 2999."
PAST = "De datum van het huisbezoek ligt in het verleden."


@pytest.mark.parametrize(("value", "message"), [("0001-01-01", PAST), ("1899-12-31", PAST),
                                                ("3000-01-01", YEARS), ("9999-12-31", YEARS)])
def test_an_impossible_visit_date_makes_no_letter(value, message, place, users, client_for, frozen_time):
    world = zaak_world(place)
    response = client_for(users.medewerker).get(reverse("vroegsignalering:zaak_brief", args=[world.zaak.pk]),
                                                {"bezoek_datum": value, "bezoek_tijd": "10:30"})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert message in field_error(response.content.decode(), "id_bezoek_datum")
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_the_last_day_of_2999_still_makes_a_letter(place, users, client_for, frozen_time):
    world = zaak_world(place)
    response = client_for(users.medewerker).get(reverse("vroegsignalering:zaak_brief", args=[world.zaak.pk]),
                                                {"bezoek_datum": "2999-12-31"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
