# SPDX-License-Identifier: EUPL-1.2
"""Addresses: normalised postcodes in their wijk's area, and coordinates inside their own buurt."""

from __future__ import annotations

import pytest

from wijkteam.gebieden.models import Buurt
from wijkteam.huishoudens.models import Adres, Huishouden, normalise_postcode

from .conftest import SCALE, contains, ring

# Wijk n (in code order) owns postcode areas 3701+20n .. 3720+20n; a small demo uses the first.
FIRST_AREA = {"WK099900": 3701, "WK099901": 3721, "WK099902": 3741, "WK099903": 3761}


@pytest.mark.django_db
def test_every_address_lies_inside_its_buurt_polygon(demo_town: dict[str, int]) -> None:
    rings = {b.pk: ring(b.grens) for b in Buurt.objects.all()}
    adressen = list(Adres.objects.values_list("buurt_id", "longitude", "latitude"))

    assert len(adressen) == SCALE
    outside = [(buurt, lon, lat) for buurt, lon, lat in adressen if not contains(rings[buurt], lon, lat)]
    assert outside == []


@pytest.mark.django_db
def test_postcodes_are_normalised_and_belong_to_the_wijk(demo_town: dict[str, int]) -> None:
    for adres in Adres.objects.select_related("buurt__wijk"):
        assert normalise_postcode(adres.postcode) == adres.postcode
        area, letters = adres.postcode.split(" ")
        assert letters not in {"SA", "SD", "SS"}
        assert int(area) == FIRST_AREA[adres.buurt.wijk.code]
        assert adres.woonplaats == "Voorbeeld"
        assert adres.straat and adres.huisnummer >= 1
        assert adres.huisletter in {"", "A"}


@pytest.mark.django_db
def test_each_household_has_its_own_address_and_streets_stay_in_one_buurt(demo_town: dict[str, int]) -> None:
    assert Huishouden.objects.values("adres").distinct().count() == SCALE
    buurten_per_straat: dict[str, set[int]] = {}
    for straat, buurt in Adres.objects.values_list("straat", "buurt_id"):
        buurten_per_straat.setdefault(straat, set()).add(buurt)
    assert all(len(buurten) == 1 for buurten in buurten_per_straat.values())
    # One postcode is one side of one street stretch.
    straten_per_postcode: dict[str, set[str]] = {}
    for postcode, straat in Adres.objects.values_list("postcode", "straat"):
        straten_per_postcode.setdefault(postcode, set()).add(straat)
    assert all(len(straten) == 1 for straten in straten_per_postcode.values())
