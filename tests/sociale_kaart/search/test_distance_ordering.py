# SPDX-License-Identifier: EUPL-1.2
"""With a postcode, coordinates or a wijk, relevant help nearby comes first."""

from __future__ import annotations

import pytest

from wijkteam.gebieden.models import Postcode
from wijkteam.sociale_kaart.search import reindex_all

from .conftest import make_service, names

pytestmark = pytest.mark.django_db

HOME = (52.0900, 5.1200)


@pytest.fixture
def spread(place):
    far = make_service("Geldhulp Noord", "Hulp bij geldzaken en schulden.", ["LD01"], lat=52.1300, lon=5.1600)
    near = make_service("Geldhulp Centrum", "Hulp bij geldzaken en schulden.", ["LD01"], lat=52.0910, lon=5.1210)
    middle = make_service("Geldhulp Oost", "Hulp bij geldzaken en schulden.", ["LD01"], lat=52.1000, lon=5.1400)
    online = make_service("Geldhulp online", "Hulp bij geldzaken en schulden, via chat.", ["LD01"])
    # Postcodes are placed from the public postcode table, never from residents' addresses.
    Postcode.objects.create(pc6="3511 AB", latitude=HOME[0], longitude=HOME[1], buurt=place.buurt_a)
    reindex_all()
    return {"far": far, "near": near, "middle": middle, "online": online}


def test_postcode_orders_by_distance(spread, search):
    result = search("schulden", postcode="3511ab")
    # Online help has no place: it counts as 3 km away, after help around the corner.
    assert names(result) == ["Geldhulp Centrum", "Geldhulp Oost", "Geldhulp online", "Geldhulp Noord"]
    assert result.hits[0].distance_km is not None and result.hits[0].distance_km < 0.2
    assert result.interpretation.origin == pytest.approx(HOME)


def test_distances_are_reported_in_km(spread, search):
    hits = {hit.service.name: hit for hit in search("schulden", latitude=HOME[0], longitude=HOME[1]).hits}
    assert hits["Geldhulp Noord"].distance_km == pytest.approx(5.22, abs=0.02)
    assert hits["Geldhulp online"].distance_km is None
    assert hits["Geldhulp Centrum"].location is not None


def test_coordinates_order_like_a_postcode(spread, search):
    assert names(search("schulden", latitude=52.13, longitude=5.16))[0] == "Geldhulp Noord"


def test_without_a_place_no_distance(spread, search):
    result = search("schulden")
    assert all(hit.distance_km is None for hit in result.hits)
    assert result.interpretation.origin is None


def test_unknown_postcode_still_searches(spread, search):
    result = search("schulden", postcode="9999 ZZ")
    assert result.total == 4
    assert result.interpretation.origin is None


def test_wijk_puts_its_own_services_first(place, search):
    # Both services lie equally far from the centre of wijk B; only one lies in it.
    place.buurt_b.latitude, place.buurt_b.longitude = 52.11, 5.14
    place.buurt_b.save()
    make_service("Buurtkamer Noord", "Koffie en een praatje.", ["LD11"], lat=52.13, lon=5.16, buurt=place.buurt_b)
    make_service("Buurtkamer Centrum", "Koffie en een praatje.", ["LD11"], lat=52.09, lon=5.12, buurt=place.buurt_a)
    reindex_all()
    assert names(search("praatje", wijk=place.wijk_b.code)) == ["Buurtkamer Noord", "Buurtkamer Centrum"]
    assert names(search("praatje", wijk=place.wijk_a.code)) == ["Buurtkamer Centrum", "Buurtkamer Noord"]


def test_browsing_near_a_place_without_words(spread, search):
    assert names(search(latitude=52.1300, longitude=5.1600))[0] == "Geldhulp Noord"
