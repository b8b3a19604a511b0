# SPDX-License-Identifier: EUPL-1.2
"""Persons are matched by BSN (keyed hash) or achternaam + geboortedatum within the household; ambiguity is returned."""

from __future__ import annotations

import datetime as dt

import pytest

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.huishoudens.models import Persoon
from wijkteam.huishoudens.services import MatchStatus, find_or_add_person, household_at, match_person

pytestmark = pytest.mark.django_db

BORN = dt.date(1980, 5, 17)


def test_bsn_finds_the_person_anywhere(place, users):
    person = f.PersoonFactory(bsn="111222333", huishouden__adres__buurt=place.buurt_a)
    other = f.HuishoudenFactory(adres__buurt=place.buurt_b)
    match = find_or_add_person(other, by=users.medewerker, bsn="111 222 333", achternaam="Iemand anders",
                               geboortedatum=BORN)
    assert (match.status, match.person) == (MatchStatus.FOUND, person)
    assert Persoon.objects.count() == 1


def test_name_and_birth_date_find_the_person_within_the_household_and_add_the_bsn(place, users):
    person = f.PersoonFactory(achternaam="Jansen", geboortedatum=BORN, huishouden__adres__buurt=place.buurt_a)
    match = find_or_add_person(person.huishouden, by=users.medewerker, bsn="123456782", achternaam="jansen ",
                               geboortedatum=BORN)
    assert (match.status, match.person) == (MatchStatus.FOUND, person)
    person.refresh_from_db()
    assert person.bsn == "123456782"
    assert AuditEvent.objects.filter(action=Action.UPDATE, person_id=person.pk, detail__fields=["bsn"]).exists()


def test_same_name_elsewhere_is_a_new_person(place, users):
    f.PersoonFactory(achternaam="Jansen", geboortedatum=BORN, huishouden__adres__buurt=place.buurt_a)
    elsewhere = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    match = find_or_add_person(elsewhere, by=users.medewerker, achternaam="Jansen", geboortedatum=BORN,
                               voornamen="Piet")
    assert match.status is MatchStatus.CREATED and match.person.huishouden == elsewhere
    assert AuditEvent.objects.filter(action=Action.CREATE, person_id=match.person.pk).exists()


def test_another_bsn_is_another_person_even_with_the_same_name(place, users):
    person = f.PersoonFactory(achternaam="Jansen", geboortedatum=BORN, bsn="111222333",
                              huishouden__adres__buurt=place.buurt_a)
    match = find_or_add_person(person.huishouden, by=users.medewerker, bsn="123456782", achternaam="Jansen",
                               geboortedatum=BORN)
    assert match.status is MatchStatus.CREATED and match.person != person


def test_two_candidates_are_ambiguous_and_nothing_is_written(place, users):
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    twins = [f.PersoonFactory(huishouden=household, achternaam="Jansen", voornamen=v, geboortedatum=BORN)
             for v in ("Anna", "Bram")]
    before = AuditEvent.objects.count()

    match = find_or_add_person(household, by=users.medewerker, achternaam="Jansen", geboortedatum=BORN)

    assert match.status is MatchStatus.AMBIGUOUS and match.person is None
    assert list(match.candidates) == twins
    assert Persoon.objects.count() == 2 and AuditEvent.objects.count() == before
    # A first name that fits one of them settles it.
    assert match_person(household=household, achternaam="Jansen", geboortedatum=BORN,
                        voornamen="Bram Pieter").person == twins[1]


def test_household_at_reuses_the_household_living_there(place, users):
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    assert household_at(household.adres, by=users.medewerker) == household
