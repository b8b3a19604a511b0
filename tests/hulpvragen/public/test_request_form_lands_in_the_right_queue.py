# SPDX-License-Identifier: EUPL-1.2
"""A request sent with the residents' form is exactly one request, in the queue of the team whose wijk
holds the address; an address in no team's wijk, or none at all, goes to the central queue."""

from __future__ import annotations

from typing import Any

import pytest

from tests.vroegsignalering.support import place_postcode
from wijkteam.hulpvragen.models import Hulpvraag, HulpvraagStatus, Kanaal

from .support import submit

pytestmark = pytest.mark.django_db


def test_an_address_in_wijk_a_goes_to_team_a(client: Any, place: Any, frozen_time: Any) -> None:
    place_postcode(place)  # 3511 AB lies in buurt A, wijk A
    response = submit(client, frozen_time)
    assert response.status_code == 200, response.content.decode()[:2000]
    hulpvraag = Hulpvraag.objects.get()
    assert hulpvraag.team_id == place.team_a.pk and hulpvraag.buurt_id == place.buurt_a.pk
    assert hulpvraag.kanaal == Kanaal.WEB and hulpvraag.status == HulpvraagStatus.NIEUW
    assert hulpvraag.levensdomeinen == ["LD01", "LD11"]
    assert hulpvraag.omschrijving.startswith("Ik heb een huurachterstand")
    assert hulpvraag.bereikbaar == "na 15.00 uur"
    assert hulpvraag.aangemaakt_systeem == "webformulier" and hulpvraag.aangemaakt_door is None
    person = hulpvraag.persoon
    assert person is not None and (person.voornamen, person.achternaam) == ("Samira", "El Amrani")
    assert person.telefoon == "06 12345678"


def test_an_unknown_address_goes_to_the_central_queue(client: Any, place: Any, frozen_time: Any) -> None:
    place_postcode(place)
    assert submit(client, frozen_time, postcode="9999 ZZ", huisnummer="3").status_code == 200
    hulpvraag = Hulpvraag.objects.get()
    assert hulpvraag.team_id is None and hulpvraag.buurt_id is None


def test_no_fixed_address_goes_to_the_central_queue(client: Any, place: Any, frozen_time: Any) -> None:
    response = submit(client, frozen_time, postcode="", huisnummer="", telefoon="", email="samira@voorbeeld.nl")
    assert response.status_code == 200
    hulpvraag = Hulpvraag.objects.get()
    assert hulpvraag.team_id is None and hulpvraag.huishouden_id is None
