# SPDX-License-Identifier: EUPL-1.2
"""A worker types a house number that is none ("abc", a toevoeging of five characters): the intake and
handover forms say so beside Huisnummer, not beside Postcode, and nothing is written. The write path keys
an address error by what it concerns, for every door."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wijkteam.huishoudens.models import Adres, Huishouden, Persoon
from wijkteam.hulpvragen.models import Hulpvraag, Kanaal
from wijkteam.hulpvragen.services import AdresInvoer, Contact, create_request

from .support import POSTCODE_A, postcodes

pytestmark = pytest.mark.django_db


def _intake(**overrides: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kanaal": "telefoon", "achternaam": "Yilmaz", "voornamen": "Ayse", "postcode": "3511ab",
        "huisnummer": "12", "telefoon": "0612345678", "omschrijving": "Huurachterstand.",
        "levensdomeinen": ["LD01"], "voorgelezen": "on",
    }
    data.update(overrides)
    return data


def _nothing_written() -> bool:
    return not (Hulpvraag.objects.exists() or Persoon.objects.exists() or Huishouden.objects.exists()
                or Adres.objects.exists())


@pytest.mark.parametrize("huisnummer", ["abc", "12-ABCDE", "0"])
def test_the_intake_form_names_the_huisnummer(place: Any, users: Any, client_for: Any, frozen_time: Any,
                                              huisnummer: str) -> None:
    postcodes(place)
    response = client_for(users.medewerker).post(reverse("hulpvragen:intake_new"),
                                                 _intake(huisnummer=huisnummer))

    assert response.status_code == 400
    form = response.context["form"]
    assert "huisnummer" in form.errors and "postcode" not in form.errors
    assert "Vul een geldig huisnummer in, zoals 12, 12a of 12-3." in form.errors["huisnummer"]
    assert 'id="id_huisnummer-error"' in response.content.decode()
    assert _nothing_written()


def test_the_handover_form_names_the_huisnummer(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    response = client_for(users.partner).post(reverse("hulpvragen:handover_new"), {
        "achternaam": "Yilmaz", "postcode": "3511ab", "huisnummer": "abc", "telefoon": "0612345678",
        "omschrijving": "Huurachterstand.", "overdracht_notitie": "Belt liever na 14 uur.",
        "toestemming_contact": "on"})

    assert response.status_code == 400
    form = response.context["form"]
    assert "huisnummer" in form.errors and "postcode" not in form.errors
    assert _nothing_written()


@pytest.mark.parametrize(("invoer", "field"), [
    (AdresInvoer(postcode=POSTCODE_A, huisnummer="abc"), "huisnummer"),
    (AdresInvoer(postcode=POSTCODE_A, huisnummer="12", toevoeging="ABCDE"), "toevoeging"),
    (AdresInvoer(postcode=POSTCODE_A, huisnummer="12", huisletter="AB"), "huisletter"),
    (AdresInvoer(postcode="35 11", huisnummer="12"), "postcode"),
])
def test_the_write_path_keys_an_address_error_by_what_it_concerns(place: Any, users: Any, invoer: AdresInvoer,
                                                                  field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        create_request(kanaal=Kanaal.TELEFOON, omschrijving="Huurachterstand.", adres=invoer,
                       contact=Contact(telefoon="0612345678"), by=users.medewerker)

    assert set(raised.value.message_dict) == {field}
    assert _nothing_written()
