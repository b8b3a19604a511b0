# SPDX-License-Identifier: EUPL-1.2
"""Every field of an uploaded row arrives where it belongs (person, address, signal), for many rows in a
row: the checked rows travel between the two passes and must not mix."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories_vroegsignalering import SignaalRijFactory, csv_bytes
from wijkteam.vroegsignalering.models import Signaal

from .support import place_postcode, upload

pytestmark = pytest.mark.django_db

BSNS = ["111222333", "123456782", "999999990", "100000009", "100000010"]


def test_fields_land_in_place(place, users, client_for, frozen_time, django_capture_on_commit_callbacks):
    place_postcode(place)
    rows = [SignaalRijFactory(bsn=BSNS[i % 5] if i < 5 else "", achternaam=f"Naam{i}", voorvoegsel="van" * (i % 2),
                              huisnummer=str(10 + i), huisnummertoevoeging="2" if i % 3 == 0 else "",
                              telefoonnummer=f"06-1234567{i % 10}" if i % 2 else "",
                              email=f"n{i}@example.org" if i % 4 == 0 else "", bedrag=str(100 + i))
            for i in range(40)]
    item = upload(client_for(users.teamleider), "veel.csv", csv_bytes(rows), django_capture_on_commit_callbacks)
    item.refresh_from_db()
    assert (item.nieuw, item.ongeldig) == (40, 0)
    for i, row in enumerate(rows):
        s = Signaal.objects.select_related("persoon", "adres").get(upload=item, upload_rij=i + 2)
        p, a = s.persoon, s.adres
        assert (p.achternaam, p.tussenvoegsel, p.telefoon, p.email, p.bsn) == (
            row["achternaam"], row["voorvoegsel"], row["telefoonnummer"], row["email"], row["bsn"]), i
        assert (a.huisnummer, a.huisletter, a.huisnummertoevoeging, a.straat) == (
            int(row["huisnummer"]), "", row["huisnummertoevoeging"], "Havenstraat"), i
        assert (s.bedrag, s.signaaldatum, p.geboortedatum) == (100 + i, dt.date(2026, 11, 5), dt.date(1985, 6, 15))
