# SPDX-License-Identifier: EUPL-1.2
"""point_to_buurt: point in the buurt's GeoJSON boundary (Polygon, MultiPolygon, Feature, holes)."""

from __future__ import annotations

import pytest

from tests.factories import BuurtFactory
from wijkteam.sociale_kaart.geocoding import BuurtLocator, point_to_buurt

pytestmark = pytest.mark.django_db


def square(lon: float, lat: float, size: float) -> list[list[float]]:
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]


@pytest.fixture
def buurten(place):
    west = BuurtFactory(
        wijk=place.wijk_a,
        code="BU09990151",
        naam="West",
        grens={"type": "Polygon", "coordinates": [square(5.10, 52.08, 0.01)]},
    )
    # East has a hole (a park that belongs to another buurt).
    east = BuurtFactory(
        wijk=place.wijk_a,
        code="BU09990152",
        naam="Oost",
        grens={"type": "Polygon", "coordinates": [square(5.11, 52.08, 0.01), square(5.114, 52.084, 0.002)]},
    )
    park = BuurtFactory(
        wijk=place.wijk_b,
        code="BU09990253",
        naam="Park",
        grens={
            "type": "Feature",
            "properties": {},
            "geometry": {"type": "Polygon", "coordinates": [square(5.114, 52.084, 0.002)]},
        },
    )
    islands = BuurtFactory(
        wijk=place.wijk_b,
        code="BU09990254",
        naam="Eilanden",
        grens={"type": "MultiPolygon", "coordinates": [[square(5.20, 52.20, 0.01)], [square(5.30, 52.30, 0.01)]]},
    )
    return {"west": west, "east": east, "park": park, "islands": islands}


def test_point_lies_in_its_buurt(buurten):
    assert point_to_buurt(52.085, 5.105) == buurten["west"]
    assert point_to_buurt(52.081, 5.119) == buurten["east"]


def test_hole_belongs_to_the_other_buurt(buurten):
    assert point_to_buurt(52.085, 5.115) == buurten["park"]


def test_multipolygon_parts(buurten):
    assert point_to_buurt(52.305, 5.305) == buurten["islands"]
    assert point_to_buurt(52.205, 5.205) == buurten["islands"]


def test_outside_every_boundary(buurten):
    assert point_to_buurt(52.5, 5.5) is None
    assert point_to_buurt(None, 5.1) is None


def test_buurten_without_boundary_are_skipped(place):
    # conftest's buurten have a centre but no boundary
    assert point_to_buurt(52.09, 5.12) is None


def test_locator_reuses_its_shapes(buurten, django_assert_num_queries):
    locator = BuurtLocator()
    with django_assert_num_queries(0):
        assert locator.locate(52.085, 5.105) == buurten["west"]
        assert locator.locate(52.305, 5.305) == buurten["islands"]
