# SPDX-License-Identifier: EUPL-1.2
"""With the real search: residents find services in their own words, filtered, near them, open now."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.search import reindex_all

pytestmark = pytest.mark.django_db

URL = reverse("sociale_kaart_public:search")


def test_everyday_words_find_the_service(client, inloop, frozen_time):
    ServiceFactory(name="Volkstuin De Groene Vinger", description="Samen tuinieren.", terms=["LD03"])
    reindex_all()
    html = client.get(URL, {"q": "geldzorgen"}).content.decode()
    assert "Inloop geldzaken" in html
    assert "De Groene Vinger" not in html
    assert "Geld en schulden" in html  # understood as the topic, in plain words


def test_open_now_filter(client, inloop, frozen_time):
    ServiceFactory(name="Geldcafé op zaterdag", description="Hulp bij geld.", terms=["LD01"])
    reindex_all()
    html = client.get(URL, {"levensdomein": "LD01", "nu_open": "on"}).content.decode()
    assert "Inloop geldzaken" in html
    assert "Geldcafé op zaterdag" not in html


def test_hidden_services_are_not_found(client, frozen_time):
    ServiceFactory(name="Verouderd geldloket", terms=["LD01"], stale=True)
    ServiceFactory(name="Gestopt geldloket", terms=["LD01"], inactive=True)
    reindex_all()
    html = client.get(URL, {"levensdomein": "LD01"}).content.decode()
    assert "Verouderd geldloket" not in html and "Gestopt geldloket" not in html
    assert "We hebben niets gevonden" in html


def test_wijk_filter_with_distance(client, inloop, place, frozen_time):
    reindex_all()
    html = client.get(URL, {"q": "geld", "wijk": place.wijk_a.code}).content.decode()
    assert "Inloop geldzaken" in html
