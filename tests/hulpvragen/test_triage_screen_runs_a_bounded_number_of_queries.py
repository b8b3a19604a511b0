# SPDX-License-Identifier: EUPL-1.2
"""The triage screen runs the same bounded number of queries whether the request has two domains with a
few provisions or six domains on a busier kaart, and with a longer assessment history."""

from __future__ import annotations

import pytest

from .triage_support import assess, index, provision, single_mother

pytestmark = pytest.mark.django_db

MAX_QUERIES = 40


def _page(client, hulpvraag):
    response = client.get(f"/werk/hulpvragen/triage/{hulpvraag.pk}/")
    assert response.status_code == 200
    return response


def test_query_count_does_not_grow_with_domains_or_provisions(place, users, client_for, frozen_time,
                                                               django_assert_max_num_queries):
    small = single_mother(place)
    assess(small, users.medewerker, {"LD01": 3, "LD11": 3})
    codes = ["LD01", "LD02", "LD03", "LD04", "LD11", "LD12"]
    for i in range(30):
        provision(f"Aanbod {i}", [codes[i % len(codes)], "SA05"], km=0.1 * (i + 1), free=bool(i % 2), byday="MO")
    index()
    big = single_mother(place, levensdomeinen=codes)
    for _ in range(4):
        assess(big, users.medewerker, {code: 3 for code in codes})
    client = client_for(users.medewerker)

    with django_assert_max_num_queries(MAX_QUERIES) as small_run:
        _page(client, small)
    with django_assert_max_num_queries(MAX_QUERIES) as big_run:
        _page(client, big)
    assert len(big_run.captured_queries) == len(small_run.captured_queries)
