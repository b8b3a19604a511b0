# SPDX-License-Identifier: EUPL-1.2
"""The examples from the issue, end to end."""

from __future__ import annotations

import pytest

from tests.factories import AdresFactory
from wijkteam.sociale_kaart.search import reindex_all

from .conftest import make_service, names

pytestmark = pytest.mark.django_db


def test_huur_niet_betalen_with_postcode_lists_financien_near_the_wijk_first(place, search):
    # Financial help in wijk A (near) and wijk B (far); housing help right next door.
    make_service(
        "Geldloket Noord", "Hulp bij rekeningen en schulden.", ["LD01"], lat=52.1300, lon=5.1600, buurt=place.buurt_b
    )
    make_service(
        "Geldloket Centrum", "Hulp bij rekeningen en schulden.", ["LD01"], lat=52.0905, lon=5.1205, buurt=place.buurt_a
    )
    make_service(
        "Woonwinkel Centrum", "Alles over huren en huur.", ["LD04"], lat=52.0901, lon=5.1201, buurt=place.buurt_a
    )
    AdresFactory(postcode="3512 CD", latitude=52.0900, longitude=5.1200, buurt=place.buurt_a)
    reindex_all()
    result = search("ik kan mijn huur niet betalen", postcode="3512CD")
    assert result.interpretation.domains == ("LD01",)
    assert result.interpretation.domain_names == ("Financiën",)
    assert names(result)[0] == "Geldloket Centrum"
    assert result.hits[0].matched_domains == ("LD01",)
    # Without the postcode the two Financiën services lead; with it, the near one first.
    assert set(names(search("ik kan mijn huur niet betalen"))[:2]) == {"Geldloket Noord", "Geldloket Centrum"}


def test_eenzaam_finds_sociaal_netwerk(kaart, search):
    result = search("eenzaam")
    assert result.interpretation.domains == ("LD11",)
    assert set(names(result)) == {"Maatjesproject", "Ontmoetingsochtend in het buurthuis"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("schuldhulp verlening", "Schuldhulpverlening"),
        ("shuldhulp", "Schuldhulpverlening"),
        ("eenzaamheid ouderen", "Ontmoetingsochtend in het buurthuis"),
        ("eenzaamhijd", "Maatjesproject"),
    ],
)
def test_misspelled_and_split_words_still_find_them(kaart, search, text, expected):
    assert expected in names(search(text))[:2]
