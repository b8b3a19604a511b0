# SPDX-License-Identifier: EUPL-1.2
"""The PDOK Locatieserver client: request shape, parsing, settings, failures and offline mode."""

from __future__ import annotations

import pytest

from wijkteam.sociale_kaart import geocoding
from wijkteam.sociale_kaart.geocoding import geocode_address, parse_point, pdok_search

from .conftest import load


def test_parse_point_swaps_wkt_order():
    assert parse_point("POINT(5.11226471 52.09358231)") == (52.09358231, 5.11226471)
    assert parse_point("POINT (4.9 52.37)") == (52.37, 4.9)
    assert parse_point("") is None
    assert parse_point("LINESTRING(1 2, 3 4)") is None


def test_fixture_follows_the_locatieserver_format():
    doc = load("adres_havenstraat_12.json")["response"]["docs"][0]
    assert {"type", "weergavenaam", "postcode", "centroide_ll", "buurtcode"} <= doc.keys()


def test_geocode_address(pdok):
    found = geocode_address("Havenstraat", 12, "3511ab", "Utrecht")
    assert found is not None
    assert (found.latitude, found.longitude) == pytest.approx((52.09401877, 5.11263144))
    assert found.weergavenaam == "Havenstraat 12, 3511AB Utrecht"
    assert found.postcode == "3511 AB"
    assert (found.buurtcode, found.wijkcode, found.gemeentecode) == ("BU03440001", "WK034400", "0344")
    params = pdok.params()
    assert params["fq"] == ["type:adres"]
    assert params["q"] == ["Havenstraat 12 3511 AB Utrecht"]


def test_geocode_address_not_found(pdok):
    assert geocode_address("Nergensstraat", 1, "", "Nergens") is None


def test_geocode_address_offline_is_none(settings):
    settings.WIJKTEAM_GEOCODING_ONLINE = False
    assert geocode_address("Havenstraat", 12, "3511AB", "Utrecht") is None


def test_base_url_from_settings(pdok, settings):
    settings.WIJKTEAM_PDOK_LOCATIESERVER_URL = "https://pdok.example.test/locatieserver/v3_1/"
    pdok_search("3511AB", "type:postcode")
    assert pdok.requests[-1].startswith("https://pdok.example.test/locatieserver/v3_1/free?")


def test_base_url_from_environment(pdok, monkeypatch, settings):
    del settings.WIJKTEAM_PDOK_LOCATIESERVER_URL
    monkeypatch.setenv("WIJKTEAM_PDOK_LOCATIESERVER_URL", "http://127.0.0.1:9/pdok")
    pdok_search("3511AB", "type:postcode")
    assert pdok.requests[-1].startswith("http://127.0.0.1:9/pdok/free?")


def test_only_http_urls(settings):
    settings.WIJKTEAM_PDOK_LOCATIESERVER_URL = "file:///etc/passwd"
    with pytest.raises(ValueError, match="http"):
        geocoding.locatieserver_url()


def test_online_switch_from_environment(monkeypatch, settings):
    del settings.WIJKTEAM_GEOCODING_ONLINE
    assert geocoding.online_enabled() is False
    monkeypatch.setenv("WIJKTEAM_GEOCODING_ONLINE", "1")
    assert geocoding.online_enabled() is True


def test_failure_is_an_empty_answer(pdok):
    pdok.fail = True
    assert pdok_search("3511AB", "type:postcode") == []
