# SPDX-License-Identifier: EUPL-1.2
"""Retrieval (match, filters, sort, count) reads only the narrow sk_search_key, never the wide index
row with its texts, card and HSDS JSON: at 100,000 services a lookup of the wide row per match cost
more than the full-text match itself (bench/bench_search_scale.py). The wide row is read for the
page's cards only."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.search import SearchQuery, reindex_all, retrieval_sql_for

from .conftest import names

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaart(db):
    ServiceFactory(name="Taalcafé Noord", terms=["LD12"], wheelchair=True)
    ServiceFactory(name="Taalcafé Zuid", terms=["LD12"])
    ServiceFactory(name="Schuldhulp", terms=["LD01"])
    reindex_all()


def _spoil_wide_rows() -> None:
    # If retrieval read these columns of the wide row, nothing would be found or filtered right.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE sk_search_entry SET status = 'x', checked_on = NULL, codes = ' ', rolstoel = 0, "
            "sort_name = '', name_text = '', points = ''"
        )


def test_search_filters_and_counts_from_the_narrow_table(kaart, search):
    _spoil_wide_rows()
    result = search("taalcafe", rolstoel=True)
    assert names(result) == ["Taalcafé Noord"]
    assert result.total == 1
    assert sorted(names(search(levensdomeinen=("LD12",)))) == ["Taalcafé Noord", "Taalcafé Zuid"]
    assert search(levensdomeinen=("LD12",)).total == 2


def test_page_past_the_end_still_counts_every_match(kaart, search):
    _spoil_wide_rows()
    result = search(levensdomeinen=("LD12",), page=3, per_page=1)
    assert result.hits == []
    assert result.total == 2


@pytest.mark.parametrize("text", ["taalcafe", ""])
def test_retrieval_sql_names_no_wide_table(kaart, text):
    sql, _params = retrieval_sql_for(SearchQuery(text=text, gratis=True, leeftijd=30))
    assert "sk_search_key" in sql
    assert "sk_search_entry" not in sql
