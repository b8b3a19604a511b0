# SPDX-License-Identifier: EUPL-1.2
"""Search of the sociale kaart: one search box that understands everyday Dutch.

    from wijkteam.sociale_kaart.search import SearchQuery, search_services
    result = search_services(SearchQuery(text="ik kan mijn huur niet betalen", postcode="3511 AB"))

Architecture (and why)
----------------------
Target: 10,000 services on a 2-core machine, ≥ 150 searches/s with p95 < 100 ms, and an HTTP
search within 3 times the time of its own SQL run directly on the database engine. So the work per
search is split where each part is cheapest:

1. Query understanding in Python (understanding.py), against a vocabulary cached per process
   (vocabulary.py): tokenise, drop stop words (negations too), Dutch stemming (snowballstemmer
   'dutch') plus the inflections it misses, compound splitting/joining, typo correction with
   rapidfuzz against the index vocabulary and the synonyms, synonym → levensdomein detection.
   Tens of microseconds; the vocabulary reloads only when the index generation or the taxonomy
   terms change (checked with one tiny query per search).
2. ONE database query (backends.py) does retrieval, every filter, ranking and the total count,
   over a denormalised index with one row per service (stemmed text per field, term codes, age
   range, free/wheelchair flags, languages, wijken, location points, status and last-check day).
   No join to the service table: at 10,000 services a common query matches 1,000-5,000 rows, at
   100,000 ten times as many, and every per-match lookup counts. So retrieval reads only a NARROW
   table (sk_search_key: the filter columns, the sort key and what the re-rank reads, ~200 bytes
   a row); the wide row (texts, result card, HSDS item: ~3 KB) is read by primary key for the
   page only (step 4). The statement scores every match that passes the filters carrying only
   (key, score, name), counts them (no window function), and joins the re-rank's columns for the
   candidate window only. At 100,000 services what remains is the engine scoring every match
   (bm25 / ts_rank): bench/bench_search_scale.py, figures in bench/README.md.
   SQLite: an FTS5 external-content table, bm25() with column weights. PostgreSQL: a tsvector
   ('simple' configuration over our pre-stemmed text, so both engines see the same tokens) with a
   GIN index; ts_rank per query concept weighted by the concept's IDF (ts_rank alone has none).
   The detected levensdomeinen enter the query as their codes, which the index holds per service:
   "geldzorgen" finds a Financiën service whose text never says it. Visibility is the public
   rule of visibility.py, applied to the status and last-check day the index row carries
   (computed with visibility.last_checked() and hide_cutoff(), so the definition is reused; a
   test proves the index and publicly_visible() agree).
3. A small Python re-rank (ranking.py) of at most CANDIDATES rows: normalised text score, share of
   detected domains carried, distance (haversine, with a box prefilter) from the postcode, the
   coordinates or the wijk. Browsing without words is paged in SQL; browsing near a place ranks
   all rows that pass the filters (only ids and points are read).
4. What a page shows comes from the index row too, in one more query: the result card (cards.py:
   name, organisation, summary, locations with address, schedules, cost periods) for the public
   list, and the HSDS list item (written by the API's serializer) for /api/hsds/services.
   search_ranked() returns ids only; search_services() loads Service and Location instances for
   callers that want them (two queries).
Answers are then kept per process for a minute (answer_cache.py), keyed on the index generation.

Callers that weigh every match themselves (the triage of hulpvragen) use candidates_for_domains
(nearby.py) instead: one filter-only read of the narrow table (no text, sort or count), distances
to a point in Python, in no order.

Filters combine with AND; the codes within one facet (several levensdomeinen) with OR. Opening
times (nu_open, dag) are evaluated in Python with wijkteam.sociale_kaart.schedules over the
candidates' schedules, because HSDS recurrence rules are not SQL-shaped.

The index follows the write path: services.py calls reindex_service after commit; the HSDS
importer and the demo call reindex_services / reindex_all; `manage.py rebuild_search_index`
rebuilds it. Tests that create services with factories must call reindex_all() (or
reindex_service) before searching.
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import Q
from django.db.models.signals import post_delete
from django.utils import timezone

from wijkteam.sociale_kaart import geocoding, visibility
from wijkteam.sociale_kaart.models import PUBLIC_STATUSES, Location, Schedule, Service, ServiceAtLocation
from wijkteam.sociale_kaart.schedules import is_open_at, open_on_weekday

from . import backends, vocabulary
from .indexing import language_code, reindex_all, reindex_service, reindex_services, remove_service
from .nearby import DomainCandidate, candidates_for_domains
from .ranking import rank
from .understanding import EMPTY, Understanding, understand

# How many best text matches are re-ranked in Python. Beyond this the text match is so weak that
# distance or a domain boost should not lift it onto the first pages.
CANDIDATES = 200
# With a place, more candidates: a weaker text match nearby may beat a strong one across town.
CANDIDATES_NEAR = 500
MAX_PER_PAGE = 100
_CODE = re.compile(r"^[A-Z]{2}\d{2}$")
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _drop_deleted(sender: type[Service], instance: Service, **kwargs: Any) -> None:
    """A deleted service (also by cascade, e.g. with its organisation) leaves the index at once."""
    backends.delete_entries([instance.pk])


# Connected on import; the app imports this module at start-up (views, API, services.py).
post_delete.connect(_drop_deleted, sender=Service, dispatch_uid="sociale_kaart_search_drop_deleted")


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    levensdomeinen: tuple[str, ...] = ()  # term codes, e.g. ("LD01",)
    soorten: tuple[str, ...] = ()  # SA01..SA08
    doelgroepen: tuple[str, ...] = ()  # DG01..DG07
    leeftijd: int | None = None  # age of the person: service min/max age and doelgroep ages
    gratis: bool = False  # free: no cost option with a price, or an explicit free option
    rolstoel: bool = False  # wheelchair accessible location
    taal: str | None = None  # language code, e.g. "en", "ar", "tr", "pl"
    nu_open: bool = False  # open at `moment`
    dag: str | None = None  # "MO".."SU": open on that weekday
    moment: datetime.datetime | None = None  # defaults to timezone.now()
    postcode: str | None = None  # distance from this postcode's point
    wijk: str | None = None  # WK code: services with a location in (or serving) that wijk first
    latitude: float | None = None
    longitude: float | None = None
    include_hidden: bool = False  # editors' view: also services hidden by freshness
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
class RankedHit:
    """One result as ranked, before any Service row is loaded (what a result list needs first)."""

    service_id: uuid.UUID
    score: float
    distance_km: float | None
    location_id: uuid.UUID | None
    matched_domains: tuple[str, ...]
    weak: bool = False  # a weak match, after all others (ranking.py): "Minder passend"


@dataclass(frozen=True)
class Interpretation:
    """What we understood: "Bedoelde u ...?" (corrected) and "We zoeken in: Financiën" (domains)."""

    corrected: dict[str, str] = field(default_factory=dict)  # typed word → word searched for
    domains: tuple[str, ...] = ()  # detected levensdomeinen (LD codes), strongest first
    expanded_terms: tuple[str, ...] = ()  # the words and synonym phrases searched for
    # Extensions (defaults keep the original constructor working):
    domain_names: tuple[str, ...] = ()  # names of `domains`, same order
    other_codes: tuple[str, ...] = ()  # detected soorten aanbod / doelgroepen (SA, DG codes)
    origin: tuple[float, float] | None = None  # (lat, lon) distances are measured from


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    interpretation: Interpretation


@dataclass(frozen=True)
class RankedResult:
    """search_ranked(): the page's hits as ids, for callers that load only what they show."""

    hits: list[RankedHit]
    total: int
    page: int
    per_page: int
    interpretation: Interpretation


