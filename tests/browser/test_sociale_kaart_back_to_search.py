# SPDX-License-Identifier: EUPL-1.2
"""Issue 16: from a service page, the browser's Back and the page's "Terug naar zoeken" both return
to the same words, filters and result page, also when htmx swapped the results in; the result list
with a "Minder passend" part passes axe."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser_support import assert_accessible
from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.search import reindex_all
from wijkteam.sociale_kaart.taxonomies import load_taxonomies

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def kaart(db: Any) -> None:
    # Transactional tests flush the tables the migrations filled: load the shipped taxonomies again.
    load_taxonomies()
    for number in range(25):
        ServiceFactory(name=f"Geldloket {number:02d}", description="Hulp bij rekeningen en schulden.", terms=["LD01"])
    ServiceFactory(name="Taalcafé De Brug", description="Oefen Nederlands spreken.", terms=["LD12"])
    ServiceFactory(name="Bewonersoverleg Molenwijk", description="Praat mee over de buurt.", terms=["LD12"])
    reindex_all()


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_back_and_terug_naar_zoeken_keep_query_filters_and_page(page: Any, kaart: None) -> None:
    page.goto("/sociale-kaart/zoeken/")
    page.get_by_label("Waar zoekt u hulp bij?").fill("schulden")
    page.get_by_role("button", name="Zoeken").first.click()
    page.wait_for_selector(".wt-result")
    page.get_by_role("link", name="Pagina 2").first.click()  # htmx swaps the list and pushes the URL
    page.wait_for_url("**pagina=2**")
    on_page_two = page.locator(".wt-result__naam a").all_inner_texts()
    assert len(on_page_two) == 5
    search_url = page.url

    page.get_by_role("link", name=on_page_two[0]).click()
    page.wait_for_url("**/aanbod/**")
    page.go_back()
    page.wait_for_url(search_url)
    assert page.locator(".wt-result__naam a").all_inner_texts() == on_page_two
    assert page.get_by_label("Waar zoekt u hulp bij?").input_value() == "schulden"

    page.get_by_role("link", name=on_page_two[1]).click()
    page.wait_for_url("**/aanbod/**")
    page.get_by_role("link", name="Terug naar zoeken").click()
    page.wait_for_selector(".wt-result")
    assert _query(page.url) == _query(search_url)
    assert page.locator(".wt-result__naam a").all_inner_texts() == on_page_two
    assert page.get_by_label("Waar zoekt u hulp bij?").input_value() == "schulden"


def test_minder_passend_part_is_accessible(page: Any, kaart: None) -> None:
    page.goto("/sociale-kaart/zoeken/?q=taalcafe")
    assert page.locator(".wt-result__naam a").all_inner_texts() == ["Taalcafé De Brug", "Bewonersoverleg Molenwijk"]
    assert page.get_by_role("heading", name="Minder passend").is_visible()
    assert_accessible(page)
