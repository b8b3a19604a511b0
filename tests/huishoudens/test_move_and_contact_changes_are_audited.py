# SPDX-License-Identifier: EUPL-1.2
"""Moves and contact changes go through the write path and name the fields (not the values) in the trail."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.huishoudens.models import Huishouden
from wijkteam.huishoudens.services import move_person, register_household, update_contact

pytestmark = pytest.mark.django_db


def test_move_to_an_empty_address_makes_a_household_there(place, users):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    old = person.huishouden
    new_adres = f.AdresFactory(buurt=place.buurt_b)

    household = move_person(person, new_adres, by=users.medewerker)

    person.refresh_from_db()
    assert person.huishouden == household and household.adres == new_adres and household != old
    event = AuditEvent.objects.get(action=Action.UPDATE, person_id=person.pk)
    assert event.detail == {"fields": ["huishouden"], "van_huishouden": old.pk}
    assert event.username == "medewerker"


def test_move_joins_the_household_already_living_there(place, users):
    living = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    mover = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    move_person(mover, living.huishouden.adres, by=users.medewerker)
    mover.refresh_from_db()
    assert mover.huishouden == living.huishouden


def test_contact_change_records_field_names_only(place, users):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a, telefoon="", email="")
    changed = update_contact(person, by=users.medewerker, telefoon="06-12345678", email=None)
    assert changed == ["telefoon"]
    person.refresh_from_db()
    assert person.telefoon == "06-12345678"
    event = AuditEvent.objects.get(action=Action.UPDATE, person_id=person.pk)
    assert event.detail == {"fields": ["telefoon"]} and "12345678" not in str(event.detail)
    assert update_contact(person, by=users.medewerker, telefoon="06-12345678") == []


def test_bad_email_is_refused_and_nothing_is_written(place, users):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a, email="")
    with pytest.raises(ValidationError) as excinfo:
        update_contact(person, by=users.medewerker, email="geen-adres")
    assert "email" in excinfo.value.message_dict
    person.refresh_from_db()
    assert person.email == "" and not AuditEvent.objects.filter(action=Action.UPDATE).exists()


def test_a_system_intake_is_named_in_the_trail(place):
    adres = f.AdresFactory(buurt=place.buurt_a)
    household = register_household(adres, system="vroegsignalering-import")
    event = AuditEvent.objects.get(action=Action.CREATE, household_id=household.pk)
    assert (event.user_id, event.username) == (None, "vroegsignalering-import")


def test_an_unattributed_change_is_refused(place):
    adres = f.AdresFactory(buurt=place.buurt_a)
    with pytest.raises(ValueError, match="system"):
        register_household(adres)
    assert not Huishouden.objects.exists()