@dataclass
class _Prepared:
    page: int
    per_page: int
    vocab: vocabulary.Vocabulary
    understanding: Understanding
    origin: tuple[float, float] | None
    schedule_filter: Callable[[list[backends.Candidate]], list[backends.Candidate]] | None
    plan: backends.RetrievalPlan
    ranks_in_python: bool


def _prepare(query: SearchQuery, vocab: vocabulary.Vocabulary | None = None) -> _Prepared:
    page = max(1, int(query.page or 1))
    per_page = max(1, min(int(query.per_page or 20), MAX_PER_PAGE))
    vocab = vocab if vocab is not None else vocabulary.current()
    understanding = understand(query.text, vocab) if query.text and query.text.strip() else EMPTY
    origin = _origin(query)
    schedule_filter = _schedule_filter(query)
    plan = backends.RetrievalPlan(
        concepts=understanding.concepts,
        any_codes=[_codes(query.levensdomeinen), _codes(query.soorten), _codes(query.doelgroepen)],
        leeftijd=float(query.leeftijd) if query.leeftijd is not None else None,
        gratis=query.gratis,
        rolstoel=query.rolstoel,
        taal=language_code(query.taal) if query.taal else None,
    )
    plan.statuses, plan.checked_from = visibility_filter(include_hidden=query.include_hidden)
    ranks_in_python = understanding.has_text or origin is not None or bool(query.wijk)
    if schedule_filter is not None:
        plan.limit = None  # every match must pass the opening-time check before counting
    elif understanding.has_text:
        wanted = CANDIDATES_NEAR if origin is not None or query.wijk else CANDIDATES
        plan.limit = max(wanted, page * per_page)
    elif not ranks_in_python:
        plan.limit, plan.offset = per_page, (page - 1) * per_page
    return _Prepared(page, per_page, vocab, understanding, origin, schedule_filter, plan, ranks_in_python)


