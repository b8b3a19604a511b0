# SPDX-License-Identifier: EUPL-1.2
"""The demo partner logins maintain their own organisation's entries on the kaart, and only those."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from wijkteam.accounts.models import User
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.demo.generator import generate
from wijkteam.demo.staff import ORGANISATIES
from wijkteam.sociale_kaart.models import Organization, Service

SEED, SCALE = 42, 20


@pytest.fixture
def kaart(db: None) -> dict[str, int]:
    return generate(seed=SEED, scale=SCALE)


def test_each_partner_organisation_is_linked_to_its_kaart_entry(kaart: dict[str, int]) -> None:
    linked = Organization.objects.filter(organisatie__isnull=False)

    assert sorted(linked.values_list("name", flat=True)) == sorted(naam for naam, _ in ORGANISATIES)
    assert all(o.organisatie is not None and o.name == o.organisatie.naam
               for o in linked.select_related("organisatie"))


def test_demo_partner_sees_and_edits_own_services(kaart: dict[str, int], client_for: Any) -> None:
    partner = User.objects.get(username="partner")
    assert partner.organisatie is not None
    own = Service.objects.filter(organization__organisatie=partner.organisatie)
    assert own.count() >= 15
    client = client_for(partner)

    response = client.get(reverse("sociale_kaart_werk:mijn_aanbod"))

    assert response.status_code == 200
    page = response.content.decode()
    assert partner.organisatie.naam in page
    assert sum(service.name in page for service in own) >= 10
    others = Service.objects.exclude(organization__organisatie=partner.organisatie)
    assert not [s.name for s in others if s.name in page and not own.filter(name=s.name).exists()]
    service = own.order_by("name").first()
    assert service is not None
    assert client.get(reverse("sociale_kaart_werk:service_edit", args=[service.pk])).status_code == 200


def test_another_partner_may_not_edit_them(kaart: dict[str, int], client_for: Any) -> None:
    woonstichting_partner = User.objects.get(username="partner2")
    welzijn_service = Service.objects.filter(organization__name="Stichting Welzijn Voorbeeld").order_by("name").first()
    assert welzijn_service is not None

    response = client_for(woonstichting_partner).get(
        reverse("sociale_kaart_werk:service_edit", args=[welzijn_service.pk]))

    assert response.status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, object_id=str(welzijn_service.pk),
                                     username="partner2").exists()
