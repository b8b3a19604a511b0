# SPDX-License-Identifier: EUPL-1.2
"""Services for some levensdomeinen near a point: a filter-only read for callers that rank themselves.

    from wijkteam.sociale_kaart.search import candidates_for_domains
    found = candidates_for_domains(["LD01", "LD11"], point=(52.09, 5.12), max_km=3, wijk="WK034401")

The triage (hulpvragen) weighs every service carrying one of a household's domains by its own rules
(collective or not, doelgroep, distance, language), so it needs all of them, not a page: thousands of
rows at 10,000 services. The public search's retrieval statement would sort and count them all for
nothing; this read (backends.domain_candidates_sql) filters in one query for all domains together and
returns five short columns per service, in no order. The public visibility rule and the age range are
applied in SQL, as in search_services.

Then the distance per service in Python, in one loop without a call per row (this loop is most of the
cost): the nearest of its locations, equirectangular (within a municipality, tens of km, it differs
from the haversine by far less than a metre per km, at a fraction of the cost). What is returned:

- a service with a location within `max_km` of `point`, or located in or serving `wijk`;
- a service without any mapped location (online, by phone: `km` None), which is never "too far";
- with no `point`, every service that passes the filters (`km` None).

Nothing here knows who asked: the caller passes a point, a wijk code, an age and doelgroep codes.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable
from typing import NamedTuple

from . import backends
from .ranking import KM_PER_DEGREE_LAT


class DomainCandidate(NamedTuple):
    """One service near the point. A NamedTuple: thousands are made per call, at tuple cost."""

    key: str  # the service id as text (hex on SQLite, the uuid's text on PostgreSQL); service_id parses it
    codes: str  # the index's space-padded term codes: " DG04 LD01 SA01 "
    km: float | None  # to the nearest location; None without a point or without any mapped location
    location_hex: str | None  # that location (else the service's first one), hex
    in_wijk: bool  # located in or serving the wijk asked for
    talen: str  # space-padded language codes: " en nl "

    @property
    def service_id(self) -> uuid.UUID:
        return uuid.UUID(self.key)

    def carries(self, code: str) -> bool:
        return f" {code} " in self.codes

    def speaks(self, language: str) -> bool:
        return f" {language} " in self.talen


def candidates_for_domains(
    codes: Iterable[str],
    *,
    point: tuple[float, float] | None = None,
    max_km: float | None = None,
    wijk: str | None = None,
    leeftijd: float | None = None,
    doelgroepen: Iterable[str] = (),
    not_only: Iterable[str] = (),
    include_hidden: bool = False,
) -> list[DomainCandidate]:
    """Visible services carrying any of `codes` (levensdomeinen, or any term codes) near `point`.

    `max_km`: keep services with a location this close, in `wijk`, or without a location (None: any
    distance). `leeftijd`: the age must lie within the service's age range. `doelgroepen`: the
    doelgroepen of the person or household; a service for other doelgroepen only is left out, one for
    no doelgroep in particular is kept. `not_only`: codes a service may not carry as its only code of
    that kind (["SA07"]: not individual support alone). One query; no order (callers rank).
    """
    # Imported here, not at the top: a cycle (the package's __init__ imports this module).
    from . import _codes, visibility_filter

    wanted = _codes(codes)
    if not wanted:
        return []
    statuses, checked_from = visibility_filter(include_hidden=include_hidden)
    rows = backends.iter_domain_candidates(
        wanted,
        leeftijd=leeftijd,
        doelgroepen=_codes(doelgroepen),
        not_only=_codes(not_only),
        statuses=statuses,
        checked_from=checked_from,
    )
    return _near(rows, point, max_km, wijk)


def _near(
    rows: Iterable[tuple[str, str, str, str, str]],
    point: tuple[float, float] | None,
    max_km: float | None,
    wijk: str | None,
) -> list[DomainCandidate]:
    wijk_token = f" {wijk} " if wijk else "\0"  # "\0" occurs in no wijken column: never in the wijk
    found: list[DomainCandidate] = []
    append = found.append
    # tuple.__new__ straight away: a NamedTuple's own constructor is a Python call, twice the cost.
    new = tuple.__new__
    if point is None:
        for key, codes, points, wijken, talen in rows:
            first = points.split(",", 1)[0] if points else None
            append(new(DomainCandidate, (key, codes, None, first or None, wijk_token in wijken, talen)))
        return found

    lat0, lon0 = point
    per_lat = KM_PER_DEGREE_LAT
    per_lon = KM_PER_DEGREE_LAT * math.cos(math.radians(lat0))
    reach = math.inf if max_km is None else max_km
    sqrt = math.sqrt
    for key, codes, points, wijken, talen in rows:
        in_wijk = wijk_token in wijken
        if not points:
            append(new(DomainCandidate, (key, codes, None, None, in_wijk, talen)))
            continue
        if ";" not in points:  # one location: most services, so no inner loop
            location_hex, lat_text, lon_text = points.split(",")
            if not lat_text or not lon_text:
                append(new(DomainCandidate, (key, codes, None, location_hex, in_wijk, talen)))
                continue
            dy = (float(lat_text) - lat0) * per_lat
            if (dy > reach or -dy > reach) and not in_wijk:
                continue  # too far north or south alone: no need to read the longitude
            dx = (float(lon_text) - lon0) * per_lon
            km = sqrt(dx * dx + dy * dy)
            if km > reach and not in_wijk:
                continue
            append(new(DomainCandidate, (key, codes, km, location_hex, in_wijk, talen)))
            continue
        best_hex, best_km = _nearest(points, lat0, lon0, per_lat, per_lon)
        if best_km is not None and best_km > reach and not in_wijk:
            continue
        append(new(DomainCandidate, (key, codes, best_km, best_hex, in_wijk, talen)))
    return found


def _nearest(points: str, lat0: float, lon0: float, per_lat: float, per_lon: float) -> tuple[str | None, float | None]:
    """The nearest location of several ("hex,lat,lon;..." as the index keeps them, mapped ones first)
    and its distance; without any mapped location the first one and None."""
    best_hex: str | None = None
    best_km: float | None = None
    first_hex: str | None = None
    for part in points.split(";"):
        if not part:
            continue
        location_hex, lat_text, lon_text = part.split(",")
        first_hex = first_hex or location_hex
        if not lat_text or not lon_text:
            continue
        dy = (float(lat_text) - lat0) * per_lat
        if best_km is not None and abs(dy) >= best_km:
            continue
        dx = (float(lon_text) - lon0) * per_lon
        km = math.sqrt(dx * dx + dy * dy)
        if best_km is None or km < best_km:
            best_hex, best_km = location_hex, km
    return (best_hex or first_hex), best_km
