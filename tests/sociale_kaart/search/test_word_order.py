# SPDX-License-Identifier: EUPL-1.2
"""Several words in any order give the same answer."""

from __future__ import annotations

import pytest

from tests.sociale_kaart.search.conftest import names

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("eenzaamheid ouderen", "ouderen eenzaamheid"),
        ("alcohol jongeren", "jongeren alcohol"),
        ("niemand om mee te praten", "praten niemand"),
        ("huur betalen", "betalen huur"),
    ],
)
def test_order_does_not_matter(kaart, search, one, other):
    first, second = search(one), search(other)
    assert names(first) == names(second)
    assert first.interpretation.domains == second.interpretation.domains
    assert first.total > 0
