# SPDX-License-Identifier: EUPL-1.2
"""Creating a service that looks like an existing one shows "Lijkt op: … — toch opslaan?" and saves
only after explicit confirmation; the confirmed pair lands on the beheerder's worklist."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import term
from wijkteam.sociale_kaart.models import Organization, Phone, Service
from wijkteam.sociale_kaart.models.werk import DuplicateCandidate, DuplicateSource

pytestmark = pytest.mark.django_db


def new_service(org: Organization, **extra: Any) -> dict[str, Any]:
    return {"organization": str(org.pk), "name": "Taal café de Brug", "description": "Nederlands oefenen.",
            "status": "active", "levensdomeinen": [str(term("LD11").pk)], "phone": "+31301234567", **extra}


def test_lookalike_needs_confirmation(
    users: Any, own_org: Organization, other_service: Service, client_for: Any
) -> None:
    existing = other_service
    existing.name = "Taalcafé De Brug"
    existing.save()
    Phone.objects.create(service=existing, number="030-1234567")
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:service_create")

    response = client.post(url, new_service(own_org))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lijkt op:" in html
    assert "Taalcafé De Brug (Stichting Anders) — naam lijkt erop (100%), zelfde telefoonnummer" in html
    assert "Toch opslaan" in html
    assert Service.objects.count() == 1

    response = client.post(url, new_service(own_org, confirm_duplicate="on"))
    assert response.status_code == 302
    created = Service.objects.get(name="Taal café de Brug")
    pair = DuplicateCandidate.objects.get()
    assert {pair.service_a, pair.service_b} == {created, existing}
    assert pair.source == DuplicateSource.CREATE
    assert pair.reasons == ["naam lijkt erop (100%)", "zelfde telefoonnummer"]


def test_no_lookalike_saves_at_once(users: Any, own_org: Organization, other_service: Service,
                                    client_for: Any) -> None:
    response = client_for(users.partner).post(
        reverse("sociale_kaart_werk:service_create"), new_service(own_org, name="Repair Café Oost")
    )
    assert response.status_code == 302
    assert Service.objects.filter(name="Repair Café Oost").exists()
    assert not DuplicateCandidate.objects.exists()
