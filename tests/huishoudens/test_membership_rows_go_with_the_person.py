# SPDX-License-Identifier: EUPL-1.2
"""A person's household memberships are their personal data: removing the person removes them (they never
block the removal, and other members' rows stay), while a household a person's history names is kept until
that person's rows go."""

from __future__ import annotations

import pytest
from django.db.models import ProtectedError

from wijkteam.huishoudens.models import Huishouden, HuishoudenLidmaatschap, Persoon
from wijkteam.huishoudens.services import add_person, find_or_create_adres, household_at, move_person

pytestmark = pytest.mark.django_db


def _adres(huisnummer):
    return find_or_create_adres(postcode="3511 AB", huisnummer=huisnummer, straat="Havenstraat",
                                woonplaats="Voorbeeld")


def test_removing_a_person_removes_their_memberships(place, users):
    left = household_at(_adres(1), by=users.medewerker)
    person = add_person(left, by=users.medewerker, achternaam="Jansen")
    now_home = move_person(person, _adres(2), by=users.medewerker)
    housemate = add_person(now_home, by=users.medewerker, achternaam="Bakker")
    assert HuishoudenLidmaatschap.objects.filter(persoon=person).count() == 2

    # Nobody lives in the household they left, but their history names it.
    with pytest.raises(ProtectedError):
        Huishouden.objects.filter(pk=left.pk).delete()

    person.delete()
    assert not Persoon.objects.filter(pk=person.pk).exists()
    assert not HuishoudenLidmaatschap.objects.filter(persoon_id=person.pk).exists()
    assert HuishoudenLidmaatschap.objects.filter(persoon=housemate).count() == 1
    Huishouden.objects.filter(pk=left.pk).delete()
    assert not Huishouden.objects.filter(pk=left.pk).exists()
