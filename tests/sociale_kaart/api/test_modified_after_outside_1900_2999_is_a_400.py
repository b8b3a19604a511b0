# SPDX-License-Identifier: EUPL-1.2
"""`modified_after` in year 1 or 9999 did not convert to UTC for the query: an OverflowError, a 500 for any
client of the open API. A date or moment outside 1900-2999 is now a 400 that says the range in Dutch; the
edges still filter."""

from __future__ import annotations

import pytest

from .conftest import get, get_json

pytestmark = pytest.mark.django_db

YEARS = "Kies een datum tussen 1900 en 2999."


@pytest.mark.parametrize("value", [
    "0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31",
    "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "9999-12-31T23:59:59Z",
])
@pytest.mark.parametrize("path", ["/services", "/service_at_locations"])
def test_a_moment_outside_the_years_is_a_400_with_the_range(kaart, path, value):
    response = get(path, modified_after=value)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": 400, "message": f"'modified_after': {YEARS}"}


@pytest.mark.parametrize("value", ["1900-01-01", "1900-01-01T00:00:00Z", "2999-12-31", "2999-12-31T23:59:59+01:00"])
def test_the_edges_still_filter(kaart, value):
    everything = get_json("/services")["total_items"]
    page = get_json("/services", modified_after=value)
    assert everything > 0
    assert page["total_items"] == (0 if value.startswith("2999") else everything)
