# SPDX-License-Identifier: EUPL-1.2
"""A referral keeps the buurt its household lived in when it was made (from a case or from a triaged request),
for figures per wijk and buurt: the resident moving on, or the address being put in another buurt (a new CBS
division), leaves it as it was."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_verwijzingen as fv
from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.huishoudens.models import Adres
from wijkteam.huishoudens.services import find_or_create_adres, move_person
from wijkteam.hulpvragen.models import HulpvraagStatus
from wijkteam.verwijzingen.models import Verwijzing

from .support import case_and_service

pytestmark = pytest.mark.django_db


def test_a_referral_from_a_case_keeps_the_buurt_of_the_household(client_for: Any, place: Any, users: Any,
                                                                  frozen_time: Any) -> None:
    w = case_and_service(place, users)
    response = client_for(users.medewerker).post(f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}", {
        "service": str(w.service.pk), "soort": "collectief", "persoon": w.persoon.pk, "gedeeld": ["naam"],
        "verwezen_op": "2026-11-25"})
    assert response.status_code == 302
    v = Verwijzing.objects.get()
    assert v.buurt_id == place.buurt_a.pk

    # The resident moves to the other wijk; later the old address is put in another buurt.
    elsewhere = find_or_create_adres(postcode="3512 CD", huisnummer=9, straat="Kerkstraat", woonplaats="Voorbeeld",
                                     buurt=place.buurt_b)
    move_person(w.persoon, elsewhere, by=users.medewerker)
    Adres.objects.filter(pk=w.casus.huishouden.adres_id).update(buurt=place.buurt_b)
    v.refresh_from_db()
    assert v.buurt_id == place.buurt_a.pk
    assert Verwijzing.objects.filter(buurt__wijk=place.wijk_a).count() == 1


def test_a_referral_from_a_triaged_request_keeps_the_buurt(client_for: Any, place: Any, users: Any,
                                                           frozen_time: Any) -> None:
    persoon = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a, achternaam="El Amrani")
    hulpvraag = HulpvraagFactory(persoon=persoon, huishouden=persoon.huishouden, team=place.team_a,
                                 status=HulpvraagStatus.GETRIEERD, behandelaar=users.medewerker)
    service = fv.partner_service(users.partner.organisatie, name="Maatjesproject Samen")
    response = client_for(users.medewerker).post(f"{reverse('verwijzingen:nieuw')}?hulpvraag={hulpvraag.pk}", {
        "service": str(service.pk), "soort": "collectief", "persoon": persoon.pk, "gedeeld": ["naam"],
        "verwezen_op": "2026-11-25"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Verwijzing.objects.get().buurt_id == place.buurt_a.pk


def test_an_address_outside_every_buurt_gives_no_buurt(client_for: Any, place: Any, users: Any,
                                                       frozen_time: Any) -> None:
    w = case_and_service(place, users)
    Adres.objects.filter(pk=w.casus.huishouden.adres_id).update(buurt=None)
    response = client_for(users.medewerker).post(f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}", {
        "service": str(w.service.pk), "soort": "collectief", "persoon": w.persoon.pk, "gedeeld": ["naam"],
        "verwezen_op": "2026-11-25"})
    assert response.status_code == 302
    assert Verwijzing.objects.get().buurt_id is None
