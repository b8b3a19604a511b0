# SPDX-License-Identifier: EUPL-1.2
"""Every id filter of the privacy officer's pages refuses huge, negative and non-numeric values with
a Dutch error naming the field, on the page and for the CSV: never a 500 (OverflowError) or a file."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

BAD_VALUES = {
    "99999999999999999999999": "te groot",
    "9223372036854775808": "te groot",  # 2^63: one past the largest bigint
    "-1": "1 of hoger",
    "0": "1 of hoger",
    "abc": "alleen cijfers",
    "1e3": "alleen cijfers",
    "١٢": "alleen cijfers",  # Arabic-Indic digits: int() would accept them
}
FILTERS = {"person": "Persoon (id)", "household": "Huishouden (id)"}


@pytest.mark.parametrize("url_name", ["privacy:audit_list", "privacy:audit_export"])
@pytest.mark.parametrize("field", sorted(FILTERS))
@pytest.mark.parametrize("value", sorted(BAD_VALUES))
def test_impossible_id_gets_a_dutch_field_error(url_name, field, value, users, client_for):
    response = client_for(users.privacy).get(reverse(url_name), {field: value})

    assert response.status_code == 400
    html = response.content.decode()
    assert BAD_VALUES[value] in html
    assert f'id="id_{field}-error"' in html
    assert response["Content-Type"].startswith("text/html")


def test_the_largest_possible_id_is_a_valid_filter(users, client_for):
    response = client_for(users.privacy).get(reverse("privacy:audit_list"), {"person": str(2**63 - 1)})
    assert response.status_code == 200
