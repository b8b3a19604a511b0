# SPDX-License-Identifier: EUPL-1.2
"""Which household a person belonged to, and when, is kept as rows (not only in an audit event's detail): a
person recorded in a household is a member from that moment; a worker moving them closes that membership and
opens the next at the same moment, naming the worker; a person recorded without a household has none until
they are placed. The household they left is still known after they have moved on twice."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from wijkteam.huishoudens.models import HuishoudenLidmaatschap
from wijkteam.huishoudens.services import (
    add_person,
    find_or_add_person,
    find_or_create_adres,
    household_at,
    move_person,
)

pytestmark = pytest.mark.django_db

RECORDED = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
FIRST_MOVE = dt.datetime(2026, 2, 1, 14, 0, tzinfo=dt.UTC)
SECOND_MOVE = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


def _adres(huisnummer: int, buurt):
    return find_or_create_adres(postcode="3511 AB", huisnummer=huisnummer, straat="Havenstraat",
                                woonplaats="Voorbeeld", buurt=buurt)


def _history(person):
    return [(m.huishouden_id, m.vanaf, m.tot, m.door_id)
            for m in HuishoudenLidmaatschap.objects.filter(persoon=person).order_by("vanaf", "pk")]


def test_moves_close_the_old_membership_and_open_the_new(place, users):
    first = household_at(_adres(1, place.buurt_a), by=users.medewerker)
    with time_machine.travel(RECORDED, tick=False):
        person = add_person(first, by=users.medewerker, achternaam="Jansen", geboortedatum=dt.date(1980, 1, 1))
    assert _history(person) == [(first.pk, RECORDED, None, users.medewerker.pk)]

    with time_machine.travel(FIRST_MOVE, tick=False):
        second = move_person(person, _adres(2, place.buurt_a), by=users.teamleider)
    with time_machine.travel(SECOND_MOVE, tick=False):
        third = move_person(person, _adres(3, place.buurt_b), by=users.medewerker)

    assert _history(person) == [
        (first.pk, RECORDED, FIRST_MOVE, users.medewerker.pk),
        (second.pk, FIRST_MOVE, SECOND_MOVE, users.teamleider.pk),
        (third.pk, SECOND_MOVE, None, users.medewerker.pk),
    ]
    person.refresh_from_db()
    assert person.huishouden_id == third.pk
    # The household's side: who lived there, and until when.
    assert [(m.persoon_id, m.tot) for m in first.lidmaatschappen.all()] == [(person.pk, FIRST_MOVE)]


def test_moving_to_the_household_one_lives_in_changes_nothing(place, users):
    household = household_at(_adres(1, place.buurt_a), by=users.medewerker)
    person = add_person(household, by=users.medewerker, achternaam="Jansen")
    before = _history(person)
    assert move_person(person, household.adres, by=users.medewerker) == household
    assert _history(person) == before and len(before) == 1


def test_a_person_without_household_becomes_a_member_when_placed(place, users):
    with time_machine.travel(RECORDED, tick=False):
        person = add_person(None, system="hulpformulier", achternaam="Zonderadres")
    assert _history(person) == []
    with time_machine.travel(FIRST_MOVE, tick=False):
        household = move_person(person, _adres(7, place.buurt_a), by=users.medewerker)
    assert _history(person) == [(household.pk, FIRST_MOVE, None, users.medewerker.pk)]


def test_a_person_found_or_added_by_a_system_is_a_member_without_a_user(place):
    household = household_at(_adres(1, place.buurt_a), system="vroegsignalering-upload")
    with time_machine.travel(RECORDED, tick=False):
        match = find_or_add_person(household, system="vroegsignalering-upload", achternaam="Nieuw",
                                   geboortedatum=dt.date(1990, 5, 5))
        again = find_or_add_person(household, system="vroegsignalering-upload", achternaam="nieuw",
                                   geboortedatum=dt.date(1990, 5, 5))
    assert again.person == match.person
    assert _history(match.person) == [(household.pk, RECORDED, None, None)]
