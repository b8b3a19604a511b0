# SPDX-License-Identifier: EUPL-1.2
"""A household with an open case is need-to-know (casussen's restriction): its vroegsignaalzaak is not for the
whole team. A medewerker of the buurt's team who is not on the case gets an audited 403 on the zaak page (and
its worklist item) and finds it in neither the outreach queue nor the worklist; the regisseur, a co-worker,
the team lead, the worker the zaak is assigned to and the privacy officer still see it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.casussen.support import case_world
from tests.factories_vroegsignalering import SignaalFactory, VroegsignaalzaakFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.access import zaken_visible_to
from wijkteam.vroegsignalering.models import MatchWerklijstItem
from wijkteam.vroegsignalering.werklijst.access import werklijst_visible_to

pytestmark = pytest.mark.django_db


def _zaak_with_item(world, place):
    zaak = VroegsignaalzaakFactory(huishouden=world.casus.huishouden, team=place.team_a)
    signaal = SignaalFactory(persoon=world.ouder, zaak=zaak)
    item = MatchWerklijstItem.objects.create(signaal=signaal, aangeleverd={"achternaam": "Bakker"})
    return zaak, item


def test_a_team_member_outside_the_case_does_not_see_the_zaak(place, users, client_for, frozen_time):
    world = case_world(place, users)
    zaak, item = _zaak_with_item(world, place)
    detail = reverse("vroegsignalering:zaak_detail", args=[zaak.pk])
    item_url = reverse("vroegsignalering:werklijst_item", args=[item.pk])
    client = client_for(world.outsider)

    assert client.get(detail).status_code == 403
    assert client.get(item_url).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=world.outsider.pk,
                                     object_type="vroegsignalering.vroegsignaalzaak", object_id=str(zaak.pk),
                                     household_id=zaak.huishouden_id).exists()
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=world.outsider.pk,
                                     object_type="vroegsignalering.matchwerklijstitem").exists()
    queue = client.get(reverse("vroegsignalering:outreach_queue")).content.decode()
    assert detail not in queue and "Bakker" not in queue
    worklist = client.get(reverse("vroegsignalering:werklijst_index")).content.decode()
    assert item_url not in worklist
    assert not AuditEvent.objects.filter(action=Action.READ, user_id=world.outsider.pk,
                                         household_id=zaak.huishouden_id).exists()


def test_the_people_on_the_case_and_the_assigned_worker_see_it(place, users, client_for, frozen_time):
    world = case_world(place, users)
    zaak, item = _zaak_with_item(world, place)
    detail = reverse("vroegsignalering:zaak_detail", args=[zaak.pk])
    item_url = reverse("vroegsignalering:werklijst_item", args=[item.pk])

    for user in (users.medewerker, world.coworker, users.teamleider):  # regisseur, co-worker, team lead
        client = client_for(user)
        assert client.get(detail).status_code == 200, user.username
        assert client.get(item_url).status_code == 200, user.username
        assert detail in client.get(reverse("vroegsignalering:outreach_queue")).content.decode(), user.username
        assert item_url in client.get(reverse("vroegsignalering:werklijst_index")).content.decode(), user.username
    # The privacy officer (data-subject requests) keeps every zaak in scope.
    users.privacy.is_verified = lambda: True  # what django-otp's middleware says after the second factor
    assert zaken_visible_to(users.privacy).filter(pk=zaak.pk).exists()

    # The worker the zaak is assigned to keeps it, case or not (the zaak is their work).
    zaak.toegewezen_aan = world.outsider
    zaak.save(update_fields=["toegewezen_aan"])
    client = client_for(world.outsider)
    assert client.get(detail).status_code == 200
    assert detail in client.get(reverse("vroegsignalering:outreach_queue")).content.decode()
    world.outsider.is_verified = lambda: True
    assert werklijst_visible_to(world.outsider).filter(pk=item.pk).exists()


def test_once_the_case_is_closed_the_team_sees_the_zaak_again(place, users, client_for, frozen_time):
    world = case_world(place, users, status="afgesloten")
    zaak, _item = _zaak_with_item(world, place)
    assert client_for(world.outsider).get(reverse("vroegsignalering:zaak_detail", args=[zaak.pk])).status_code == 200
