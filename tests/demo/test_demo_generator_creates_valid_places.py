# SPDX-License-Identifier: EUPL-1.2
"""CBS-style codes, and boundaries that tile: buurten fill their wijk, wijken fill the town."""

from __future__ import annotations

import re

import pytest

from wijkteam.gebieden.models import Buurt, Gemeente, Wijk

from .conftest import contains, ring, signed_area


@pytest.mark.django_db
def test_gemeente_has_four_wijken_of_four_buurten_with_cbs_codes(demo_town: dict[str, int]) -> None:
    gemeente = Gemeente.objects.get(code="GM0999")
    assert gemeente.naam == "Gemeente Voorbeeld"
    wijken = list(gemeente.wijken.order_by("code"))

    assert [w.code for w in wijken] == ["WK099900", "WK099901", "WK099902", "WK099903"]
    assert [w.naam for w in wijken] == ["Centrum", "Noord", "Oost", "Zuid-West"]
    for wijk in wijken:
        codes = list(wijk.buurten.values_list("code", flat=True))
        assert len(codes) == 4
        assert all(re.fullmatch(r"BU\d{8}", code) and code.startswith("BU" + wijk.code[2:]) for code in codes)
        assert all(len(naam) > 3 for naam in wijk.buurten.values_list("naam", flat=True))
    assert Buurt.objects.values("naam").distinct().count() == 16


@pytest.mark.django_db
def test_boundaries_are_closed_counter_clockwise_polygons_in_the_netherlands(demo_town: dict[str, int]) -> None:
    for area in [*Wijk.objects.all(), *Buurt.objects.all()]:
        points = ring(area.grens)
        assert len(points) >= 5
        assert signed_area(points) > 0, f"{area.code} ring is not counter-clockwise"
        assert all(3.3 < lon < 7.3 and 50.7 < lat < 53.6 for lon, lat in points)
        # Around 52.10 N, 5.10 E: the fictitious town lies within a few kilometres of it.
        assert all(abs(lon - 5.10) < 0.05 and abs(lat - 52.10) < 0.03 for lon, lat in points)


@pytest.mark.django_db
def test_buurten_tile_their_wijk(demo_town: dict[str, int]) -> None:
    buurten = list(Buurt.objects.select_related("wijk"))
    wijken = list(Wijk.objects.all())
    for wijk in wijken:
        own = [b for b in buurten if b.wijk_id == wijk.pk]
        # Equal area and every buurt centre inside: the buurten cover the wijk without overlap.
        assert sum(signed_area(ring(b.grens)) for b in own) == pytest.approx(signed_area(ring(wijk.grens)), rel=1e-9)
    for buurt in buurten:
        assert buurt.latitude is not None and buurt.longitude is not None
        assert contains(ring(buurt.grens), buurt.longitude, buurt.latitude)
        in_wijken = [w.code for w in wijken if contains(ring(w.grens), buurt.longitude, buurt.latitude)]
        assert in_wijken == [buurt.wijk.code]
        others = [b.code for b in buurten if b != buurt and contains(ring(b.grens), buurt.longitude, buurt.latitude)]
        assert others == []
