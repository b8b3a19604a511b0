# SPDX-License-Identifier: EUPL-1.2
"""Issue 16: "Terug naar zoeken" on a service page went to an empty search. It now returns to the
same words, filters and result page; only the search form's own fields are carried, and the
link always points at our search page."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from wijkteam.sociale_kaart.search import reindex_all

from .conftest import make_service
from .http_results import SEARCH_URL, result_names, result_page

pytestmark = pytest.mark.django_db

_RESULT_LINK = re.compile(r'class="utrecht-heading-3 wt-result__naam">.*?<a class="utrecht-link" href="([^"]*)">')
_BACK = re.compile(r'<a class="utrecht-link" href="([^"]*)">Terug naar zoeken</a>')


def _back_link(client, service_url: str) -> str:
    response = client.get(service_url)
    assert response.status_code == 200
    (back,) = _BACK.findall(response.content.decode())
    return html.unescape(back)


def test_back_link_returns_to_the_same_query_filters_and_page(client, db):
    for number in range(25):
        make_service(f"Geldloket {number:02d}", "Hulp bij rekeningen en schulden.", ["LD01"])
    reindex_all()
    asked = {"q": "schulden", "levensdomein": "LD01", "gratis": "", "pagina": "2"}
    page = result_page(client, **asked)
    links = [html.unescape(link) for link in _RESULT_LINK.findall(page)]
    assert len(links) == 5  # 25 results, 20 a page: page two

    back = _back_link(client, links[0])
    parts = urlsplit(back)
    assert parts.path == SEARCH_URL and not parts.netloc
    assert parse_qs(parts.query) == {"q": ["schulden"], "levensdomein": ["LD01"], "pagina": ["2"]}
    # Following it shows that page again.
    assert result_names(result_page(client, **parse_qs(parts.query))) == result_names(page)


def test_back_link_never_leaves_the_search_page(client, db):
    service = make_service("Geldloket", "Hulp bij schulden.", ["LD01"])
    reindex_all()
    url = reverse("sociale_kaart_public:service", args=[service.pk])
    for hostile in ("//evil.example/x", "https://evil.example/?q=x", "next=https://evil.example&q=geld"):
        back = _back_link(client, f"{url}?terug={hostile}")
        assert urlsplit(back).path == SEARCH_URL and not urlsplit(back).netloc
    assert _back_link(client, url) == SEARCH_URL
