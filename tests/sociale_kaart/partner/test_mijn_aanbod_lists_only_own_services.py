# SPDX-License-Identifier: EUPL-1.2
""""Mijn aanbod" lists the partner's own services only (the beheerder: all), with a bounded number
of queries however many services there are; a partner adds new aanbod for its own organisation."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory, term
from wijkteam.sociale_kaart.models import Organization, Service

from .conftest import metadata_rows

pytestmark = pytest.mark.django_db


def test_partner_sees_own_services_only(
    users: Any, own_service: Service, other_service: Service, client_for: Any, frozen_time: Any
) -> None:
    html = client_for(users.partner).get(reverse("sociale_kaart_werk:mijn_aanbod")).content.decode()
    assert "Taalcafé De Brug" in html
    assert "Schuldhulp Anders" not in html
    all_html = client_for(users.beheerder).get(reverse("sociale_kaart_werk:mijn_aanbod")).content.decode()
    assert "Taalcafé De Brug" in all_html and "Schuldhulp Anders" in all_html


def test_list_queries_are_bounded(
    users: Any, own_org: Organization, client_for: Any, django_assert_max_num_queries: Any, frozen_time: Any
) -> None:
    ServiceFactory.create_batch(60, organization=own_org)
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:mijn_aanbod")
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('href="/werk/sociale-kaart/aanbod/') >= 50


def test_partner_adds_service_for_own_organisation(
    users: Any, own_org: Organization, other_org: Organization, client_for: Any, frozen_time: Any
) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:service_create")
    page = client.get(url).content.decode()
    assert "Stichting Buurtkracht" in page and "Stichting Anders" not in page
    response = client.post(url, {
        "organization": str(own_org.pk), "name": "Repair Café Oost", "description": "Samen spullen repareren.",
        "status": "active", "levensdomeinen": [str(term("LD03").pk)], "soort_aanbod": [str(term("SA05").pk)],
        "phone": "030-7654321",
    })
    assert response.status_code == 302
    service = Service.objects.get(name="Repair Café Oost")
    assert service.organization == own_org
    assert service.assured_date is not None and service.assured_date.isoformat() == "2026-11-25"
    rows = metadata_rows(resource_id=service.pk)
    assert ("service", "create", "name", "", "Repair Café Oost", "partner") in rows
    assert ("service", "create", "levensdomeinen", "", "LD03", "partner") in rows
    assert ("service", "create", "organization", "", str(own_org.pk), "partner") in rows


def test_partner_cannot_add_service_to_another_organisation(
    users: Any, own_org: Organization, other_org: Organization, client_for: Any
) -> None:
    response = client_for(users.partner).post(reverse("sociale_kaart_werk:service_create"), {
        "organization": str(other_org.pk), "name": "Ondergeschoven", "status": "active",
        "levensdomeinen": [str(term("LD03").pk)],
    })
    assert response.status_code == 200
    assert "Kies bij „Organisatie” een van de mogelijkheden." in response.content.decode()
    assert not Service.objects.filter(name="Ondergeschoven").exists()
