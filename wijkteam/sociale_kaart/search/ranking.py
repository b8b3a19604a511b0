# SPDX-License-Identifier: EUPL-1.2
"""Re-ranking of the retrieved candidates: text relevance, detected domains and distance.

The database returns candidates with its own text score (FTS5 bm25 or IDF-weighted ts_rank); the
scales differ per engine, so the score is first divided by the best one. FTS5's bm25 also floors
the IDF of a word found in more than half the services at ~0, so a common word ("vrijwilliger")
would rank a service NAMED for it no higher than one that mentions it in passing; hence the
second text signal, engine-independent: the IDF-weighted share of the query's words found in the
service's name. Then:

    text      = 0.5 · engine score / best + 0.5 · name coverage
    relevance = (0.55 · text + 0.35 · s · share of detected levensdomeinen the service carries
                 + 0.10 · share of detected soorten/doelgroepen) / sum of the weights in play
    (s: how surely the words name a levensdomein, 1 for a word or phrase, 0.5 for a compound piece)
    score     = relevance · (1 - 0.25 · d / (d + 2 km))       (only when a place is given)

Distance orders within similar relevance and never pushes the right service down: at most a
quarter of the relevance is lost however far away (half of that at 2 km), so the huurteam across
town still comes before the voedselbank next door for "ik kan mijn huur niet betalen" (issue 16),
while two equally fitting services are put nearest first. A service in the wijk asked for (a
location there, or a service area covering it) counts as distance 0; one without coordinates
(online, by phone) as 3 km, so it is neither hidden nor put before help around the corner.

With words, a result whose relevance is under half the best one's is a weak match ("taalcafe":
the two taalcafés, then sixty services that share only the levensdomein). Weak matches come after
every other result, whatever the distance, marked `weak`: the result page shows them under
"Minder passend". They are not cut: they do carry the levensdomein asked for, and for a vague
request that is what helps (the relevance harness counts them). Distances are haversine; a cheap latitude/longitude box
prefilter skips the trigonometry for points that cannot beat the nearest one found so far.
Points and ids are parsed only where needed: the re-rank handles hundreds of rows per search.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, replace

from .backends import Candidate, Concept
from .understanding import Understanding

TEXT_WEIGHT = 0.55
DOMAIN_WEIGHT = 0.35
OTHER_WEIGHT = 0.10
NAME_SHARE = 0.5
HALF_DISTANCE_KM = 2.0
# The largest share of relevance distance can take away (reached only very far away).
DISTANCE_SHARE = 0.25
# With words: results under this share of the best relevance are the weak tail.
WEAK_SHARE = 0.5
NO_POINT_KM = 3.0
EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = 111.2


@dataclass(frozen=True)
class Ranked:
    key: object  # the engine's service id (see Candidate.key)
    score: float
    distance_km: float | None
    location_hex: str | None
    matched_domains: tuple[str, ...]
    weak: bool = False  # relevance under WEAK_SHARE of the best: shown under "Minder passend"

    @property
    def service_id(self) -> uuid.UUID:
        return self.key if isinstance(self.key, uuid.UUID) else uuid.UUID(str(self.key))

    @property
    def location_id(self) -> uuid.UUID | None:
        return uuid.UUID(self.location_hex) if self.location_hex else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def parse_points(points: str) -> list[tuple[str, float | None, float | None]]:
    parsed: list[tuple[str, float | None, float | None]] = []
    for part in points.split(";"):
        if not part:
            continue
        location_hex, lat, lon = part.split(",")
        parsed.append((location_hex, float(lat) if lat else None, float(lon) if lon else None))
    return parsed


def nearest(
    points: list[tuple[str, float | None, float | None]], origin: tuple[float, float]
) -> tuple[str | None, float | None]:
    lat0, lon0 = origin
    best_id: str | None = None
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


@dataclass(frozen=True)
class _NameTest:
    """A word concept compiled for the per-candidate name check (hundreds of rows per search)."""

    weight: float
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    all_of: tuple[tuple[str, ...], ...]

    def found_in(self, tokens: set[str]) -> bool:
        if not self.exact.isdisjoint(tokens):
            return True
        if self.prefixes and any(token.startswith(self.prefixes) for token in tokens):
            return True
        return any(all(stem in tokens for stem in group) for group in self.all_of)


def _name_test(concept: Concept) -> _NameTest:
    exact: set[str] = set()
    prefixes: list[str] = []
    all_of: list[tuple[str, ...]] = []
    for clause in concept.clauses:
        if len(clause.stems) > 1:
            all_of.append(clause.stems)
        elif clause.prefix:
            prefixes.append(clause.stems[0])
        else:
            exact.add(clause.stems[0])
    return _NameTest(concept.weight, frozenset(exact), tuple(prefixes), tuple(all_of))


def rank(
    candidates: list[Candidate],
    understanding: Understanding,
    *,
    origin: tuple[float, float] | None,
    wijk: str | None,
    filter_domains: tuple[str, ...] = (),
) -> list[Ranked]:
    weights = understanding.code_weights
    # Codes are matched as " LD01 " inside the row's space-padded code list: no set per row.
    domain_weights = [(f" {c} ", w) for c, w in weights.items() if c in understanding.domains]
    other_weights = [(f" {c} ", w) for c, w in weights.items() if c not in understanding.domains]
    domain_total = sum(w for _c, w in domain_weights)
    other_total = sum(w for _c, w in other_weights)
    name_tests = [_name_test(c) for c in understanding.concepts if not c.is_code]
    word_total = sum(t.weight for t in name_tests)
    best_text = max((c.score for c in candidates), default=0.0)
    has_text = understanding.has_text and best_text > 0
    place = origin is not None or bool(wijk)
    wijk_token = f" {wijk} " if wijk else None
    domain_tokens = [(code, f" {code} ") for code in understanding.domains]
    filter_tokens = [(code, f" {code} ") for code in filter_domains if code not in understanding.domains]

    # A levensdomein named only through a piece of a compound ("taalcafe" -> taal -> LD12, weight
    # 0.5) counts for less than one a word or phrase names ("huur betalen" -> LD01): sharing it
    # alone makes a weak match for "taalcafe", a fitting one for "ik kan mijn huur niet betalen".
    domain_weight = DOMAIN_WEIGHT * min(1.0, max((w for _c, w in domain_weights), default=0.0))
    active = (TEXT_WEIGHT if has_text else 0.0) + (domain_weight if domain_total else 0.0)
    active += OTHER_WEIGHT if other_total else 0.0

    ranked: list[tuple[float, float, int, Ranked]] = []
    for position, candidate in enumerate(candidates):
        codes = candidate.codes
        relevance = 1.0
        if active:
            total = 0.0
            if has_text:
                text = candidate.score / best_text
                if word_total:
                    name_tokens = set(candidate.name_text.split())
                    covered = sum(t.weight for t in name_tests if t.found_in(name_tokens))
                    text = NAME_SHARE * covered / word_total + (1 - NAME_SHARE) * text
                total += TEXT_WEIGHT * text
            if domain_total:
                total += domain_weight * sum(w for c, w in domain_weights if c in codes) / domain_total
            if other_total:
                total += OTHER_WEIGHT * sum(w for c, w in other_weights if c in codes) / other_total
            relevance = total / active

        location_hex: str | None = None
        distance: float | None = None
        score = relevance
        if origin is not None:
            location_hex, distance = nearest(parse_points(candidate.points), origin)
        if place:
            if wijk_token and wijk_token in candidate.wijken:
                effective = 0.0
            elif distance is not None:
                effective = distance
            else:
                effective = NO_POINT_KM
            score = relevance * (1.0 - DISTANCE_SHARE * effective / (effective + HALF_DISTANCE_KM))

        matched = tuple(code for code, token in domain_tokens if token in codes)
        if filter_tokens:
            matched += tuple(code for code, token in filter_tokens if token in codes)
        ranked.append(
            (
                relevance,
                score,
                position,
                Ranked(
                    key=candidate.key,
                    score=round(score, 6),
                    distance_km=distance,
                    location_hex=location_hex or candidate.points.split(",", 1)[0] or None,
                    matched_domains=matched,
                ),
            )
        )
    floor = WEAK_SHARE * max((item[0] for item in ranked), default=0.0) if has_text else 0.0
    # Position (the database's own order: score, then name) breaks ties deterministically.
    ranked.sort(key=lambda item: (item[0] < floor, -item[1], item[2]))
    return [replace(item[3], weak=True) if item[0] < floor else item[3] for item in ranked]


