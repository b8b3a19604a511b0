# SPDX-License-Identifier: EUPL-1.2
"""Results, service page and folder need a fixed number of queries, however many services they show."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories_sociale_kaart import (
    AccessibilityFactory,
    CostOptionFactory,
    LocationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db


def rich_services(place, count: int):
    services = []
    for n in range(count):
        service = ServiceFactory(name=f"Aanbod {n:02d}", terms=["LD01", "SA01"])
        location = LocationFactory(buurt=place.buurt_a)
        AccessibilityFactory(location=location)
        at_location = ServiceAtLocationFactory(service=service, location=location)
        ScheduleFactory(service=service)
        ScheduleFactory(service=None, service_at_location=at_location, monthly=True)
        CostOptionFactory(service=service, amount=Decimal(0))
        services.append(service)
    return services


def test_results_page(client, place, fake_search, django_assert_max_num_queries, frozen_time):
    fake_search.returns(*rich_services(place, 2), distance_km=0.5, nearest_location=True)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("sociale_kaart_public:search"), {"q": "geld"})
    few_count = len(few)  # the next request empties the query log
    fake_search.returns(*rich_services(place, 20), distance_km=0.5, nearest_location=True)
    client.get(reverse("sociale_kaart_public:search"), {"q": "schulden"})  # reload the vocabulary after reindexing
    # The index generation, the wijk choices and the result cards from the index: the same for
    # 2 services as for 20.
    with django_assert_max_num_queries(few_count) as many:
        response = client.get(reverse("sociale_kaart_public:search"), {"q": "geld"})
    assert response.content.decode().count('class="wt-result"') == 20
    assert len(many) == 3


def test_results_page_with_the_real_search(client, place, django_assert_max_num_queries, frozen_time):
    from wijkteam.sociale_kaart.search import reindex_all

    rich_services(place, 25)
    reindex_all()
    with django_assert_max_num_queries(20):
        response = client.get(reverse("sociale_kaart_public:search"), {"q": "geld", "levensdomein": "LD01"})
    assert response.content.decode().count('class="wt-result"') == 20


def test_service_page(client, place, inloop, django_assert_max_num_queries, frozen_time):
    with django_assert_max_num_queries(22):
        assert client.get(reverse("sociale_kaart_public:service", args=[inloop.pk])).status_code == 200


def test_folder_page(client, place, django_assert_max_num_queries, frozen_time):
    url = reverse("sociale_kaart_public:leaflet", args=[place.wijk_a.code])
    rich_services(place, 2)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    rich_services(place, 25)
    with django_assert_max_num_queries(17):
        response = client.get(url)
    assert response.content.decode().count('class="wt-folder__aanbod"') == 27
    assert len(few) == 17  # the same number for 2 services as for 27: nothing per service


def test_folder_pdf(client, place, django_assert_max_num_queries, frozen_time):
    rich_services(place, 25)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("sociale_kaart_public:leaflet_pdf", args=[place.wijk_a.code]))
    assert response.status_code == 200
