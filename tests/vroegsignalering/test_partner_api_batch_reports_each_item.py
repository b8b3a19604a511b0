# SPDX-License-Identifier: EUPL-1.2
"""A batch of signals: each item checked by the file's row rules, answered in order with nieuw / herhaald /
ongeldig and Dutch errors naming the field (never repeating its value); the valid ones are stored, in one
transaction; a batch that is no list, empty or too long stores nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from wijkteam.vroegsignalering.batch.bulk import SignalBulkIngest
from wijkteam.vroegsignalering.models import Signaal

from .partner_api_support import call, energy_company, signal_json, token_for
from .support import place_postcode

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret(place, users, frozen_time):
    place_postcode(place)
    return token_for(energy_company(), users.beheerder)[1]


def test_bad_items_get_exact_errors_and_the_good_ones_are_stored(secret):
    good = signal_json(huisnummer="1", achternaam="Goed")
    items = [
        good,
        signal_json(huisnummer="2", bsn="123456789", bedrag=-5, postcode="35111AB"),
        signal_json(huisnummer="3", ontstaansdatum="2026-12-01"),
        {**signal_json(huisnummer="4"), "achternaam": None, "geboortedatum": None, "bedrag": 12.5},
        {**signal_json(huisnummer="5"), "naam": "Jansen", "crisissignaal": "misschien"},
        signal_json(huisnummer="6", partnernaam="Ander Waterbedrijf"),
        ["geen", "object"],
        signal_json(huisnummer="7", achternaam="OokGoed", huur=True, partnernaam=""),
        good,
    ]

    response = call(secret, "signal_batch", items)

    assert response.status_code == 200, response.content
    answer = response.json()
    stored = {s.persoon.achternaam: s.pk for s in Signaal.objects.select_related("persoon")}
    assert answer == {
        "aantallen": {"nieuw": 2, "herhaald": 1, "ongeldig": 6},
        "resultaten": [
            {"index": 0, "resultaat": "nieuw", "id": stored["Goed"]},
            {"index": 1, "resultaat": "ongeldig", "fouten": [
                {"veld": "bsn", "melding": "Dit BSN klopt niet: het moet 9 cijfers zijn en de 11-proef doorstaan."},
                {"veld": "postcode", "melding": "Geen geldige postcode; schrijf die als 1234 AB."},
                {"veld": "bedrag", "melding": "Het bedrag mag niet negatief zijn."},
            ]},
            {"index": 2, "resultaat": "ongeldig", "fouten": [
                {"veld": "ontstaansdatum", "melding": "Deze datum ligt in de toekomst."},
            ]},
            {"index": 3, "resultaat": "ongeldig", "fouten": [
                {"veld": "bedrag",
                 "melding": "Het bedrag moet een heel getal in euro's zijn, zonder centen, zoals 450."},
                {"veld": "achternaam", "melding": "Achternaam is verplicht als er geen BSN is."},
                {"veld": "geboortedatum", "melding": "Vul een datum in, zoals 31-12-2025 of 2025-12-31."},
            ]},
            {"index": 4, "resultaat": "ongeldig", "fouten": [
                {"veld": "naam", "melding": "Onbekend veld. Gebruik de velden van het bestand: bsn, voorletters, "
                 "voorvoegsel, achternaam, geboortedatum, straatnaam, huisnummer, huisnummertoevoeging, postcode, "
                 "plaatsnaam, telefoonnummer, email, partnertype, partnernaam, bedrag, ontstaansdatum, "
                 "signaaldatum, crisissignaal, warme_overdracht."},
                {"veld": "crisissignaal", "melding": "Schrijf ja of nee."},
            ]},
            {"index": 5, "resultaat": "ongeldig", "fouten": [
                {"veld": "partnernaam", "melding": "Laat de partnernaam leeg of vul de naam van uw organisatie in "
                                                   "(Voorbeeld Energie)."},
            ]},
            {"index": 6, "resultaat": "ongeldig", "fouten": [
                {"veld": "", "melding": "Een signaal is een JSON-object met de velden van het bestand."},
            ]},
            {"index": 7, "resultaat": "nieuw", "id": stored["OokGoed"]},
            {"index": 8, "resultaat": "herhaald"},
        ],
    }
    rent = Signaal.objects.get(pk=stored["OokGoed"])
    assert (rent.partnertype, rent.partnernaam, rent.bedrag) == ("Huur", "Voorbeeld Energie", 1200)


def test_an_error_in_storing_leaves_nothing_half_written(secret, monkeypatch):
    """The valid items are stored together: a failure halfway rolls back the ones before it."""
    written = []
    real = SignalBulkIngest.finish

    def failing_after_writing(writer):
        real(writer)  # every signal of the call is written and audited by now
        written.append(Signaal.objects.count())
        raise RuntimeError("database gone")

    monkeypatch.setattr(SignalBulkIngest, "finish", failing_after_writing)
    with pytest.raises(RuntimeError):
        call(secret, "signal_batch", [signal_json(huisnummer="1"), signal_json(huisnummer="2")])
    assert written == [2] and not Signaal.objects.exists()


@pytest.mark.parametrize(("body", "status", "melding"), [
    ({"bsn": ""}, 400, "Stuur een lijst (JSON-array) met 1 tot 200 signalen."),
    ([], 400, "Stuur een lijst (JSON-array) met 1 tot 200 signalen."),
    ([{}] * 201, 413, "Te veel signalen in één keer: hoogstens 200, u stuurde er 201."),
])
def test_a_batch_that_is_no_list_empty_or_too_long_is_refused(secret, body, status, melding):
    response = call(secret, "signal_batch", body)
    assert (response.status_code, response.json()) == (status, {"status": status, "melding": melding})
    assert not Signaal.objects.exists()


def test_a_body_that_is_no_json_is_refused(secret):
    client = Client()
    url = reverse("vroegsignalering_api:signal_batch")
    headers = {"Authorization": f"Bearer {secret}"}
    not_json = client.post(url, "[{", content_type="application/json", headers=headers)
    assert (not_json.status_code, not_json.json()["melding"]) == (400, "De inhoud is geen geldige JSON.")
    form = client.post(url, {"bsn": "1"}, headers=headers)
    assert (form.status_code, form.json()["melding"]) == (
        415, "Stuur JSON, met de kop Content-Type: application/json.")
    single_list = call(secret, "signal_create", [signal_json()])
    assert single_list.status_code == 400
    assert single_list.json()["melding"] == "Stuur één signaal als JSON-object; een lijst gaat naar signalen/batch/."
