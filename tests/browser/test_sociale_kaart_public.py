# SPDX-License-Identifier: EUPL-1.2
"""The residents' sociale kaart in a real browser: accessible (axe-core), works without JavaScript,
htmx swaps the results and the URL, the map repeats the numbered list and traps no focus, and
nothing breaks under the strict CSP."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tests.browser_support import CHROMIUM, assert_accessible, draw_map_offline
from tests.factories_sociale_kaart import (
    CostOptionFactory,
    LocationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from wijkteam.sociale_kaart.search import reindex_all
from wijkteam.sociale_kaart.taxonomies import load_taxonomies

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _tiles(settings: Any) -> None:
    # The map is drawn with tiles, as residents see it: the page fixture answers the tile requests
    # with a blank tile (tests stay offline), so axe checks the markers and attribution on a drawn map.
    settings.MAP_TILE_URL = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"


@pytest.fixture
def kaart(place: Any) -> dict[str, Any]:
    # Transactional tests flush the tables the migrations filled: load the shipped taxonomies again.
    load_taxonomies()
    services = {}
    for n, (name, lat, lon, terms) in enumerate(
        [
            ("Inloop geldzaken", 52.0907, 5.1214, ["LD01", "SA01"]),
            ("Geldcafé De Schakel", 52.0931, 5.1188, ["LD01", "SA05"]),
            ("Schuldhulp Maatje", 52.0871, 5.1262, ["LD01", "SA04"]),
        ]
    ):
        service = ServiceFactory(name=name, description="Hulp bij geld en rekeningen.", terms=terms, free=n == 0)
        location = LocationFactory(buurt=place.buurt_a, latitude=lat, longitude=lon, wheelchair=n == 0)
        ServiceAtLocationFactory(service=service, location=location)
        ScheduleFactory(service=service, byday="MO,TU,WE,TH,FR", opens_at=dt.time(9), closes_at=dt.time(17))
        ScheduleFactory(service=service, monthly=True)
        if n:
            CostOptionFactory(service=service, amount=Decimal(5))
        services[name] = service
    reindex_all()
    return services


def test_home_and_empty_search_are_accessible(page, kaart):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Hulp en activiteiten in uw wijk"
    assert page.locator(".wt-tegel").count() == 13
    assert_accessible(page)
    page.goto("/sociale-kaart/zoeken/")
    assert_accessible(page)
    page.get_by_text("Meer filters").click()  # the open filter panel too
    assert_accessible(page)


def test_results_with_map_are_accessible(page, kaart):
    page.goto("/sociale-kaart/zoeken/?q=geld")
    page.wait_for_selector("#kaart .leaflet-marker-icon")
    assert page.locator(".wt-result").count() == 3
    markers = page.locator("#kaart .wt-kaart-marker__nummer")
    assert sorted(markers.all_inner_texts()) == ["1", "2", "3"]
    assert page.locator("#kaart").get_attribute("aria-label").startswith("Kaart met de resultaten")
    page.wait_for_selector("#kaart .leaflet-tile-loaded")  # axe checks the drawn map
    assert_accessible(page)


def test_map_adds_no_focus_trap(page, kaart):
    page.goto("/sociale-kaart/zoeken/?q=geld")
    page.wait_for_selector("#kaart .leaflet-marker-icon")
    # The markers are tab stops (see test_sociale_kaart_map_keyboard_and_phone.py); the map pane is not.
    focusable = page.evaluate(
        """() => Array.from(document.querySelectorAll('#kaart *, #kaart'))
             .filter(el => el.tabIndex >= 0 && !el.disabled && el.offsetParent !== null)
             .map(el => el.className || el.tagName)"""
    )
    assert sum("leaflet-marker" in str(c) for c in focusable) == 3
    assert len(focusable) <= 3 + 4  # the markers, zoom in/out and the attribution link(s)
    # Tabbing from the last result goes through the map and out again.
    page.locator(".wt-result a").last.focus()
    for _ in range(len(focusable) + 1):
        page.keyboard.press("Tab")
    assert page.evaluate("() => !document.getElementById('kaart').contains(document.activeElement)")


def test_service_page_is_accessible(page, kaart):
    service = kaart["Inloop geldzaken"]
    page.goto(f"/sociale-kaart/aanbod/{service.pk}/")
    page.wait_for_selector("#kaart .leaflet-marker-icon")
    assert page.locator("h1").inner_text() == "Inloop geldzaken"
    assert page.get_by_text("Maandag t/m vrijdag, 9:00\u201317:00").count() == 1
    assert page.get_by_text("Elke 1e maandag van de maand, 19:00\u201321:00").count() == 1
    page.wait_for_selector("#kaart .leaflet-tile-loaded")  # axe checks the drawn map
    assert_accessible(page)


def test_folder_and_wijken_pages_are_accessible(page, kaart, place):
    page.goto(f"/sociale-kaart/wijk/{place.wijk_a.code}/")
    assert page.get_by_role("heading", name="Geld en schulden").count() == 1
    assert_accessible(page)
    page.emulate_media(media="print")
    assert not page.locator(".utrecht-page-header").is_visible()
    page.emulate_media(media="screen")
    page.goto("/sociale-kaart/wijken/")
    assert_accessible(page)


def test_search_works_without_javascript(page_without_js, kaart):
    page = page_without_js
    page.goto("/")
    page.get_by_label("Waar zoekt u hulp bij?").fill("geld")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/sociale-kaart/zoeken/?q=geld")
    assert page.get_by_role("link", name="Inloop geldzaken").count() == 1
    assert page.locator("#kaart").is_hidden()  # no empty map box without JavaScript
    # Filters are a native <details>: they open and submit without JavaScript.
    page.get_by_text("Meer filters").click()
    page.get_by_label("Alleen gratis").check()
    page.locator("details").get_by_role("button", name="Zoeken").click()
    assert "gratis=on" in page.url
    assert page.locator(".wt-result").count() == 1
    assert page.get_by_role("link", name="Inloop geldzaken").count() == 1


def test_htmx_swaps_results_and_updates_the_url(page, kaart):
    page.goto("/sociale-kaart/zoeken/")
    page.evaluate("() => { window.__sameDocument = true; }")
    page.get_by_label("Waar zoekt u hulp bij?").fill("geld")
    page.locator(".wt-zoekbalk__rij").get_by_role("button", name="Zoeken").click()
    page.wait_for_selector(".wt-result")
    page.wait_for_url("**/sociale-kaart/zoeken/?q=geld**")
    assert page.evaluate("() => window.__sameDocument === true")  # swapped in place, no reload
    assert page.locator("#zoekstatus").inner_text() == "3 resultaten gevonden."
    page.wait_for_selector("#kaart .leaflet-marker-icon")  # the map is drawn for swapped results
    # Back goes to the empty search; forward again shows the results.
    page.go_back()
    page.wait_for_function("() => !location.search")
    page.go_forward()
    page.wait_for_selector(".wt-result")


def test_pages_run_under_the_strict_csp(browser, live_server, kaart):
    if not CHROMIUM:
        pytest.skip("no browser")
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)  # CSP enforced
    page = context.new_page()
    draw_map_offline(page, live_server.url)
    refused: list[str] = []
    page.on("console", lambda msg: refused.append(msg.text) if "Content Security Policy" in msg.text else None)
    service = kaart["Inloop geldzaken"]
    page.goto("/sociale-kaart/zoeken/?q=geld")
    page.wait_for_selector("#kaart .leaflet-marker-icon")
    page.goto(f"/sociale-kaart/aanbod/{service.pk}/")
    page.wait_for_selector("#kaart .leaflet-marker-icon")
    page.goto("/sociale-kaart/zoeken/")
    page.get_by_label("Waar zoekt u hulp bij?").fill("geld")
    page.locator(".wt-zoekbalk__rij").get_by_role("button", name="Zoeken").click()
    page.wait_for_selector("#kaart .leaflet-marker-icon")
    context.close()
    assert refused == []