def retrieval_sql_for(query: SearchQuery) -> tuple[str, list[Any]]:
    """The exact retrieval SQL (Django `%s` placeholders) search_services runs for `query`.

    For benchmarks and diagnosis: the same statement can be run directly on the engine.
    """
    return backends.retrieval_sql(_prepare(query).plan)


def match_only_sql_for(query: SearchQuery) -> tuple[str, list[Any]]:
    """The full-text match of `query` alone, counted: no score, filter or sort ("", [] without
    words). For benchmarks: the floor any retrieval plan on this engine pays."""
    return backends.match_only_sql(_prepare(query).plan)


def ranked_service_ids(query: SearchQuery, *, limit: int = 2000) -> tuple[list[uuid.UUID], int]:
    """Ids of the matching services, best first, and the total: the same ranking as
    search_services without loading any Service (for callers that page or serialise themselves,
    such as the HSDS API's `search` parameter). `query.page` and `query.per_page` are ignored."""
    prepared = _prepare(replace(query, page=1, per_page=1))
    plan = prepared.plan
    if prepared.schedule_filter is None:
        plan.limit, plan.offset = (None if prepared.origin is not None or query.wijk else max(limit, 1)), 0
    candidates = backends.retrieve(plan)
    if prepared.schedule_filter is not None:
        candidates = prepared.schedule_filter(candidates)
        total = len(candidates)
    else:
        total = candidates[0].total if candidates else 0
    ranked = rank(
        candidates,
        prepared.understanding,
        origin=prepared.origin,
        wijk=query.wijk,
        filter_domains=_codes(query.levensdomeinen),
    )
    return [r.service_id for r in ranked[:limit]], total


def search_ranked(query: SearchQuery, *, vocab: vocabulary.Vocabulary | None = None) -> RankedResult:
    """The page of results as ranked ids: the retrieval query and the re-rank, nothing loaded.

    The public result list builds its cards from a few narrow queries (views_public.result_cards)
    instead of whole Service rows; search_services() adds the Service and Location instances.
    `vocab`: the vocabulary the caller already holds (vocabulary.current()), to save the query that
    checks it is still current.
    """
    prepared = _prepare(query, vocab)
    page, per_page, plan = prepared.page, prepared.per_page, prepared.plan
    understanding, origin, schedule_filter = prepared.understanding, prepared.origin, prepared.schedule_filter

    candidates = backends.retrieve(plan)
    if schedule_filter is not None:
        candidates = schedule_filter(candidates)
        total = len(candidates)
    elif candidates:
        total = candidates[0].total
    else:
        total = backends.count_matching(plan) if page > 1 and plan.offset else 0

    filter_domains = _codes(query.levensdomeinen)
    if prepared.ranks_in_python:
        ranked = rank(candidates, understanding, origin=origin, wijk=query.wijk, filter_domains=filter_domains)
        window = ranked[(page - 1) * per_page : page * per_page]
    else:
        ranked = rank(candidates, understanding, origin=None, wijk=None, filter_domains=filter_domains)
        paged_in_sql = plan.limit is not None and schedule_filter is None
        window = ranked if paged_in_sql else ranked[(page - 1) * per_page : page * per_page]

    return RankedResult(
        hits=[
            RankedHit(
                service_id=r.service_id,
                score=r.score,
                distance_km=round(r.distance_km, 3) if r.distance_km is not None else None,
                location_id=r.location_id,
                matched_domains=r.matched_domains,
                weak=r.weak,
            )
            for r in window
        ],
        total=total,
        page=page,
        per_page=per_page,
        interpretation=_interpretation(understanding, prepared.vocab, origin),
    )


def search_services(query: SearchQuery) -> SearchResult:
    ranked = search_ranked(query)
    return SearchResult(
        hits=_hydrate(ranked.hits),
        total=ranked.total,
        page=ranked.page,
        per_page=ranked.per_page,
        interpretation=ranked.interpretation,
    )


def visibility_filter(*, include_hidden: bool) -> tuple[tuple[str, ...], datetime.date | None]:
    """Statuses and first check day the public may see, from visibility.py's own definitions.

    The index row carries the service's status and `visibility.last_checked()`, so the rule
    "public status and checked on or after `hide_cutoff()`" (what `publicly_visible()` says) is
    a filter on the index itself; tests/sociale_kaart/search/test_hidden_services.py proves the
    two agree. The editors' view (include_hidden) drops the freshness part only.
    """

    statuses = tuple(sorted(str(s) for s in PUBLIC_STATUSES))
    return statuses, None if include_hidden else visibility.hide_cutoff()


