# SPDX-License-Identifier: EUPL-1.2
"""Kaart locations: inside their own buurt, with Dutch addresses in their wijk's postcode range,
accessibility information, and online channels without coordinates."""

from __future__ import annotations

import re
from typing import cast

import pytest

from wijkteam.demo.generator import generate
from wijkteam.gebieden.models import Buurt
from wijkteam.huishoudens.models import Adres
from wijkteam.sociale_kaart.models import Accessibility, Address, Location, LocationType

from .conftest import contains, ring

SEED, SCALE = 42, 200
# Wijk n owns postcode areas 3701+20n .. 3720+20n; households start at the first, the kaart uses the last.
LAST_AREA = {"WK099900": 3720, "WK099901": 3740, "WK099902": 3760, "WK099903": 3780}


@pytest.fixture
def kaart(db: None) -> dict[str, int]:
    return generate(seed=SEED, scale=SCALE)


def test_every_physical_location_lies_inside_its_buurt_polygon(kaart: dict[str, int]) -> None:
    rings = {b.pk: ring(b.grens) for b in Buurt.objects.all() if b.grens}
    rows = list(Location.objects.filter(location_type=LocationType.PHYSICAL).values_list(
        "name", "buurt_id", "longitude", "latitude"))

    assert len(rows) >= 60
    outside = [(name, lon, lat) for name, buurt, lon, lat in rows
               if lon is None or lat is None or not contains(rings[buurt], lon, lat)]
    assert outside == []


def test_addresses_are_dutch_and_in_the_wijk_postcode_area(kaart: dict[str, int]) -> None:
    addresses: list[Address] = list(Address.objects.select_related("location__buurt__wijk"))
    assert len(addresses) == Location.objects.filter(location_type=LocationType.PHYSICAL).count()
    streets_per_postcode: dict[str, set[str]] = {}
    for address in addresses:
        match = re.fullmatch(r"(\d{4}) ([A-Z]{2})", address.postal_code)
        assert match, address.postal_code
        assert match.group(2) not in {"SA", "SD", "SS"}
        location = cast(Location | None, address.location)
        assert location is not None and location.buurt is not None
        assert int(match.group(1)) == LAST_AREA[location.buurt.wijk.code]
        assert re.fullmatch(r"[A-Z][\w' ]+ \d{1,3}", address.address_1), address.address_1
        assert (address.city, address.state_province, address.country) == ("Voorbeeld", "Utrecht", "NL")
        street = address.address_1.rsplit(" ", 1)[0]
        streets_per_postcode.setdefault(address.postal_code, set()).add(street)
    assert all(len(streets) == 1 for streets in streets_per_postcode.values()), "one postcode, one street"
    household_postcodes = set(Adres.objects.values_list("postcode", flat=True))
    assert household_postcodes and not household_postcodes & set(streets_per_postcode)


def test_online_channels_have_a_website_and_no_place(kaart: dict[str, int]) -> None:
    online = list(Location.objects.filter(location_type=LocationType.VIRTUAL))

    assert len(online) >= 5
    for location in online:
        assert location.latitude is None and location.longitude is None and location.buurt_id is None
        assert location.url.startswith("https://www.") and location.url.endswith(".example")
        assert not location.addresses.exists()


def test_accessibility_is_described_for_every_building(kaart: dict[str, int]) -> None:
    physical = Location.objects.filter(location_type=LocationType.PHYSICAL)
    texts = list(Accessibility.objects.values_list("description", flat=True))

    assert Accessibility.objects.filter(location__in=physical).values("location").distinct().count() == physical.count()
    accessible = physical.wheelchair_accessible().count()
    assert 0.5 * physical.count() <= accessible < physical.count(), "most, not all, buildings take a wheelchair"
    assert any("invalidentoilet" in t for t in texts)
    assert any("ringleiding" in t for t in texts)
    assert any("trap" in t and "rolstoel" not in t for t in texts), "inaccessible ones never say rolstoel"
