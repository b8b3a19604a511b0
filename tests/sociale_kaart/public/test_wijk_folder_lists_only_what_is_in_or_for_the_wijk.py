# SPDX-License-Identifier: EUPL-1.2
"""The wijk folder lists what is IN the wijk or FOR it, each service once: not every gemeente-wide
service of the whole map (the demo's Centrum folder was 112 pages and listed other wijken)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import LocationFactory, ServiceAtLocationFactory, ServiceFactory
from wijkteam.sociale_kaart.models import ServiceArea

pytestmark = pytest.mark.django_db


def gemeente_wide(place: Any, name: str, buurt: Any | None) -> None:
    service = ServiceFactory(name=name, terms=["LD01"])
    ServiceArea.objects.create(service=service, name="Voorbeeld",
                               uri=f"https://gebieden.voorbeeld.example/{place.wijk_a.gemeente.code}")
    if buurt is not None:
        ServiceAtLocationFactory(service=service, location=LocationFactory(buurt=buurt))


def test_gemeente_wide_services_elsewhere_are_left_out(client: Any, place: Any, frozen_time: Any) -> None:
    gemeente_wide(place, "Schuldhulp op het stadskantoor Noord", place.buurt_b)
    gemeente_wide(place, "Formulierenhulp aan huis", None)  # no address: it comes to the wijk
    gemeente_wide(place, "Budgetcursus in het Centrum", place.buurt_a)
    for_wijk = ServiceFactory(name="Buurtbemiddeling Centrum", terms=["LD11"])
    ServiceArea.objects.create(service=for_wijk, uri=f"https://gebieden.voorbeeld.example/{place.wijk_a.code}")
    # A code that merely contains Centrum's code is another area.
    lookalike = ServiceFactory(name="Elders met lijkende code", terms=["LD11"])
    ServiceArea.objects.create(service=lookalike, uri=f"https://gebieden.voorbeeld.example/{place.wijk_a.code}9")

    html = client.get(reverse("sociale_kaart_public:leaflet", args=[place.wijk_a.code])).content.decode()
    assert "Budgetcursus in het Centrum" in html
    assert "Formulierenhulp aan huis" in html
    assert "Buurtbemiddeling Centrum" in html
    assert "Schuldhulp op het stadskantoor Noord" not in html
    assert "Elders met lijkende code" not in html
    # The folder says where the rest is.
    assert "Aanbod voor de hele gemeente op een adres in een andere wijk vindt u op" in html


def test_a_service_with_several_topics_appears_once(client: Any, place: Any, frozen_time: Any) -> None:
    service = ServiceFactory(name="Ontmoetingscentrum De Brug", terms=["LD01", "LD11", "LD12"])
    ServiceAtLocationFactory(service=service, location=LocationFactory(buurt=place.buurt_a))
    url = reverse("sociale_kaart_public:leaflet", args=[place.wijk_a.code])

    html = client.get(url).content.decode()
    assert html.count(">Ontmoetingscentrum De Brug</a>") == 1
    # Asked for one of its topics, it is there too.
    assert ">Ontmoetingscentrum De Brug</a>" in client.get(url, {"levensdomein": "LD12"}).content.decode()
    assert ">Ontmoetingscentrum De Brug</a>" not in client.get(url, {"levensdomein": "LD05"}).content.decode()
