# SPDX-License-Identifier: EUPL-1.2
"""A number cell may have an exponent (HSDS follows JSON), so `1e999999999` is a number by its form.
Its size is judged by the exponent before anything converts it: int() of such a value would keep the
worker busy for hours, and a decimal column used to end in "er ging iets mis" instead of a Dutch
message at the cell. JSON numbers are read as written (Decimal), so a number of 5,000 digits or 1e400
gets the same message at its field instead of a crash or "'inf' is geen getal"."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from wijkteam.sociale_kaart.hsds_io.services import import_bytes
from wijkteam.sociale_kaart.hsds_io.tables import tables
from wijkteam.sociale_kaart.hsds_io.values import ValueProblem, parse

AMOUNT = ("cost_option", "amount")  # DecimalField(max_digits=10, decimal_places=2)
INTERVAL = ("schedule", "interval")  # PositiveIntegerField
AGE = ("service", "minimum_age")  # FloatField


def _problem(where: tuple[str, str], raw: str) -> str:
    column = tables()[where[0]].column(where[1])
    assert column is not None
    started = time.monotonic()
    with pytest.raises(ValueProblem) as refused:
        parse(column, raw)
    assert time.monotonic() - started < 1
    return refused.value.message


@pytest.mark.parametrize("raw", ["1e999999999", "1e100000", "-1e999999999", "123456789"])
def test_a_huge_amount_is_too_big(raw):
    assert _problem(AMOUNT, raw) == f"'{raw}' is te groot"


@pytest.mark.parametrize("raw", ["1e999999999", "1e100000", "1e19", "1E+999999999"])
def test_a_huge_whole_number_is_too_big(raw):
    assert _problem(INTERVAL, raw) == f"'{raw}' is te groot (maximaal 2147483647)"


def test_a_huge_float_is_too_big():
    assert _problem(AGE, "1e999999999") == "'1e999999999' is te groot"


def test_tiny_exponents_are_too_many_decimals_or_no_whole_number():
    assert _problem(AMOUNT, "1e-999999999") == "'1e-999999999' heeft te veel cijfers achter de punt (maximaal 2)"
    assert _problem(INTERVAL, "1e-999999999") == "'1e-999999999' moet een geheel getal zijn"


@pytest.mark.parametrize(
    ("where", "raw", "expected"),
    [
        (AMOUNT, "99999999.99", "99999999.99"),
        (AMOUNT, "2.50", "2.50"),
        (AMOUNT, "0e999999999", "0"),
        (AMOUNT, "1.5e3", "1500"),
        (INTERVAL, "2147483647", 2147483647),
        (INTERVAL, "3e2", 300),
        (INTERVAL, "0e999999999", 0),
        (AGE, "1.8e1", 18.0),
    ],
)
def test_ordinary_numbers_still_fit(where, raw, expected):
    column = tables()[where[0]].column(where[1])
    assert column is not None
    value = parse(column, raw)
    if isinstance(expected, str):
        assert value == Decimal(expected)
    else:
        assert value == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("number", "shown"), [("1" * 5000, "1" * 59 + "…"), ("1e999999999", "1E+999999999")])
def test_a_huge_number_in_json_is_a_problem_at_its_field(number, shown):
    document = ('[{"id": "6f1c2f0e-0c1a-4a7e-9a51-1f0d7b0c0001", "name": "Stichting Buurtwerk", '
                f'"description": "x", "year_incorporated": {number}}}]')
    result = import_bytes(document.encode(), "aanbod.json")
    assert [str(p) for p in result.errors] == [
        f"aanbod.json, object 1, veld 'year_incorporated': '{shown}' is te groot (maximaal 32767)"
    ]
