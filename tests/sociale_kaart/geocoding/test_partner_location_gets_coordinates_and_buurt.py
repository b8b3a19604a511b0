# SPDX-License-Identifier: EUPL-1.2
"""A location a partner saves gets coordinates and its buurt from the address, in the background:
from PDOK when online, else from the postcode as we already know it; a new address moves the point.
Every change is HSDS metadata by "geocoding", and the search index follows (distance, wijk)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.sociale_kaart.partner.conftest import metadata_rows
from wijkteam.gebieden.models import Postcode
from wijkteam.sociale_kaart.models import Location, Service
from wijkteam.sociale_kaart.search import SearchQuery, search_services

pytestmark = pytest.mark.django_db

# Buurt Oude Haven (wijk Centrum) around Havenstraat; Molenwijk (wijk Noord) to the north of it.
OUDE_HAVEN = {"type": "Polygon", "coordinates": [[[5.10, 52.08], [5.13, 52.08], [5.13, 52.10], [5.10, 52.10],
                                                  [5.10, 52.08]]]}
MOLENWIJK = {"type": "Polygon", "coordinates": [[[5.10, 52.10], [5.13, 52.10], [5.13, 52.13], [5.10, 52.13],
                                                 [5.10, 52.10]]]}

LOCATION = {
    "name": "Buurthuis De Schakel",
    "address_1": "Havenstraat 12",
    "postal_code": "3511 AB",
    "city": "Utrecht",
    "state_province": "Utrecht",
    "description": "",
    "transportation": "",
    "accessibility": "",
}


@pytest.fixture
def boundaries(place: Any) -> Any:
    place.buurt_a.grens = OUDE_HAVEN
    place.buurt_a.save()
    place.buurt_b.grens = MOLENWIJK
    place.buurt_b.save()
    return place


def _save_location(client: Any, service: Service, capture: Any, location: Location | None = None, **changes: str):
    url = (reverse("sociale_kaart_werk:location_edit", args=[location.pk]) if location is not None
           else reverse("sociale_kaart_werk:location_create", args=[service.pk]))
    with capture(execute=True):  # the geocoding task is enqueued on commit (ImmediateBackend in tests)
        response = client.post(url, {**LOCATION, **changes})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Location.objects.get(name=LOCATION["name"])


def test_online_the_address_is_geocoded_by_pdok(
    pdok, users, own_service, client_for, boundaries, django_capture_on_commit_callbacks
):
    location = _save_location(client_for(users.partner), own_service, django_capture_on_commit_callbacks)
    assert (location.latitude, location.longitude) == (52.094019, 5.112631)
    assert location.buurt == boundaries.buurt_a
    assert pdok.params()["fq"] == ["type:adres"]
    assert ("location", "update", "latitude", "", "52.094019", "geocoding") in metadata_rows(resource_id=location.pk)
    assert ("location", "update", "buurt", "", str(boundaries.buurt_a.pk), "geocoding") in metadata_rows(
        resource_id=location.pk)
    # The search now measures distance to it and knows its wijk.
    hits = search_services(SearchQuery(text="taalcafe", latitude=52.0941, longitude=5.1127)).hits
    assert [h.service.pk for h in hits] == [own_service.pk]
    assert hits[0].distance_km is not None and hits[0].distance_km < 0.1
    # The partner sees where it landed.
    edit_page = client_for(users.partner).get(reverse("sociale_kaart_werk:service_edit", args=[own_service.pk]))
    assert "op de kaart in Oude Haven (Centrum)" in edit_page.content.decode()


def test_offline_the_postcode_we_know_places_it(users, own_service, client_for, boundaries,
                                                 django_capture_on_commit_callbacks):
    Postcode.objects.create(pc6="3511 AB", latitude=52.0950, longitude=5.1200)
    location = _save_location(client_for(users.partner), own_service, django_capture_on_commit_callbacks)
    assert (location.latitude, location.longitude) == (52.095, 5.12)
    assert location.buurt == boundaries.buurt_a


def test_a_new_address_moves_the_point(users, own_service, client_for, boundaries,
                                       django_capture_on_commit_callbacks):
    Postcode.objects.create(pc6="3511 AB", latitude=52.0950, longitude=5.1200)
    Postcode.objects.create(pc6="3514 CD", latitude=52.1150, longitude=5.1150)
    client = client_for(users.partner)
    location = _save_location(client, own_service, django_capture_on_commit_callbacks)
    assert location.buurt == boundaries.buurt_a
    location = _save_location(client, own_service, django_capture_on_commit_callbacks, location,
                              address_1="Molenweg 3", postal_code="3514 CD")
    assert (location.latitude, location.longitude) == (52.115, 5.115)
    assert location.buurt == boundaries.buurt_b
    # Saving again without a change leaves the point alone (no new metadata rows).
    before = len(metadata_rows(resource_id=location.pk))
    _save_location(client, own_service, django_capture_on_commit_callbacks, location,
                   address_1="Molenweg 3", postal_code="3514 CD")
    assert len(metadata_rows(resource_id=location.pk)) == before


def test_an_unknown_address_offline_changes_nothing(users, own_service, client_for, boundaries,
                                                    django_capture_on_commit_callbacks):
    client = client_for(users.partner)
    location = _save_location(client, own_service, django_capture_on_commit_callbacks)
    assert (location.latitude, location.longitude, location.buurt) == (None, None, None)
    edit_page = client.get(reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])).content.decode()
    assert "nog niet op de kaart: we konden de plek bij dit adres (nog) niet vinden" in edit_page
    assert not {row for row in metadata_rows(resource_id=location.pk) if row[5] == "geocoding"}