def _codes(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip().upper() for v in values if v and _CODE.match(v.strip().upper())))


def _origin(query: SearchQuery) -> tuple[float, float] | None:

    if query.latitude is not None and query.longitude is not None:
        return float(query.latitude), float(query.longitude)
    if query.postcode:
        point = geocoding.postcode_to_point(query.postcode)
        if point is not None:
            return point
    if query.wijk:
        return geocoding.wijk_point(query.wijk)
    return None


def _schedule_filter(
    query: SearchQuery,
) -> Callable[[list[backends.Candidate]], list[backends.Candidate]] | None:
    if not query.nu_open and not query.dag:
        return None
    moment = query.moment or timezone.now()
    day = (query.dag or "").upper() or None
    if day is not None and day not in _DAYS:
        day = None
        if not query.nu_open:
            return None

    def apply(candidates: list[backends.Candidate]) -> list[backends.Candidate]:
        schedules = schedules_for([c.service_id for c in candidates])
        kept = []
        for candidate in candidates:
            rows = schedules.get(candidate.service_id, [])
            if not rows:
                continue
            if query.nu_open and not is_open_at(rows, moment):
                continue
            if day is not None and not open_on_weekday(rows, day, today=timezone.localdate(moment)):
                continue
            kept.append(candidate)
        return kept

    return apply


def schedules_for(service_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Schedule]]:
    """Opening times per service: its own and those of its service_at_location rows; when it has
    none, those of its locations (a library's opening hours cover the help offered inside)."""
    own: dict[uuid.UUID, list[Schedule]] = defaultdict(list)
    by_location: dict[uuid.UUID, list[Schedule]] = defaultdict(list)
    locations_of: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for start in range(0, len(service_ids), 500):
        chunk = service_ids[start : start + 500]
        links = list(
            ServiceAtLocation.objects.filter(service_id__in=chunk).values_list("id", "service_id", "location_id")
        )
        link_service = {link_id: service_id for link_id, service_id, _loc in links}
        for _link, service_id, location_id in links:
            locations_of[service_id].append(location_id)
        location_ids = {loc for _l, _s, loc in links}
        rows = Schedule.objects.filter(
            Q(service_id__in=chunk) | Q(service_at_location_id__in=list(link_service)) | Q(location_id__in=location_ids)
        )
        for schedule in rows:
            if schedule.service_id is not None:
                own[schedule.service_id].append(schedule)
            elif schedule.service_at_location_id is not None:
                own[link_service[schedule.service_at_location_id]].append(schedule)
            elif schedule.location_id is not None:
                by_location[schedule.location_id].append(schedule)
    result: dict[uuid.UUID, list[Schedule]] = {}
    for service_id in service_ids:
        if own.get(service_id):
            result[service_id] = own[service_id]
        else:
            result[service_id] = [s for loc in locations_of.get(service_id, []) for s in by_location.get(loc, [])]
    return result


def _hydrate(window: list[RankedHit]) -> list[SearchHit]:
    if not window:
        return []
    services = Service.objects.select_related("organization").in_bulk([r.service_id for r in window])
    location_ids = [r.location_id for r in window if r.location_id is not None]
    locations = Location.objects.in_bulk(location_ids) if location_ids else {}
    hits = []
    for ranked in window:
        service = services.get(ranked.service_id)
        if service is None:  # deleted between the two queries, or a stale index row
            continue
        hits.append(
            SearchHit(
                service=service,
                score=ranked.score,
                distance_km=ranked.distance_km,
                location=locations.get(ranked.location_id) if ranked.location_id else None,
                matched_domains=ranked.matched_domains,
            )
        )
    return hits


def _interpretation(
    understanding: Understanding, vocab: vocabulary.Vocabulary, origin: tuple[float, float] | None
) -> Interpretation:
    names = tuple(vocab.terms[c].name for c in understanding.domains if c in vocab.terms)
    return Interpretation(
        corrected=dict(understanding.corrected),
        domains=understanding.domains,
        expanded_terms=understanding.expanded_terms,
        domain_names=names,
        other_codes=understanding.other_codes,
        origin=origin,
    )


__all__ = [
    "DomainCandidate",
    "Interpretation",
    "RankedHit",
    "RankedResult",
    "SearchHit",
    "SearchQuery",
    "SearchResult",
    "candidates_for_domains",
    "match_only_sql_for",
    "ranked_service_ids",
    "reindex_all",
    "reindex_service",
    "reindex_services",
    "remove_service",
    "retrieval_sql_for",
    "search_ranked",
    "search_services",
    "visibility_filter",
]
