# SPDX-License-Identifier: EUPL-1.2
"""The demo fills the public postcode table from its own streets, so the map needs no residents' addresses."""

from __future__ import annotations

import pytest
from django.db.models import Avg

from wijkteam.gebieden.models import Postcode, PostcodeBron
from wijkteam.huishoudens.models import Adres
from wijkteam.sociale_kaart.geocoding import postcode_to_point


@pytest.mark.django_db
def test_every_demo_postcode_has_its_centre_and_buurt(demo_town: dict[str, int]) -> None:
    used = set(Adres.objects.values_list("postcode", flat=True))
    rows = {p.pc6: p for p in Postcode.objects.all()}

    assert set(rows) == used and demo_town["postcodes"] == len(used)
    for pc6, row in rows.items():
        at = Adres.objects.filter(postcode=pc6)
        centre = at.aggregate(lat=Avg("latitude"), lon=Avg("longitude"))
        assert (row.latitude, row.longitude) == pytest.approx((centre["lat"], centre["lon"]), abs=1e-6)
        assert row.buurt_id == at.first().buurt_id and row.bron == PostcodeBron.DEMO
    pc6, row = next(iter(rows.items()))
    assert postcode_to_point(pc6) == pytest.approx((row.latitude, row.longitude))


@pytest.mark.django_db
def test_the_map_still_finds_postcodes_when_no_resident_lives_there(demo_town: dict[str, int]) -> None:
    # Geocoding reads only the postcode table: coordinates on residents' addresses do not matter to it.
    pc6 = Postcode.objects.values_list("pc6", flat=True).first()
    before = postcode_to_point(pc6)
    Adres.objects.filter(postcode=pc6).update(latitude=None, longitude=None)
    assert postcode_to_point(pc6) == before
