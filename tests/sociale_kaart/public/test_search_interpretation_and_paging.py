# SPDX-License-Identifier: EUPL-1.2
"""What the search understood is shown ("We zoeken ook op", "Bedoelde u"), and paging keeps the filters."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.search import Interpretation

pytestmark = pytest.mark.django_db

URL = reverse("sociale_kaart_public:search")


def test_we_also_search_on_the_domain_in_plain_words(client, fake_search):
    fake_search.returns(ServiceFactory())
    fake_search.interpretation = Interpretation(domains=("LD01",))
    html = client.get(URL, {"q": "rood staan"}).content.decode()
    assert "We zoeken ook op:" in html
    assert '<span class="wt-domein">Geld en schulden</span>' in html


def test_domain_given_by_name_also_gets_plain_words(client, fake_search):
    fake_search.returns(ServiceFactory())
    fake_search.interpretation = Interpretation(domains=("Financiën",))
    assert "Geld en schulden" in client.get(URL, {"q": "rood"}).content.decode()


def test_did_you_mean_links_to_the_corrected_search(client, fake_search):
    fake_search.interpretation = Interpretation(corrected={"schuldn": "schulden"})
    html = client.get(URL, {"q": "hulp bij schuldn"}).content.decode()
    assert "Bedoelde u" in html
    assert f'href="{URL}?q=hulp+bij+schulden">hulp bij schulden</a>?' in html


def test_pages_link_with_the_same_filters(client, fake_search):
    fake_search.returns(*[ServiceFactory() for _ in range(3)])
    fake_search.total = 65
    html = client.get(URL, {"q": "hulp", "gratis": "on", "pagina": "2"}).content.decode()
    assert 'aria-label="Meer resultaten"' in html
    assert f'href="{URL}?q=hulp&amp;gratis=on" hx-get' in html  # previous = page 1, no pagina=
    assert f'href="{URL}?q=hulp&amp;gratis=on&amp;pagina=3"' in html
    assert 'aria-current="page"' in html
    assert "65 resultaten gevonden. Pagina 2 van 4." in html


def test_one_page_needs_no_paging(client, fake_search):
    fake_search.returns(ServiceFactory())
    assert "Meer resultaten" not in client.get(URL, {"q": "hulp"}).content.decode()
