# SPDX-License-Identifier: EUPL-1.2
"""A household with an open case is need-to-know (casussen's restriction), also for its requests for help: a
medewerker of the request's team who is not on the case gets an audited 403 on the request page and does not
find it in the intake queue; the regisseur, the team lead, the privacy officer and the worker the request is
assigned to (its behandelaar) still open it."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.casussen.support import case_world
from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def _url(pk: int) -> str:
    return reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": pk})


def test_a_team_member_outside_the_case_does_not_see_the_request(place: Any, users: Any, client_for: Any) -> None:
    world = case_world(place, users)
    hv = HulpvraagFactory(persoon=world.ouder, team=place.team_a)
    client = client_for(world.outsider)

    response = client.get(_url(hv.pk))
    assert response.status_code == 403
    assert "Bakker" not in response.content.decode()
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=world.outsider.pk,
                                     object_type="hulpvragen.hulpvraag", object_id=str(hv.pk),
                                     household_id=hv.huishouden_id).exists()
    assert _url(hv.pk) not in client.get(reverse("hulpvragen:queue")).content.decode()


def test_the_case_and_the_behandelaar_see_it(place: Any, users: Any, client_for: Any) -> None:
    world = case_world(place, users)
    hv = HulpvraagFactory(persoon=world.ouder, team=place.team_a)
    for user in (users.medewerker, users.teamleider, users.privacy):  # regisseur, team lead, privacy officer
        assert client_for(user).get(_url(hv.pk)).status_code == 200, user.username
    for user in (users.medewerker, users.teamleider):
        assert _url(hv.pk) in client_for(user).get(reverse("hulpvragen:queue")).content.decode(), user.username

    hv.behandelaar = world.outsider
    hv.save(update_fields=["behandelaar"])
    client = client_for(world.outsider)
    assert client.get(_url(hv.pk)).status_code == 200
    assert _url(hv.pk) in client.get(reverse("hulpvragen:queue")).content.decode()
