# SPDX-License-Identifier: EUPL-1.2
"""The public search on a phone and by keyboard, with the map drawn (tiles answered offline):
on a 390 px screen the first result shows without scrolling past chosen filters; every marker is
a named button a keyboard reaches, Enter opens its popup link and Escape returns; axe finds no
violation and can judge the markers' contrast (Leaflet's tile blend mode used to stop it)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser_support import AXE_JS, WCAG_TAGS, assert_accessible
from tests.factories_sociale_kaart import CostOptionFactory, LocationFactory, ServiceAtLocationFactory, ServiceFactory
from wijkteam.sociale_kaart.search import reindex_all
from wijkteam.sociale_kaart.taxonomies import load_taxonomies

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TILES = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"


@pytest.fixture
def twelve(place: Any, settings: Any) -> None:
    settings.MAP_TILE_URL = TILES
    load_taxonomies()
    for n in range(12):
        service = ServiceFactory(name=f"Geldhulp {n:02d}", description="Hulp bij geld en rekeningen.", terms=["LD01"])
        # Close together, as in a city centre: markers overlap.
        location = LocationFactory(buurt=place.buurt_a, latitude=52.09 + n * 0.0003, longitude=5.12 + (n % 3) * 0.0003)
        ServiceAtLocationFactory(service=service, location=location)
        CostOptionFactory(service=service, amount=0)
    reindex_all()


def drawn(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#kaart .leaflet-marker-icon")
    page.wait_for_selector("#kaart .leaflet-tile-loaded")


def test_first_result_on_a_phone_with_filters_chosen(page: Any, twelve: None) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    drawn(page, "/sociale-kaart/zoeken/?q=geld&gratis=on&levensdomein=LD01")
    filters = page.locator("details.wt-filters-uitklap")
    assert not filters.evaluate("node => node.open")
    assert "(2 gekozen)" in filters.locator("summary").inner_text()
    first = page.locator(".wt-result").first.get_by_role("link").first.bounding_box()
    assert first is not None and first["y"] + first["height"] <= 844, first
    assert_accessible(page)
    # On a wide screen the chosen filters stay open beside the results.
    page.set_viewport_size({"width": 1280, "height": 900})
    drawn(page, "/sociale-kaart/zoeken/?q=geld&gratis=on")
    assert filters.evaluate("node => node.open")


def test_markers_are_named_buttons_operable_by_keyboard(page: Any, twelve: None) -> None:
    drawn(page, "/sociale-kaart/zoeken/?q=geld")
    markers = page.locator("#kaart .leaflet-marker-icon")
    assert markers.count() == 12
    for i in range(12):
        marker = markers.nth(i)
        assert marker.get_attribute("role") == "button" and marker.get_attribute("tabindex") == "0"
        name = marker.get_attribute("aria-label") or ""
        assert name.split(". ", 1)[-1].startswith("Geldhulp "), name
    # Tab from the last result into the map: the first marker is a few stops away.
    page.locator(".wt-result a").last.focus()
    for _ in range(6):
        page.keyboard.press("Tab")
        if "leaflet-marker-icon" in page.evaluate("document.activeElement.className"):
            break
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label and label.startswith("1. "), label
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('.leaflet-popup') !== null")
    assert page.evaluate("document.activeElement.textContent") == label
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == label
    page.wait_for_selector(".leaflet-popup", state="detached")


def test_axe_judges_the_drawn_map(page: Any, twelve: None) -> None:
    drawn(page, "/sociale-kaart/zoeken/?q=geld")
    page.locator("#kaart").scroll_into_view_if_needed()
    assert_accessible(page)
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async (tags) => await axe.run('#kaart', {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    on_the_map = ("marker", "attribution", "leafletjs")
    unjudged = [
        (rule["id"], node["target"])
        for rule in result["incomplete"] if rule["id"] in {"color-contrast", "link-in-text-block"}
        for node in rule["nodes"] if any(part in str(node["target"]) for part in on_the_map)
    ]
    assert unjudged == []
    judged = [node["target"] for rule in result["passes"] if rule["id"] == "color-contrast" for node in rule["nodes"]]
    assert sum("wt-kaart-marker__nummer" in str(t) for t in judged) >= 6  # the visible markers
