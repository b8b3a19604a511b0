# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for the public sociale kaart: a fully described service, and a stand-in for the search.

`fake_search` replaces search_ranked for tests about what the PAGE does with a result (cards,
map, paging, interpretation); tests about what is FOUND use the real search.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

from tests.factories_sociale_kaart import (
    AccessibilityFactory,
    CostOptionFactory,
    LocationFactory,
    OrganizationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from wijkteam.sociale_kaart.models import Language, Location, Phone, RequiredDocument, Service
from wijkteam.sociale_kaart.public import views as public_views
from wijkteam.sociale_kaart.search import Interpretation, RankedHit, RankedResult, SearchQuery, reindex_services


@pytest.fixture
def inloop(place: Any) -> Service:
    """ "Inloop geldzaken": weekly Wednesday morning + monthly first Monday evening, in wijk Centrum."""
    organisation = OrganizationFactory(name="Stichting Geldhulp", email="info@geldhulp.test")
    service = ServiceFactory(
        organization=organisation,
        name="Inloop geldzaken",
        description="Hulp bij rekeningen, post en formulieren.",
        terms=["LD01", "SA01", "DG04"],
        assured_date=dt.date(2026, 9, 3),
        minimum_age=18,
        url="https://geldhulp.test/inloop",
    )
    location = LocationFactory(
        organization=organisation,
        name="Buurthuis De Schakel",
        buurt=place.buurt_a,
        latitude=52.0907,
        longitude=5.1214,
        address__address_1="Havenstraat 12",
        address__postal_code="3511 AB",
        address__city="Voorbeeld",
    )
    AccessibilityFactory(location=location)
    ServiceAtLocationFactory(service=service, location=location)
    ScheduleFactory(service=service)  # Wednesday 9:00-12:00
    ScheduleFactory(service=service, monthly=True)  # first Monday 19:00-21:00
    CostOptionFactory(service=service, amount=Decimal(0), option="")
    Phone.objects.create(service=service, number="030 123 45 67")
    Language.objects.create(service=service, code="ar", name="Arabisch")
    RequiredDocument.objects.create(service=service, document="Uw laatste bankafschrift")
    return service


@dataclass
class FakeSearch:
    hits: list[RankedHit] = field(default_factory=list)
    total: int | None = None
    interpretation: Interpretation = field(default_factory=Interpretation)
    queries: list[SearchQuery] = field(default_factory=list)

    def __call__(self, query: SearchQuery, **kwargs: Any) -> RankedResult:
        self.queries.append(query)
        return RankedResult(
            hits=self.hits,
            total=self.total if self.total is not None else len(self.hits),
            page=query.page,
            per_page=query.per_page,
            interpretation=self.interpretation,
        )

    def returns(
        self,
        *services: Service,
        distance_km: float | None = None,
        domains: tuple[str, ...] = (),
        nearest_location: bool = False,
    ) -> None:
        """Hit these services; `nearest_location` hands each hit its own fresh Location, as the search does.

        The services are (re)indexed, as the real search finds only indexed ones: the result cards come
        from the index."""
        reindex_services([s.pk for s in services])
        self.hits = []
        for s in services:
            location = Location.objects.filter(service_at_locations__service=s).first() if nearest_location else None
            self.hits.append(
                RankedHit(
                    service_id=s.pk,
                    score=1.0,
                    distance_km=distance_km,
                    location_id=location.pk if location is not None else None,
                    matched_domains=domains,
                )
            )


@pytest.fixture
def fake_search(monkeypatch: pytest.MonkeyPatch) -> FakeSearch:
    fake = FakeSearch()
    monkeypatch.setattr(public_views, "search_ranked", fake)
    return fake
