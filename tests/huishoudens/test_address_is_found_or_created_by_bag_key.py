# SPDX-License-Identifier: EUPL-1.2
"""find_or_create_adres: one row per BAG key (normalised postcode, huisnummer, letter, toevoeging), with its buurt."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from wijkteam.gebieden.models import Postcode, PostcodeBron
from wijkteam.huishoudens.models import Adres
from wijkteam.huishoudens.services import find_or_create_adres

pytestmark = pytest.mark.django_db


def test_spellings_of_one_address_give_one_row(place):
    first = find_or_create_adres(postcode="3511ab", huisnummer="12a-3", straat="Havenstraat", woonplaats="Voorbeeld",
                                 buurt=place.buurt_a)
    again = find_or_create_adres(postcode="3511 AB", huisnummer=12, huisletter="a", toevoeging="3")
    assert again.pk == first.pk
    assert (first.postcode, first.huisnummer, first.huisletter, first.huisnummertoevoeging) == ("3511 AB", 12, "A", "3")
    assert Adres.objects.count() == 1


def test_other_letter_or_toevoeging_is_another_address(place):
    keys = [("12", ""), ("12a", ""), ("12", "3"), ("14", "")]
    ids = {find_or_create_adres(postcode="3511AB", huisnummer=n, toevoeging=t, straat="Havenstraat",
                                woonplaats="Voorbeeld").pk for n, t in keys}
    assert len(ids) == 4


def test_buurt_comes_from_the_postcode_table(place):
    Postcode.objects.create(pc6="3511 AB", latitude=52.09, longitude=5.12, buurt=place.buurt_b,
                            bron=PostcodeBron.PDOK)
    adres = find_or_create_adres(postcode="3511ab", huisnummer=1, straat="Havenstraat", woonplaats="Voorbeeld")
    assert adres.buurt == place.buurt_b


def test_without_postcode_row_the_buurt_comes_from_the_point(place):
    place.buurt_a.grens = {"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.2, 52.0], [5.2, 52.2], [5.0, 52.2],
                                                              [5.0, 52.0]]]}
    place.buurt_a.save()
    adres = find_or_create_adres(postcode="3511 AC", huisnummer=1, straat="Havenstraat", woonplaats="Voorbeeld",
                                 latitude=52.1, longitude=5.1)
    assert adres.buurt == place.buurt_a


@pytest.mark.parametrize(
    ("postcode", "huisnummer", "code"),
    [("3511 SS", 1, "postcode"), ("3511 AB", "x", "huisnummer"), ("3511 AB", "12-abcde", "huisnummer")],
)
def test_bad_input_gets_a_dutch_error_and_writes_nothing(db, postcode, huisnummer, code):
    with pytest.raises(ValidationError) as excinfo:
        find_or_create_adres(postcode=postcode, huisnummer=huisnummer, straat="Havenstraat", woonplaats="Voorbeeld")
    assert excinfo.value.code == code
    assert not Adres.objects.exists()
