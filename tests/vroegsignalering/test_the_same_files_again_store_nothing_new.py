# SPDX-License-Identifier: EUPL-1.2
"""Idempotent: the same file again, an overlapping next month's file and the same signal through the
single path (as the API will send it) store no duplicate; each upload's report says new / repeat / invalid."""

from __future__ import annotations

import pytest

from tests.factories_vroegsignalering import SignaalRijFactory, csv_bytes, signal_row
from wijkteam.huishoudens.models import Adres, Huishouden, HuishoudenLidmaatschap, Persoon
from wijkteam.vroegsignalering.models import Signaal, Vroegsignaalzaak
from wijkteam.vroegsignalering.services import Outcome, ingest_signal

from .support import place_postcode, upload

pytestmark = pytest.mark.django_db

OCTOBER = [dict(huisnummer=str(n), achternaam=f"Bewoner{n}") for n in range(1, 6)]
OCTOBER_BAD = [dict(huisnummer="7", bedrag="-1")]
# November repeats three of October's signals (partners re-send until paid) and brings two new ones.
NOVEMBER = [*OCTOBER[:3], dict(huisnummer="8", achternaam="Nieuw8"), dict(huisnummer="1", achternaam="Bewoner1",
                                                                           huur=True)]


def counts():  # (signals, zaken, persons, households, addresses, memberships)
    return tuple(m.objects.count() for m in (Signaal, Vroegsignaalzaak, Persoon, Huishouden, Adres,
                                             HuishoudenLidmaatschap))


def test_repeats_are_counted_not_stored(place, users, client_for, frozen_time, django_capture_on_commit_callbacks):
    place_postcode(place)
    client = client_for(users.teamleider)
    october = csv_bytes([SignaalRijFactory(**r) for r in OCTOBER + OCTOBER_BAD])
    first = upload(client, "okt.csv", october, django_capture_on_commit_callbacks)
    first.refresh_from_db()
    assert (first.nieuw, first.herhaald, first.ongeldig) == (5, 0, 1)
    after_october = counts()
    assert after_october == (5, 5, 5, 5, 5, 5)

    again = upload(client, "okt-nogmaals.csv", october, django_capture_on_commit_callbacks)
    again.refresh_from_db()
    assert (again.nieuw, again.herhaald, again.ongeldig) == (0, 5, 1)
    assert counts() == after_october

    november = upload(client, "nov.csv", csv_bytes([SignaalRijFactory(**r) for r in NOVEMBER], delimiter=",",
                                                   newline="\n"), django_capture_on_commit_callbacks)
    november.refresh_from_db()
    assert (november.nieuw, november.herhaald, november.ongeldig) == (2, 3, 0)
    # The rent signal for Bewoner1 joins the open zaak; Nieuw8 gets a new person, household and zaak.
    assert counts() == (7, 6, 6, 6, 6, 6)

    # The same signal through the single path (the API's door) is a repeat too.
    result = ingest_signal(signal_row(**OCTOBER[0]), system="api-test")
    assert result.outcome is Outcome.REPEAT
    assert counts() == (7, 6, 6, 6, 6, 6)
