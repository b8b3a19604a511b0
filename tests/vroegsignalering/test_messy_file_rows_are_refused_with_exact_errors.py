# SPDX-License-Identifier: EUPL-1.2
"""A messy file from another source (Windows-1252, semicolons, CRLF, headers in another order and case,
Dutch dates) and a tidy one (UTF-8 with BOM, commas, LF, ISO dates): every bad value is reported with its
row, column and value in Dutch, and exactly the valid distinct rows are stored."""

from __future__ import annotations

import random

import pytest
from django.urls import reverse

from tests.factories_vroegsignalering import SignaalRijFactory, csv_bytes
from wijkteam.vroegsignalering.batch.reader import COLUMNS
from wijkteam.vroegsignalering.models import Signaal, UploadFout

from .support import place_postcode, upload

pytestmark = pytest.mark.django_db

ROWS_1252 = [
    {"achternaam": "Gül", "straatnaam": "Kerkstraße", "huisnummer": "1"},                   # 2 valid
    {"postcode": "1234", "huisnummer": "2"},                                                 # 3
    {"signaaldatum": "31-02-2026", "huisnummer": "3"},                                       # 4
    {"bedrag": "-50", "huisnummer": "4"},                                                    # 5
    {"achternaam": "Gül", "straatnaam": "Kerkstraße", "huisnummer": "1"},                   # 6 repeat of 2
    {"bsn": "123456789", "huisnummer": "5"},                                                 # 7
    {"ontstaansdatum": "10-11-2026", "signaaldatum": "01-11-2026", "huisnummer": "6"},       # 8
    {"partnertype": "Bakker", "huisnummer": "7"},                                            # 9
    {"signaaldatum": "01-01-2027", "huisnummer": "8"},                                       # 10 future
    {"achternaam": "", "huisnummer": "9"},                                                   # 11
    {"bedrag": "12,50", "huisnummer": "10"},                                                 # 12
    {"partnertype": "ZORGVERZEKERAAR", "huisnummer": "11", "crisissignaal": "J"},            # 13 valid
]
EXPECTED_1252 = {
    (3, "postcode", "1234"), (4, "signaaldatum", "31-02-2026"), (5, "bedrag", "-50"), (7, "bsn", "123456789"),
    (8, "ontstaansdatum", "10-11-2026"), (9, "partnertype", "Bakker"), (10, "signaaldatum", "01-01-2027"),
    (11, "achternaam", ""), (12, "bedrag", "12,50"),
}
ROWS_UTF8 = [
    {"achternaam": "Gül", "straatnaam": "Kerkstraße", "huisnummer": "1", "iso": True},      # 2 repeat (other file)
    {"achternaam": "Öztürk", "huisnummer": "20", "iso": True, "huur": True},                 # 3 valid
    {"postcode": "1234 SS", "huisnummer": "21", "iso": True},                                # 4 never issued
    {"geboortedatum": "1985-13-01", "huisnummer": "22", "iso": True},                        # 5 no month 13
    {"huisnummer": "", "iso": True},                                                         # 6
]
EXPECTED_UTF8 = {(4, "postcode", "1234 SS"), (5, "geboortedatum", "1985-13-01"), (6, "huisnummer", "")}


def errors_of(item):
    return {(e.rij, e.kolom, e.waarde) for e in UploadFout.objects.filter(upload=item)}


def test_each_bad_value_is_named_and_only_valid_distinct_rows_are_stored(place, users, client_for, frozen_time,
                                                                         django_capture_on_commit_callbacks):
    place_postcode(place)
    client = client_for(users.teamleider)
    shuffled = list(COLUMNS)
    random.Random(3).shuffle(shuffled)
    header = [c.upper() if i % 2 else c.title() for i, c in enumerate(shuffled)]
    first = upload(client, "signalen-okt.csv", csv_bytes([SignaalRijFactory(**r) for r in ROWS_1252],
                   columns=shuffled, header=header, encoding="windows-1252", delimiter=";", newline="\r\n"),
                   django_capture_on_commit_callbacks)
    first.refresh_from_db()
    assert errors_of(first) == EXPECTED_1252
    assert (first.status, first.rijen_totaal, first.nieuw, first.herhaald, first.ongeldig) == ("klaar", 12, 2, 1, 9)
    assert (first.codering, first.scheidingsteken) == ("windows-1252", ";")
    assert Signaal.objects.filter(upload=first).count() == 2
    # The messages are Dutch and say what is wrong.
    melding = {e.kolom: e.melding for e in UploadFout.objects.filter(upload=first)}
    assert UploadFout.objects.get(upload=first, rij=5).melding == "Het bedrag mag niet negatief zijn."
    assert UploadFout.objects.get(upload=first, rij=12).melding == (
        "Het bedrag moet een heel getal in euro's zijn, zonder centen, zoals 450.")
    assert "11-proef" in melding["bsn"]
    assert "toekomst" in UploadFout.objects.get(upload=first, rij=10).melding
    assert "Onbekende soort signaalpartner" in melding["partnertype"]
    stored = Signaal.objects.get(upload=first, upload_rij=13)
    assert (stored.partnertype, stored.crisissignaal) == ("Zorg", True)
    assert Signaal.objects.get(upload=first, upload_rij=2).persoon.achternaam == "Gül"

    second = upload(client, "signalen-nov.csv", b"\xef\xbb\xbf" + csv_bytes(
        [SignaalRijFactory(**r) for r in ROWS_UTF8], delimiter=",", newline="\n"), django_capture_on_commit_callbacks)
    second.refresh_from_db()
    assert errors_of(second) == EXPECTED_UTF8
    assert (second.nieuw, second.herhaald, second.ongeldig) == (1, 1, 3)
    assert Signaal.objects.count() == 3

    # The report page shows the counts and the first errors.
    page = client.get(reverse("vroegsignalering:upload_detail", args=[first.pk])).content.decode()
    assert 'id="aantal-nieuw">2<' in page and 'id="aantal-ongeldig">9<' in page and "31-02-2026" in page
