# SPDX-License-Identifier: EUPL-1.2
"""A partner adds a location with its address to its service and changes it later; location,
address and accessibility changes are recorded as metadata of their own HSDS tables."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from wijkteam.sociale_kaart.models import Address, Location, Service, ServiceAtLocation

from .conftest import metadata_rows

pytestmark = pytest.mark.django_db

NEW_LOCATION = {
    "name": "Buurthuis De Schakel",
    "address_1": "Havenstraat 12a",
    "postal_code": "3511ak",
    "city": "Voorbeeld",
    "state_province": "Utrecht",
    "description": "",
    "transportation": "Bus 8, halte Havenplein.",
    "accessibility": "Rolstoeltoegankelijk, met lift.",
}


def test_add_then_edit_location(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner)
    create_url = reverse("sociale_kaart_werk:location_create", args=[own_service.pk])
    assert client.get(create_url).status_code == 200
    response = client.post(create_url, NEW_LOCATION)
    assert response.status_code == 302

    location = Location.objects.get()
    assert location.organization == own_service.organization
    assert ServiceAtLocation.objects.filter(service=own_service, location=location).exists()
    address = location.addresses.get()
    # The postcode is stored normalised.
    assert (address.address_1, address.postal_code, address.city, address.country) == (
        "Havenstraat 12a", "3511 AK", "Voorbeeld", "NL")
    assert Location.objects.wheelchair_accessible().filter(pk=location.pk).exists()
    assert ("address", "create", "postal_code", "", "3511 AK", "partner") in metadata_rows(resource_id=address.pk)
    assert ("location", "create", "name", "", "Buurthuis De Schakel", "partner") in metadata_rows(
        resource_id=location.pk)

    # The edit page shows the location; change the address only.
    edit_page = client.get(reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])).content.decode()
    assert "Havenstraat 12a, 3511 AK Voorbeeld" in edit_page
    edit_url = reverse("sociale_kaart_werk:location_edit", args=[location.pk])
    response = client.post(edit_url, {**NEW_LOCATION, "address_1": "Havenstraat 14", "postal_code": "3511 AK"})
    assert response.status_code == 302
    address.refresh_from_db()
    assert address.address_1 == "Havenstraat 14"
    assert metadata_rows(resource_id=address.pk, last_action_type="update") == {
        ("address", "update", "address_1", "Havenstraat 12a", "Havenstraat 14", "partner"),
    }
    assert Address.objects.count() == 1


def test_location_errors_name_the_field(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner)
    response = client.post(
        reverse("sociale_kaart_werk:location_create", args=[own_service.pk]),
        {**NEW_LOCATION, "postal_code": "35111", "address_1": "Havenstraat", "city": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul bij „Postcode” een geldige postcode in, zoals 1234 AB." in html
    assert "Vul bij „Straat en huisnummer” ook het huisnummer in." in html
    assert "Vul het veld „Plaats” in." in html
    assert not Location.objects.exists()
