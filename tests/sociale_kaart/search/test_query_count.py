# SPDX-License-Identifier: EUPL-1.2
"""A search costs a fixed number of queries, whatever the number of hits."""

from __future__ import annotations

import pytest

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.search import reindex_all

pytestmark = pytest.mark.django_db


def test_queries_do_not_grow_with_hits(db, search, django_assert_max_num_queries):
    for n in range(30):
        ServiceFactory(name=f"Taalles {n}", terms=["LD12"], wheelchair=n % 2 == 0)
    reindex_all()
    search("taalles")  # loads the vocabulary once
    # generation check + retrieval + services + locations
    with django_assert_max_num_queries(4):
        result = search("taalles", per_page=30)
    assert len(result.hits) == 30
    with django_assert_max_num_queries(4):
        search(per_page=30)
