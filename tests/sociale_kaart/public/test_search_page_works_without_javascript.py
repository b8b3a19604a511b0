# SPDX-License-Identifier: EUPL-1.2
"""The search page is a plain GET form: every filter reaches the search; htmx only swaps the results."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wijkteam.gebieden.models import Postcode

pytestmark = pytest.mark.django_db

URL = reverse("sociale_kaart_public:search")


def test_empty_page_shows_the_box_and_does_not_search(client, fake_search):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'method="get"' in html
    assert "Waar zoekt u hulp bij?" in html
    assert "Geld en schulden" in html  # the topics to choose from
    assert fake_search.queries == []


def test_every_filter_reaches_the_search(client, fake_search, place, frozen_time):
    # An unknown postcode is refused (test_unknown_postcode_is_told_to_the_user.py): place this one.
    Postcode.objects.create(pc6="3511 AB", latitude=52.09, longitude=5.12)
    response = client.get(
        URL,
        {
            "q": "  schulden  ",
            "levensdomein": ["LD01", "LD04"],
            "soort": "SA01",
            "doelgroep": "DG05",
            "leeftijd": "70",
            "gratis": "on",
            "rolstoel": "on",
            "nu_open": "on",
            "dag": "TU",
            "taal": "ar",
            "postcode": "3511ab",
            "wijk": "WK099901",
            "pagina": "2",
        },
    )
    assert response.status_code == 200
    (query,) = fake_search.queries
    assert query.text == "schulden"
    assert query.levensdomeinen == ("LD01", "LD04")
    assert query.soorten == ("SA01",)
    assert query.doelgroepen == ("DG05",)
    assert query.leeftijd == 70
    assert (query.gratis, query.rolstoel, query.nu_open) == (True, True, True)
    assert query.dag == "TU"
    assert query.taal == "ar"
    assert query.postcode == "3511 AB"
    assert query.wijk == "WK099901"
    assert query.page == 2
    assert query.moment is not None and query.moment.isoformat().startswith("2026-11-25T09:15")
    assert query.include_hidden is False


def test_a_topic_alone_is_a_search(client, fake_search):
    client.get(URL, {"levensdomein": "LD11"})
    assert [q.levensdomeinen for q in fake_search.queries] == [("LD11",)]


def test_wrong_postcode_is_explained_and_not_searched(client, fake_search):
    response = client.get(URL, {"q": "eten", "postcode": "12345"})
    assert response.status_code == 200
    assert "Vul een postcode in zoals 1234 AB of alleen de cijfers, zoals 1234." in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert fake_search.queries == []


def test_unknown_filter_values_are_refused_not_passed_on(client, fake_search):
    client.get(URL, {"q": "eten", "levensdomein": "LD99"})
    assert fake_search.queries == []


def test_htmx_request_gets_only_the_results_and_the_live_status(client, fake_search, inloop):
    fake_search.returns(inloop)
    response = client.get(URL, {"q": "geld"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "Inloop geldzaken" in html
    assert 'id="zoekstatus"' in html and 'hx-swap-oob="innerHTML"' in html
    assert "1 resultaat gevonden." in html
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client, fake_search, inloop):
    fake_search.returns(inloop)
    response = client.get(URL, {"q": "geld"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.content.decode()


def test_form_enhances_with_htmx_and_pushes_the_url(client):
    html = client.get(URL).content.decode()
    assert f'hx-get="{URL}"' in html
    assert 'hx-target="#resultaten"' in html
    assert 'hx-push-url="true"' in html


def test_four_digit_postcode_is_accepted(client, fake_search):
    Postcode.objects.create(pc6="3721 AB", latitude=52.09, longitude=5.12)
    response = client.get(URL, {"q": "eten", "postcode": "3721"})
    assert response.status_code == 200
    assert [q.postcode for q in fake_search.queries] == ["3721"]
