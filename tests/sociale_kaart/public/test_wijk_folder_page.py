# SPDX-License-Identifier: EUPL-1.2
""" "Wat is er in mijn wijk?": what is in or serves the wijk, by topic, printable; and the list of wijken."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import LocationFactory, ServiceAtLocationFactory, ServiceFactory
from wijkteam.sociale_kaart.models import ServiceArea

pytestmark = pytest.mark.django_db


def folder(client, code: str, **params) -> str:
    response = client.get(reverse("sociale_kaart_public:leaflet", args=[code]), params)
    assert response.status_code == 200
    return response.content.decode()


def in_buurt(buurt, **kwargs):
    service = ServiceFactory(**kwargs)
    ServiceAtLocationFactory(service=service, location=LocationFactory(buurt=buurt))
    return service


def test_lists_what_is_in_the_wijk_grouped_by_topic(client, place, inloop, frozen_time):
    in_buurt(place.buurt_a, name="Buurtmaaltijd", terms=["LD11"])
    in_buurt(place.buurt_b, name="Taalcafé Noord", terms=["LD12"])
    html = folder(client, place.wijk_a.code)
    assert "Wat is er in mijn wijk?" in html and "Wijk Centrum" in html
    assert "Inloop geldzaken" in html and "Buurtmaaltijd" in html
    assert "Taalcafé Noord" not in html
    # Topics as headings, in B1 words, in code order.
    assert html.index(">Geld en schulden</h2>") < html.index(">Contact met anderen</h2>")
    assert html.index("Inloop geldzaken") < html.index("Buurtmaaltijd")
    # The gemeente's own place name is left out: every reader of the folder lives there.
    assert "Havenstraat 12, 3511 AB" in html
    assert "Elke woensdag, 9:00\u201312:00" in html
    assert 'href="tel:0301234567"' in html
    assert "Gemaakt op 25 november 2026." in html
    assert "sociale_kaart/public.css" in html  # carries the print rules


def test_services_serving_the_wijk_or_the_whole_gemeente(client, place, frozen_time):
    wijk_wide = ServiceFactory(name="Thuisadministratie Centrum")
    ServiceArea.objects.create(service=wijk_wide, name="Centrum", uri=f"https://cbs.test/{place.wijk_a.code}")
    city_wide = ServiceFactory(name="Schuldhulp gemeente")
    ServiceArea.objects.create(service=city_wide, uri=place.wijk_a.gemeente.code)
    other = ServiceFactory(name="Alleen in Noord")
    ServiceArea.objects.create(service=other, uri=place.wijk_b.code)
    html = folder(client, place.wijk_a.code)
    assert "Thuisadministratie Centrum" in html and "Schuldhulp gemeente" in html
    assert "Alleen in Noord" not in html
    assert ">Overig</h2>" in html  # services without a topic still appear


def test_one_topic_only(client, place, inloop, frozen_time):
    in_buurt(place.buurt_a, name="Buurtmaaltijd", terms=["LD11"])
    html = folder(client, place.wijk_a.code, levensdomein="LD11")
    assert "Buurtmaaltijd" in html and "Inloop geldzaken" not in html
    assert "?levensdomein=LD11" in html  # the PDF link keeps the topic


def test_hidden_services_are_left_out(client, place, frozen_time):
    in_buurt(place.buurt_a, name="Oud aanbod", stale=True)
    in_buurt(place.buurt_a, name="Gestopt aanbod", inactive=True)
    html = folder(client, place.wijk_a.code)
    assert "Oud aanbod" not in html and "Gestopt aanbod" not in html
    assert "Er staat nu geen aanbod voor deze wijk" in html


def test_unknown_wijk_or_topic_is_404(client, place):
    assert client.get(reverse("sociale_kaart_public:leaflet", args=["WK000000"])).status_code == 404
    url = reverse("sociale_kaart_public:leaflet", args=[place.wijk_a.code])
    assert client.get(url, {"levensdomein": "<script>"}).status_code == 404


def test_wijkteam_contact_on_the_folder(client, place):
    place.team_a.telefoon = "030 999 88 77"
    place.team_a.save()
    html = folder(client, place.wijk_a.code)
    assert "Hulp van het wijkteam" in html and 'href="tel:0309998877"' in html


def test_list_of_wijken_links_each_folder(client, place):
    place.team_b.telefoon = "030 555 44 33"
    place.team_b.save()
    html = client.get(reverse("sociale_kaart_public:wijken")).content.decode()
    for wijk in (place.wijk_a, place.wijk_b):
        assert reverse("sociale_kaart_public:leaflet", args=[wijk.code]) in html
        assert reverse("sociale_kaart_public:leaflet_pdf", args=[wijk.code]) in html
    assert 'id="wijkteams"' in html and "030 555 44 33" in html
