# SPDX-License-Identifier: EUPL-1.2
"""Pages: total counts every match, pages do not overlap, a page past the end is empty."""

from __future__ import annotations

import pytest

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.search import reindex_all

from .conftest import names

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(db):
    for n in range(23):
        ServiceFactory(name=f"Taalles groep {n:02d}", description="Nederlands leren.", terms=["LD12"])
    ServiceFactory(name="Fietsenmaker", description="Reparatie.", terms=["LD10"])
    reindex_all()


@pytest.mark.parametrize("text", ["taalles", ""])
def test_pages_cover_all_matches_once(many, search, text):
    levensdomeinen = ("LD12",) if not text else ()
    pages = [search(text, levensdomeinen=levensdomeinen, page=p, per_page=10) for p in (1, 2, 3)]
    assert [len(p.hits) for p in pages] == [10, 10, 3]
    assert all(p.total == 23 for p in pages)
    seen = [name for p in pages for name in names(p)]
    assert len(set(seen)) == 23
    assert pages[1].page == 2 and pages[1].per_page == 10


@pytest.mark.parametrize("text", ["taalles", ""])
def test_page_past_the_end_is_empty_but_counts(many, search, text):
    result = search(text, levensdomeinen=("LD12",), page=9, per_page=10)
    assert result.hits == []
    assert result.total == 23


def test_browse_is_alphabetical(many, search):
    assert names(search(per_page=3)) == ["Fietsenmaker", "Taalles groep 00", "Taalles groep 01"]


def test_per_page_is_bounded(many, search):
    assert search(per_page=10_000).per_page == 100
    assert search(page=0).page == 1


def test_ranked_ids_follow_the_search_order(many, search):
    from wijkteam.sociale_kaart.search import SearchQuery, ranked_service_ids

    ids, total = ranked_service_ids(SearchQuery(text="taalles groep"), limit=5)
    assert total == 23
    assert ids == [hit.service.pk for hit in search("taalles groep", per_page=5).hits]
    ids, total = ranked_service_ids(SearchQuery(levensdomeinen=("LD10",)))
    assert total == 1 and len(ids) == 1
