# SPDX-License-Identifier: EUPL-1.2
"""Re-ranking of the retrieved candidates: text relevance, detected domains and distance.

The database returns candidates with its own text score (FTS5 bm25 or IDF-weighted ts_rank); the
scales differ per engine, so the score is first divided by the best one. Then:

    relevance = (0.55 · text + 0.35 · share of detected levensdomeinen the service carries
                 + 0.10 · share of detected soorten/doelgroepen) / sum of the weights in play
    score     = relevance · 1 / (1 + distance_km / 2)          (only when a place is given)

A service in the wijk asked for (a location there, or a service area covering it) counts as
distance 0; one without coordinates (online, by phone) as 3 km, so it is neither hidden nor
put before help around the corner. Distances are haversine; a cheap latitude/longitude box
prefilter skips the trigonometry for points that cannot beat the nearest one found so far.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass

from .backends import Candidate
from .understanding import Understanding

TEXT_WEIGHT = 0.55
DOMAIN_WEIGHT = 0.35
OTHER_WEIGHT = 0.10
HALF_DISTANCE_KM = 2.0
NO_POINT_KM = 3.0
EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = 111.2


@dataclass(frozen=True)
class Ranked:
    service_id: uuid.UUID
    score: float
    distance_km: float | None
    location_id: uuid.UUID | None
    matched_domains: tuple[str, ...]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def parse_points(points: str) -> list[tuple[uuid.UUID, float | None, float | None]]:
    parsed: list[tuple[uuid.UUID, float | None, float | None]] = []
    for part in points.split(";"):
        if not part:
            continue
        location_hex, lat, lon = part.split(",")
        parsed.append((uuid.UUID(location_hex), float(lat) if lat else None, float(lon) if lon else None))
    return parsed


def nearest(
    points: list[tuple[uuid.UUID, float | None, float | None]], origin: tuple[float, float]
) -> tuple[uuid.UUID | None, float | None]:
    lat0, lon0 = origin
    best_id: uuid.UUID | None = None
    best_km: float | None = None
    km_per_degree_lon = KM_PER_DEGREE_LAT * math.cos(math.radians(lat0))
    for location_id, lat, lon in points:
        if lat is None or lon is None:
            continue
        if best_km is not None:
            # Box prefilter: a point further away on either axis alone cannot be nearer.
            if abs(lat - lat0) * KM_PER_DEGREE_LAT > best_km * 1.01:
                continue
            if abs(lon - lon0) * km_per_degree_lon > best_km * 1.01:
                continue
        km = haversine_km(lat0, lon0, lat, lon)
        if best_km is None or km < best_km:
            best_id, best_km = location_id, km
    return best_id, best_km


def rank(
    candidates: list[Candidate],
    understanding: Understanding,
    *,
    origin: tuple[float, float] | None,
    wijk: str | None,
    filter_domains: tuple[str, ...] = (),
) -> list[Ranked]:
    weights = understanding.code_weights
    domain_weights = {c: w for c, w in weights.items() if c in understanding.domains}
    other_weights = {c: w for c, w in weights.items() if c not in understanding.domains}
    domain_total = sum(domain_weights.values())
    other_total = sum(other_weights.values())
    best_text = max((c.score for c in candidates), default=0.0)
    has_text = understanding.has_text and best_text > 0
    place = origin is not None or bool(wijk)
    wijk_token = f" {wijk} " if wijk else None

    active = (TEXT_WEIGHT if has_text else 0.0) + (DOMAIN_WEIGHT if domain_total else 0.0)
    active += OTHER_WEIGHT if other_total else 0.0

    ranked: list[tuple[float, int, Ranked]] = []
    for position, candidate in enumerate(candidates):
        codes = set(candidate.codes.split())
        relevance = 1.0
        if active:
            total = TEXT_WEIGHT * (candidate.score / best_text) if has_text else 0.0
            if domain_total:
                total += DOMAIN_WEIGHT * sum(w for c, w in domain_weights.items() if c in codes) / domain_total
            if other_total:
                total += OTHER_WEIGHT * sum(w for c, w in other_weights.items() if c in codes) / other_total
            relevance = total / active

        points = parse_points(candidate.points)
        location_id: uuid.UUID | None = points[0][0] if points else None
        distance: float | None = None
        if origin is not None:
            near_id, distance = nearest(points, origin)
            if near_id is not None:
                location_id = near_id
        score = relevance
        if place:
            if wijk_token and wijk_token in candidate.wijken:
                effective = 0.0
            elif distance is not None:
                effective = distance
            else:
                effective = NO_POINT_KM
            score = relevance / (1.0 + effective / HALF_DISTANCE_KM)

        matched = [c for c in understanding.domains if c in codes]
        matched += [c for c in filter_domains if c in codes and c not in matched]
        ranked.append(
            (
                score,
                position,
                Ranked(
                    service_id=candidate.service_id,
                    score=round(score, 6),
                    distance_km=distance,
                    location_id=location_id,
                    matched_domains=tuple(matched),
                ),
            )
        )
    # Position (the database's own order: score, then name) breaks ties deterministically.
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [item[2] for item in ranked]
