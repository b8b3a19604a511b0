# SPDX-License-Identifier: EUPL-1.2
"""The one postcode/house-number module: PC6, PC4 where allowed, the SA/SD/SS rule, BAG house numbers."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from wijkteam.gebieden.postcodes import (
    Huisnummer,
    normalise_postcode,
    parse_huisnummer,
    try_normalise_postcode,
)


@pytest.mark.parametrize("raw", ["1234ab", "1234 AB", " 1234  ab ", "1234Ab"])
def test_pc6_variants_become_1234_AB(raw):
    assert normalise_postcode(raw) == "1234 AB"


@pytest.mark.parametrize("letters", ["SA", "SD", "SS", "sa", "sd", "ss"])
def test_never_issued_letter_pairs_are_refused(letters):
    with pytest.raises(ValidationError) as excinfo:
        normalise_postcode(f"1234 {letters}")
    assert "geldige postcode" in str(excinfo.value)
    assert try_normalise_postcode(f"1234{letters}") is None


def test_pc4_only_where_allowed():
    assert normalise_postcode(" 3511 ", allow_pc4=True) == "3511"
    assert normalise_postcode("3511ak", allow_pc4=True) == "3511 AK"
    with pytest.raises(ValidationError):
        normalise_postcode("3511")
    assert try_normalise_postcode("3511") is None
    assert try_normalise_postcode("3511", allow_pc4=True) == "3511"


@pytest.mark.parametrize("raw", ["0123 AB", "0123", "12345", "AB 1234", "", "1234 A", "1234 ABC"])
def test_non_postcodes_are_refused_even_with_pc4(raw):
    with pytest.raises(ValidationError):
        normalise_postcode(raw, allow_pc4=True)
    assert try_normalise_postcode(raw, allow_pc4=True) is None


def test_none_is_no_postcode():
    assert try_normalise_postcode(None) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", Huisnummer(12, "", "")),
        (12, Huisnummer(12, "", "")),
        ("12a", Huisnummer(12, "A", "")),
        ("12 A", Huisnummer(12, "A", "")),
        ("12a-3", Huisnummer(12, "A", "3")),
        ("12 A 3", Huisnummer(12, "A", "3")),
        ("12-3", Huisnummer(12, "", "3")),
        ("12/2", Huisnummer(12, "", "2")),
        ("12 bis", Huisnummer(12, "", "BIS")),
        ("12-hs", Huisnummer(12, "", "HS")),
        ("12hs", Huisnummer(12, "", "HS")),
        ("99999", Huisnummer(99999, "", "")),
    ],
)
def test_huisnummer_parses_into_bag_parts(raw, expected):
    assert parse_huisnummer(raw) == expected


def test_huisnummer_prints_back_in_the_usual_form():
    assert str(parse_huisnummer("12a 3")) == "12A-3"


@pytest.mark.parametrize("raw", ["", "0", "a12", "100000", "12-abcde", "12 a b c"])
def test_bad_huisnummers_get_a_dutch_error(raw):
    with pytest.raises(ValidationError) as excinfo:
        parse_huisnummer(raw)
    assert "huisnummer" in str(excinfo.value)
