# SPDX-License-Identifier: EUPL-1.2
"""A partner's token sends one signal (201): it lands, as source API and from that organisation, with the
resident's household at the address, in a zaak of the team of that wijk; every step is on the audit trail
as the token, on behalf of the organisation, and no session is needed or used."""

from __future__ import annotations

import datetime as dt

import pytest

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.huishoudens.models import Adres
from wijkteam.vroegsignalering.models import Bron, Signaal

from .partner_api_support import call, energy_company, signal_json, token_for
from .support import place_postcode

pytestmark = pytest.mark.django_db


def test_a_signal_is_stored_with_the_known_household(place, users, frozen_time):
    place_postcode(place)
    adres = f.AdresFactory(postcode="3511 AB", huisnummer=12, buurt=place.buurt_a)
    resident = f.PersoonFactory(huishouden__adres=adres, achternaam="Vries", geboortedatum=dt.date(1985, 6, 15))
    organisatie = energy_company()
    token, secret = token_for(organisatie, users.beheerder)

    response = call(secret, "signal_create", signal_json(huisnummer="12", achternaam="Vries", voorvoegsel="de",
                                                         bedrag="450"))

    assert response.status_code == 201, response.content
    answer = response.json()
    signaal = Signaal.objects.get()
    assert answer == {"resultaat": "nieuw", "id": signaal.pk}
    assert (signaal.bron, signaal.organisatie_id, signaal.gemeld_door_id) == (Bron.API, organisatie.pk, None)
    assert (signaal.persoon_id, signaal.huishouden_id) == (resident.pk, resident.huishouden_id)
    assert (signaal.partnertype, signaal.partnernaam, signaal.bedrag) == ("Energie", "Voorbeeld Energie", 450)
    assert signaal.zaak is not None and signaal.zaak.team_id == place.team_a.pk
    assert Adres.objects.count() == 1  # the resident's address, not a second one

    created = AuditEvent.objects.filter(action=Action.CREATE, object_type="vroegsignalering.signaal",
                                        object_id=str(signaal.pk)).get()
    assert created.username == f"api-token:{token.prefix}" and created.user_id is None
    assert created.person_id == resident.pk
    call_row = AuditEvent.objects.filter(action=Action.CREATE, object_id="", username=f"api-token:{token.prefix}").get()
    assert call_row.on_behalf_of == "Voorbeeld Energie"
    assert call_row.detail == {"api_token_id": token.pk, "organisatie_id": organisatie.pk, "api": "signalen",
                               "aantal": 1, "nieuw": 1, "herhaald": 0, "ongeldig": 0}
    token.refresh_from_db()
    assert token.laatst_gebruikt is not None


def test_an_unknown_resident_becomes_a_new_household_and_person(place, users, frozen_time):
    place_postcode(place)
    token, secret = token_for(energy_company(), users.beheerder)

    response = call(secret, "signal_create", signal_json(huisnummer="3", achternaam="Nieuw", met_bsn=True))

    assert response.status_code == 201
    signaal = Signaal.objects.select_related("persoon", "huishouden__adres").get()
    assert signaal.persoon.achternaam == "Nieuw" and signaal.persoon.bsn == "111222333"
    assert signaal.huishouden.adres.huisnummer == 3 and signaal.huishouden.adres.buurt_id == place.buurt_a.pk
    # The person and household were written by the token, as the audit trail says.
    assert set(AuditEvent.objects.filter(action=Action.CREATE).values_list("object_type", "username")) >= {
        ("huishoudens.persoon", f"api-token:{token.prefix}"), ("huishoudens.huishouden", f"api-token:{token.prefix}")}


def test_a_logged_in_session_adds_nothing_and_is_not_named(place, users, client_for, frozen_time):
    """The token decides; a staff member's session cookie sent along is neither needed nor recorded."""
    place_postcode(place)
    _token, secret = token_for(energy_company(), users.beheerder)
    staff = client_for(users.medewerker)
    staff.handler.enforce_csrf_checks = True  # a partner's system sends no CSRF token: none is needed

    assert call(None, "signal_create", signal_json(), client=staff).status_code == 401
    response = call(secret, "signal_create", signal_json(), client=staff)

    assert response.status_code == 201
    assert not AuditEvent.objects.filter(user_id=users.medewerker.pk).exclude(action=Action.LOGIN).exists()
    assert response["Cache-Control"] and "no-store" in response["Cache-Control"]
