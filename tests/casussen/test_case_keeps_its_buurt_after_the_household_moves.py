# SPDX-License-Identifier: EUPL-1.2
"""A case is counted in the buurt (and so the wijk) where the household lived when it was opened: opening keeps
that buurt on the case, and it stays when the household later lives elsewhere, when its address loses its buurt,
or when the case is reopened. Nothing in the application moves a household to another address yet (people move
through `move_person`); the tests change the address row directly, as a later write path or a correction would."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from wijkteam.casussen import services
from wijkteam.casussen.models import Casus, Sluitreden, Uitkomst
from wijkteam.huishoudens.models import Adres, Huishouden

pytestmark = pytest.mark.django_db


def _move(household: Huishouden, buurt: Any) -> None:
    Huishouden.objects.filter(pk=household.pk).update(adres=f.AdresFactory(buurt=buurt))


def test_opening_on_the_page_keeps_the_buurt_after_a_move(place: Any, users: Any, client_for: Any) -> None:
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    household = person.huishouden
    response = client_for(users.medewerker).post(reverse("casussen:casus_openen"), {
        "huishouden": household.pk, "team": place.team_a.pk, "regisseur": users.medewerker.pk, "gewicht": ""})
    assert response.status_code == 302
    casus = Casus.objects.get(huishouden=household)
    assert casus.buurt == place.buurt_a

    _move(household, place.buurt_b)
    casus.refresh_from_db()
    assert casus.huishouden.adres.buurt == place.buurt_b  # where they live now
    assert casus.buurt == place.buurt_a and casus.buurt.wijk == place.wijk_a  # where the case is counted


def test_the_buurt_stays_when_the_address_loses_it_and_on_reopening(place: Any, users: Any) -> None:
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    casus = services.open_case(household, regisseur=users.medewerker, team=place.team_a, by=users.medewerker)
    assert Casus.objects.get(pk=casus.pk).buurt_id == place.buurt_a.pk

    Adres.objects.filter(pk=household.adres_id).update(buurt=None)  # e.g. an address emptied or not placed
    services.close_case(casus, sluitreden=Sluitreden.VERHUISD, uitkomst=Uitkomst.ONBEKEND, by=users.medewerker)
    _move(household, place.buurt_b)
    services.reopen_case(casus, by=users.medewerker, toelichting="Terug in beeld.")
    assert Casus.objects.get(pk=casus.pk).buurt_id == place.buurt_a.pk


def test_a_household_without_a_buurt_opens_a_case_without_one(place: Any, users: Any) -> None:
    household = f.HuishoudenFactory(adres__buurt=None)
    casus = services.open_case(household, regisseur=users.medewerker, team=place.team_a, by=users.medewerker)
    assert Casus.objects.get(pk=casus.pk).buurt is None
