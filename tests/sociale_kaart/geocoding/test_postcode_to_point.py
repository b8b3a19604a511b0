# SPDX-License-Identifier: EUPL-1.2
"""postcode_to_point: the public postcode table first (never residents' addresses), PDOK only when switched on."""

from __future__ import annotations

import pytest

from tests.factories import AdresFactory
from tests.factories_sociale_kaart import LocationFactory
from wijkteam.gebieden.models import Postcode
from wijkteam.gebieden.postcodes import try_normalise_postcode
from wijkteam.sociale_kaart.geocoding import postcode_to_point

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "normal"),
    [("3511ab", "3511 AB"), (" 3511 AB ", "3511 AB"), ("3511", "3511"), ("35111", None), ("", None), (None, None)],
)
def test_normalise_postcode(typed, normal):
    # What the map accepts: PC6, or PC4 as a resident may type it.
    assert try_normalise_postcode(typed, allow_pc4=True) == normal


def test_pc6_comes_from_the_postcode_table(db):
    Postcode.objects.create(pc6="3511 AB", latitude=52.0905, longitude=5.1210)
    assert postcode_to_point("3511ab") == pytest.approx((52.0905, 5.1210))


def test_residents_addresses_are_never_read(place):
    # A resident's address at a postcode the table does not know must not place it on the public map.
    AdresFactory(postcode="3512 CD", huisnummer=1, latitude=52.1, longitude=5.2, buurt=place.buurt_a)
    LocationFactory(latitude=52.1, longitude=5.2, address__postal_code="3512CD")
    assert postcode_to_point("3512 cd") is None


def test_four_digits_average_the_whole_area(db):
    Postcode.objects.create(pc6="3514 AA", latitude=52.0, longitude=5.0)
    Postcode.objects.create(pc6="3514 ZZ", latitude=52.2, longitude=5.2)
    Postcode.objects.create(pc6="3515 AA", latitude=53.0, longitude=6.0)
    assert postcode_to_point("3514") == pytest.approx((52.1, 5.1))


def test_unknown_postcode_offline_is_none_without_network(db):
    # The autouse opener raises if called: offline means no request at all.
    assert postcode_to_point("3511 AB") is None
    assert postcode_to_point("geen postcode") is None


def test_online_asks_pdok_once_and_caches(db, pdok):
    assert postcode_to_point("3511 AB") == pytest.approx((52.09358231, 5.11226471))
    assert postcode_to_point("3511ab") == pytest.approx((52.09358231, 5.11226471))
    assert len(pdok.requests) == 1
    params = pdok.params()
    assert params["fq"] == ["type:postcode"] and params["q"] == ["3511AB"]
    assert pdok.requests[0].startswith("https://api.pdok.nl/bzk/locatieserver/search/v3_1/free?")


def test_local_knowledge_wins_over_pdok(db, pdok):
    Postcode.objects.create(pc6="3511 AB", latitude=52.5, longitude=5.5)
    assert postcode_to_point("3511 AB") == pytest.approx((52.5, 5.5))
    assert pdok.requests == []


def test_pdok_down_gives_none(db, pdok):
    pdok.fail = True
    assert postcode_to_point("3511 AB") is None
