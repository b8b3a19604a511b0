# SPDX-License-Identifier: EUPL-1.2
"""Each result says what, who, where, how far, open now and free; the map repeats the numbered list."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import CostOptionFactory, ScheduleFactory, ServiceFactory

pytestmark = pytest.mark.django_db

URL = reverse("sociale_kaart_public:search")


def test_result_card(client, fake_search, inloop, frozen_time):
    fake_search.returns(inloop, distance_km=1.23, domains=("LD01",))
    html = client.get(URL, {"q": "geld"}).content.decode()
    assert "Inloop geldzaken" in html
    assert "Stichting Geldhulp" in html
    assert "Hulp bij rekeningen, post en formulieren." in html
    assert "1,2\u00a0km van u" in html
    assert ">Nu open<" in html  # Wednesday 10:15, open 9:00-12:00
    assert ">Gratis<" in html
    assert 'wt-kenmerk--domein">Geld en schulden<' in html
    assert "Havenstraat 12, 3511 AB Voorbeeld" in html
    assert reverse("sociale_kaart_public:service", args=[inloop.pk]) in html


def test_closed_and_paid_service(client, fake_search, frozen_time):
    service = ServiceFactory(name="Avondcursus")
    ScheduleFactory(service=service, byday="TH", opens_at=dt.time(19), closes_at=dt.time(21))
    CostOptionFactory(service=service, amount=Decimal("12.50"))
    fake_search.returns(service)
    html = client.get(URL, {"q": "cursus"}).content.decode()
    assert ">Gesloten<" in html
    assert ">Gratis<" not in html


def test_badges_fall_back_to_the_services_own_topics(client, fake_search):
    service = ServiceFactory(terms=["LD04", "LD11"])
    fake_search.returns(service, domains=())
    html = client.get(URL, {"q": "iets"}).content.decode()
    assert 'wt-kenmerk--domein">Wonen<' in html
    assert 'wt-kenmerk--domein">Contact met anderen<' in html


def test_numbered_list_feeds_the_map(client, fake_search, inloop, settings):
    settings.MAP_TILE_URL = "https://tegels.voorbeeld.test/{z}/{x}/{y}.png"
    without_location = ServiceFactory(name="Telefonische hulplijn")
    fake_search.returns(inloop, without_location)
    fake_search.total = 45
    html = client.get(URL, {"q": "hulp", "pagina": "3"}).content.decode()
    # Page 3 of 20 per page starts at number 41, in the list and on the markers.
    assert '<ol class="wt-resultlijst" id="resultlijst" start="41">' in html
    assert 'data-lat="52.090700" data-lon="5.121400"' in html
    assert 'data-nummer="41"' in html and 'data-nummer="42"' in html
    assert html.count("data-lat=") == 1  # no location, no marker; still in the list
    assert 'data-tiles="https://tegels.voorbeeld.test/{z}/{x}/{y}.png"' in html
    assert 'role="region" aria-label="Kaart met de resultaten.' in html
    # Hidden until the script draws it: without JavaScript there is no empty box.
    assert 'id="kaart" hidden' in html


def test_no_map_without_coordinates(client, fake_search):
    fake_search.returns(ServiceFactory())
    html = client.get(URL, {"q": "hulp"}).content.decode()
    assert "data-kaart" not in html
