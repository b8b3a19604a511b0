# SPDX-License-Identifier: EUPL-1.2
"""Whoever knows a resident's name, birth date and address could otherwise redirect the team's calls: a web
request writes phone/e-mail only on the person it created itself, never on a resident already known (not even an
empty field); a partner's handover fills an empty field but never overwrites one; what is not written waits on
the request until a worker confirms it. A worker's phone intake does change it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from wijkteam.hulpvragen.models import Kanaal
from wijkteam.hulpvragen.services import Aanvrager, Contact, create_request

from .support import adres, postcodes

pytestmark = pytest.mark.django_db
JAN = Aanvrager(achternaam="Vries", tussenvoegsel="de", geboortedatum=dt.date(1970, 3, 1))


def _jan(place: Any) -> Any:
    postcodes(place)
    first = create_request(kanaal=Kanaal.WEB, omschrijving="x", aanvrager=JAN, adres=adres(),
                           contact=Contact(telefoon="0611111111"), system="webformulier")
    return first.persoon


def test_the_web_writes_nothing_on_a_known_resident(place: Any, frozen_time: Any) -> None:
    jan = _jan(place)
    assert jan.telefoon == "0611111111"  # the person this web request created: its own number
    hv = create_request(kanaal=Kanaal.WEB, omschrijving="y", aanvrager=JAN, adres=adres(),
                        contact=Contact(telefoon="0699999999", email="jan@voorbeeld.nl"), system="webformulier")
    jan.refresh_from_db()
    assert hv.persoon == jan
    assert jan.telefoon == "0611111111" and jan.email == ""  # not even the empty e-mail is filled
    assert hv.aangeleverd == {"telefoon": "0699999999", "email": "jan@voorbeeld.nl"}


def test_a_partner_fills_an_empty_field_but_keeps_a_known_number(place: Any, users: Any,
                                                                 frozen_time: Any) -> None:
    jan = _jan(place)
    hv = create_request(kanaal=Kanaal.WARME_OVERDRACHT, omschrijving="y", persoon=jan,
                        contact=Contact(telefoon="0699999999", email="jan@voorbeeld.nl"),
                        toestemmingen={"contact": True}, by=users.partner, verwijzer=users.partner,
                        overdracht_notitie="Graag eerst bellen.")
    jan.refresh_from_db()
    assert jan.telefoon == "0611111111" and jan.email == "jan@voorbeeld.nl"
    assert hv.aangeleverd == {"telefoon": "0699999999"}


def test_the_worker_confirms_the_new_number_on_the_request_page(place: Any, users: Any, client_for: Any,
                                                                frozen_time: Any) -> None:
    jan = _jan(place)
    hv = create_request(kanaal=Kanaal.WEB, omschrijving="y", aanvrager=JAN, adres=adres(),
                        contact=Contact(telefoon="0699999999"), system="webformulier")
    client = client_for(users.medewerker)
    page = client.get(reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": hv.pk})).content.decode()
    assert "andere contactgegevens" in page and "0699999999" in page
    client.post(reverse("hulpvragen:link_person", kwargs={"pk": hv.pk}), {"persoon": jan.pk})
    jan.refresh_from_db()
    hv.refresh_from_db()
    assert jan.telefoon == "0699999999" and hv.aangeleverd == {}


def test_a_worker_on_the_phone_changes_it(place: Any, users: Any, frozen_time: Any) -> None:
    jan = _jan(place)
    create_request(kanaal=Kanaal.TELEFOON, omschrijving="y", persoon=jan, contact=Contact(telefoon="0622222222"),
                   by=users.medewerker)
    jan.refresh_from_db()
    assert jan.telefoon == "0622222222"


def test_a_partner_does_not_overwrite_it(place: Any, users: Any, frozen_time: Any) -> None:
    jan = _jan(place)
    hv = create_request(kanaal=Kanaal.WARME_OVERDRACHT, omschrijving="y", persoon=jan,
                        contact=Contact(telefoon="0633333333"), by=users.partner, verwijzer=users.partner,
                        overdracht_notitie="Graag bellen.", toestemmingen={"contact": True})
    jan.refresh_from_db()
    assert jan.telefoon == "0611111111" and hv.aangeleverd == {"telefoon": "0633333333"}

