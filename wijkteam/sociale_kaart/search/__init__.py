# SPDX-License-Identifier: EUPL-1.2
"""Search of the sociale kaart (interface; implementation in progress)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from wijkteam.sociale_kaart.models import Location, Service


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    levensdomeinen: tuple[str, ...] = ()
    soorten: tuple[str, ...] = ()
    doelgroepen: tuple[str, ...] = ()
    leeftijd: int | None = None
    gratis: bool = False
    rolstoel: bool = False
    taal: str | None = None
    nu_open: bool = False
    dag: str | None = None
    moment: datetime | None = None
    postcode: str | None = None
    wijk: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    include_hidden: bool = False
    page: int = 1
    per_page: int = 20


@dataclass(frozen=True)
class SearchHit:
    service: Service
    score: float
    distance_km: float | None
    location: Location | None
    matched_domains: tuple[str, ...]


@dataclass(frozen=True)
class Interpretation:
    corrected: dict[str, str] = field(default_factory=dict)
    domains: tuple[str, ...] = ()
    expanded_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    interpretation: Interpretation


def search_services(query: SearchQuery) -> SearchResult:
    return SearchResult(hits=[], total=0, page=query.page, per_page=query.per_page, interpretation=Interpretation())


__all__ = ["Interpretation", "SearchHit", "SearchQuery", "SearchResult", "search_services"]
