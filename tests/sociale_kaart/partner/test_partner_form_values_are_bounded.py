# SPDX-License-Identifier: EUPL-1.2
"""Partner forms refuse absurd values (issue 15 item 9) with a Dutch message naming the field, and
save nothing: negative or astronomic ages, and texts of 100,000 characters."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import LocationFactory
from wijkteam.sociale_kaart.models import Location, Service, ServiceAtLocation

from .conftest import service_post_data

pytestmark = pytest.mark.django_db

HUGE = "x" * 100_000


@pytest.mark.parametrize(("field", "value", "message"), [
    ("minimum_age", "-5", "„Minimumleeftijd” mag niet kleiner zijn dan 0."),
    ("maximum_age", "1e308", "„Maximumleeftijd” mag niet groter zijn dan 120."),
    ("minimum_age", "inf", "Vul bij „Minimumleeftijd” een getal in."),
    ("alert", HUGE, "„Melding” mag niet langer zijn dan 500 tekens."),
    ("description", HUGE, "„Omschrijving” mag niet langer zijn dan 4000 tekens."),
    ("eligibility_description", HUGE, "„Voor wie is het?” mag niet langer zijn dan 2000 tekens."),
])
def test_service_form_refuses_values_out_of_bounds(users, own_service, client_for, field, value, message):
    url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    response = client_for(users.partner).post(url, service_post_data(own_service, **{field: value}))
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    stored = Service.objects.get(pk=own_service.pk)
    assert (stored.minimum_age, stored.maximum_age, stored.alert, stored.description) == (
        own_service.minimum_age, own_service.maximum_age, own_service.alert, own_service.description)


def test_ages_within_bounds_are_saved(users, own_service, client_for):
    url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    response = client_for(users.partner).post(url, service_post_data(own_service, minimum_age="0",
                                                                     maximum_age="120"))
    assert response.status_code == 302
    own_service.refresh_from_db()
    assert (own_service.minimum_age, own_service.maximum_age) == (0, 120)


def test_location_texts_are_bounded(users, own_service, client_for):
    location = LocationFactory(organization=own_service.organization, name="Buurthuis")
    ServiceAtLocation.objects.create(service=own_service, location=location)
    url = reverse("sociale_kaart_werk:location_edit", args=[location.pk])
    response = client_for(users.partner).post(url, {
        "name": "Buurthuis", "address_1": "Havenstraat 12", "postal_code": "3511 AK", "city": "Voorbeeld",
        "state_province": "Utrecht", "description": "", "transportation": HUGE, "accessibility": "",
    })
    assert response.status_code == 200
    assert "„Bereikbaarheid” mag niet langer zijn dan 2000 tekens." in html.unescape(response.content.decode())
    assert Location.objects.get(pk=location.pk).transportation == location.transportation
