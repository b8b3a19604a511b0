# SPDX-License-Identifier: EUPL-1.2
"""The invitation letter carries out of the application the names of at most two residents and the address:
the audit trail gets an export row for exactly the persons named (in their own trail), not for every member
of the household; a letter to "De bewoners" names nobody."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.models import Signaal

from .zaken_support import zaak_world

pytestmark = pytest.mark.django_db


def _letter(client, zaak):
    response = client.get(reverse("vroegsignalering:zaak_brief", args=[zaak.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_only_the_resident_named_is_exported(place, users, client_for, frozen_time):
    world = zaak_world(place)  # the signal is about Jan; Els lives there too
    _letter(client_for(users.medewerker), world.zaak)
    exports = AuditEvent.objects.filter(action=Action.EXPORT, user_id=users.medewerker.pk)
    assert sorted(exports.exclude(person_id=None).values_list("person_id", flat=True)) == [world.jan.pk]
    assert exports.get(object_type="vroegsignalering.vroegsignaalzaak").detail["personen"] == [world.jan.pk]
    assert not AuditEvent.objects.filter(person_id=world.els.pk, user_id=users.medewerker.pk).exists()


def test_a_letter_to_the_residents_names_nobody(place, users, client_for, frozen_time):
    world = zaak_world(place)
    Signaal.objects.filter(zaak=world.zaak).update(persoon=None)
    f.PersoonFactory(huishouden=world.zaak.huishouden)  # three members, none named
    _letter(client_for(users.medewerker), world.zaak)
    exports = AuditEvent.objects.filter(action=Action.EXPORT, user_id=users.medewerker.pk)
    assert not exports.exclude(person_id=None).exists()
    assert exports.get(object_type="vroegsignalering.vroegsignaalzaak").detail["personen"] == []
