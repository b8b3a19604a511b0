# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for search tests: a small kaart with services in several levensdomeinen, indexed.

`indexed` runs reindex_all() the way the write path and the importer keep the index in step;
tests that build their own services call `reindex_all()` themselves before searching.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.factories_sociale_kaart import LocationFactory, OrganizationFactory, ServiceAtLocationFactory, ServiceFactory
from wijkteam.sociale_kaart import geocoding
from wijkteam.sociale_kaart.models import Service
from wijkteam.sociale_kaart.search import SearchQuery, SearchResult, reindex_all, search_services


@pytest.fixture(autouse=True)
def _offline_geocoding(settings: Any) -> None:
    settings.WIJKTEAM_GEOCODING_ONLINE = False
    geocoding.clear_cache()


def make_service(
    name: str,
    description: str,
    terms: list[str],
    *,
    organisation: str = "Stichting Welzijn Voorbeeld",
    lat: float | None = None,
    lon: float | None = None,
    buurt: Any = None,
    postcode: str | None = None,
    **kwargs: Any,
) -> Service:
    """A service with the given terms; with lat/lon also a location there (and its address)."""
    service = ServiceFactory(
        organization=OrganizationFactory(name=organisation),
        name=name,
        description=description,
        terms=terms,
        **kwargs,
    )
    if lat is not None and lon is not None:
        address = {"address__postal_code": postcode} if postcode else {}
        location = LocationFactory(
            organization=service.organization,
            name=f"Locatie {name}",
            latitude=lat,
            longitude=lon,
            buurt=buurt,
            **address,
        )
        ServiceAtLocationFactory(service=service, location=location)
    return service


@pytest.fixture
def kaart(db: None) -> dict[str, Service]:
    """One or two services per domain, in B1 Dutch, written without the test queries in mind."""
    services = {
        "schuldhulp": make_service(
            "Schuldhulpverlening",
            "Heeft u schulden? Wij maken samen met u een plan en praten met de mensen aan wie u geld moet.",
            ["LD01", "SA07", "DG04"],
            organisation="Gemeente Voorbeeld",
        ),
        "thuisadministratie": make_service(
            "Thuisadministratie",
            "Een vrijwilliger komt bij u thuis en helpt met de post, rekeningen en een overzicht van uw geldzaken.",
            ["LD01", "LD10", "SA04"],
            organisation="Humanitas Voorbeeld",
        ),
        "ontmoeting": make_service(
            "Ontmoetingsochtend in het buurthuis",
            "Elke dinsdag koffie drinken en een praatje maken met buurtgenoten. U bent van harte welkom.",
            ["LD11", "SA05", "DG05"],
        ),
        "maatje": make_service(
            "Maatjesproject",
            "Een vaste vrijwilliger bezoekt u en gaat met u wandelen of boodschappen doen. "
            "Voor wie weinig mensen om zich heen heeft.",
            ["LD11", "SA04"],
        ),
        "woningzoeken": make_service(
            "Spreekuur wonen",
            "Vragen over uw woning, huurcontract, verhuizen of een urgentieverklaring.",
            ["LD04", "SA01"],
            organisation="Woningcorporatie Thuisplein",
        ),
        "verslaving": make_service(
            "Preventie middelengebruik jongeren",
            "Gesprekken voor jongeren en ouders over alcohol, blowen en gamen.",
            ["LD08", "DG02", "DG03"],
            organisation="Verslavingszorg Midden",
        ),
        "taal": make_service(
            "Taalcafé",
            "Oefen Nederlands spreken in een kleine groep, met vrijwilligers als taalmaatje.",
            ["LD12", "SA05", "DG07"],
            organisation="Bibliotheek Voorbeeld",
        ),
        "werk": make_service(
            "Werkplein jobcoach",
            "Een jobcoach helpt u met uw cv, sollicitatiebrief en het vinden van een baan.",
            ["LD02", "SA07"],
            organisation="Werkplein Regio",
        ),
        "somber": make_service(
            "Grip op je dip",
            "Online cursus voor mensen die zich somber of neerslachtig voelen.",
            ["LD06", "SA02"],
            organisation="GGZ Centraal",
        ),
    }
    reindex_all()
    return services


@pytest.fixture
def search() -> Callable[..., SearchResult]:
    def _search(text: str = "", **kwargs: Any) -> SearchResult:
        return search_services(SearchQuery(text=text, **kwargs))

    return _search


def names(result: SearchResult) -> list[str]:
    return [hit.service.name for hit in result.hits]
