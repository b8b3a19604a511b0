# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests import factories as f
from wijkteam.gebieden.postcodes import normalise_postcode

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("raw", ["1234ab", "1234 AB", " 1234  ab ", "1234Ab"])
def test_postcode_variants_become_1234_AB(raw):
    assert normalise_postcode(raw) == "1234 AB"


@pytest.mark.parametrize("raw", ["0123 AB", "1234 SS", "12345", "AB 1234", ""])
def test_invalid_postcodes_are_refused_in_dutch(raw):
    with pytest.raises(ValidationError) as excinfo:
        normalise_postcode(raw)
    assert "geldige postcode" in str(excinfo.value)


def test_address_is_saved_normalised(place):
    adres = f.AdresFactory(postcode="3511ab", buurt=place.buurt_a)
    adres.refresh_from_db()
    assert adres.postcode == "3511 AB"
