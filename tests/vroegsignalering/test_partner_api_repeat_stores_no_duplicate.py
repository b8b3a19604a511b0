# SPDX-License-Identifier: EUPL-1.2
"""Idempotent across doors: the same signal through the API again, or through the API after the monthly
file brought it (and the other way round), is a repeat: no second signal, person, household or zaak."""

from __future__ import annotations

import pytest

from tests.factories_vroegsignalering import SignaalRijFactory, csv_bytes
from wijkteam.huishoudens.models import Huishouden, Persoon
from wijkteam.vroegsignalering.models import Bron, Signaal, Vroegsignaalzaak

from .partner_api_support import call, energy_company, signal_json, token_for
from .support import place_postcode, upload

pytestmark = pytest.mark.django_db


def counts():
    return tuple(m.objects.count() for m in (Signaal, Vroegsignaalzaak, Persoon, Huishouden))


def test_the_same_signal_twice_through_the_api_is_stored_once(place, users, frozen_time):
    place_postcode(place)
    _token, secret = token_for(energy_company(), users.beheerder)
    signal = signal_json(huisnummer="4", achternaam="Twee", met_bsn=True)

    first = call(secret, "signal_create", signal)
    again = call(secret, "signal_create", {**signal, "partnernaam": "  voorbeeld   ENERGIE "})
    batch = call(secret, "signal_batch", [signal, signal])

    assert first.status_code == 201
    assert (again.status_code, again.json()) == (200, {"resultaat": "herhaald"})
    assert batch.json()["aantallen"] == {"nieuw": 0, "herhaald": 2, "ongeldig": 0}
    assert counts() == (1, 1, 1, 1)


def test_a_signal_from_the_file_is_a_repeat_through_the_api_and_back(place, users, client_for, frozen_time,
                                                                      django_capture_on_commit_callbacks):
    place_postcode(place)
    _token, secret = token_for(energy_company(), users.beheerder)
    from_file = dict(huisnummer="8", achternaam="Bestand")
    from_api = dict(huisnummer="9", achternaam="Api", crisis=True)
    # The API's first signal, then the month's file holding it and the file's own signal.
    assert call(secret, "signal_create", signal_json(**from_api)).status_code == 201
    report = upload(client_for(users.teamleider), "nov.csv",
                    csv_bytes([SignaalRijFactory(**from_file), SignaalRijFactory(**from_api)]),
                    django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert (report.nieuw, report.herhaald, report.ongeldig) == (1, 1, 0)
    after_file = counts()
    assert after_file == (2, 2, 2, 2)

    # The file's signal through the API (written the API's way: numbers and booleans) is a repeat too.
    response = call(secret, "signal_create", signal_json(**from_file))

    assert (response.status_code, response.json()) == (200, {"resultaat": "herhaald"})
    assert counts() == after_file
    assert sorted(Signaal.objects.values_list("bron", flat=True)) == sorted([Bron.API, Bron.BESTAND])
