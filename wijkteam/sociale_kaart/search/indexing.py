# SPDX-License-Identifier: EUPL-1.2
"""Keeping the search index in step with the services: reindex_service, reindex_services, reindex_all.

One index row per service, denormalised so the retrieval query needs no joins: stemmed text per
field (name, organisation, terms, body), the term codes, the age range, free / wheelchair flags,
languages, wijken served and the points of its locations. Built in bulk: a fixed number of
queries whatever the number of services (10,000 services index in seconds).

The write paths call reindex_service after commit (history.reindex_on_commit); the importer and the demo
generator call reindex_services / reindex_all; `manage.py rebuild_search_index` rebuilds all.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache

from django.db import transaction
from django.db.models import Q
from django.utils.text import Truncator

from wijkteam.gebieden.models import Buurt, Wijk

from .. import taxonomy_mapping, visibility
from ..api import serializers
from ..models import (
    Accessibility,
    Address,
    Attribute,
    CostOption,
    Language,
    LinkEntity,
    Location,
    LocationType,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from ..models.details import one_line_address
from ..taxonomies import DOELGROEP, shipped_taxonomies
from . import backends, vocabulary
from .cards import CardLocation, build_card
from .text import compound_data, decompose, hyphen_joins, normalise, stem, stopwords, words

CHUNK = 500

_WIJK_CODE = re.compile(r"\bWK\d{6}\b")
_BUURT_CODE = re.compile(r"\bBU\d{8}\b")
_GEMEENTE_CODE = re.compile(r"\bGM\d{4}\b")
_NOT_ACCESSIBLE = re.compile(r"\b(niet|geen|not|no)\s+(rolstoel|wheelchair)")

# Language names (Dutch and English) and ISO 639-2/3 codes to the ISO 639-1 code the filter uses.
LANGUAGE_CODES = {
    "nederlands": "nl",
    "dutch": "nl",
    "nld": "nl",
    "dut": "nl",
    "engels": "en",
    "english": "en",
    "eng": "en",
    "arabisch": "ar",
    "arabic": "ar",
    "ara": "ar",
    "turks": "tr",
    "turkish": "tr",
    "tur": "tr",
    "pools": "pl",
    "polish": "pl",
    "pol": "pl",
    "duits": "de",
    "german": "de",
    "deu": "de",
    "ger": "de",
    "frans": "fr",
    "french": "fr",
    "fra": "fr",
    "fre": "fr",
    "spaans": "es",
    "spanish": "es",
    "spa": "es",
    "portugees": "pt",
    "portuguese": "pt",
    "por": "pt",
    "oekraiens": "uk",
    "ukrainian": "uk",
    "ukr": "uk",
    "russisch": "ru",
    "russian": "ru",
    "rus": "ru",
    "somalisch": "so",
    "somali": "so",
    "som": "so",
    "tigrinya": "ti",
    "tir": "ti",
    "farsi": "fa",
    "perzisch": "fa",
    "persian": "fa",
    "fas": "fa",
    "per": "fa",
    "koerdisch": "ku",
    "kurdish": "ku",
    "kur": "ku",
    "papiaments": "pap",
    "chinees": "zh",
    "chinese": "zh",
    "zho": "zh",
    "chi": "zh",
    "roemeens": "ro",
    "romanian": "ro",
    "ron": "ro",
    "rum": "ro",
    "bulgaars": "bg",
    "bulgarian": "bg",
    "bul": "bg",
    "italiaans": "it",
    "italian": "it",
    "ita": "it",
}


def language_code(value: str) -> str:
    """'Engels', 'eng', 'EN', 'en-GB' → 'en'; unknown values come back normalised as they are."""
    text = normalise(value).strip()
    if not text:
        return ""
    text = text.split("-")[0].split()[0] if "-" in text else text
    return LANGUAGE_CODES.get(text, text)


# --- Tokens -----------------------------------------------------------------------------------


@cache
def _static_parts() -> frozenset[str]:
    """Words the index-time compound splitter may cut off. Static data only, so the index of a
    service never depends on which other services happen to be indexed."""
    found: set[str] = set(compound_data().parts)
    for taxonomy in shipped_taxonomies()["taxonomies"]:
        for term in taxonomy["terms"]:
            for phrase in [term["name"], *term.get("synonyms", [])]:
                found.update(words(phrase))
    for phrases in vocabulary.extra_synonyms().values():
        for phrase in phrases:
            found.update(words(phrase))
    return frozenset(w for w in found if w not in stopwords() and len(w) >= 4)


def _is_static_part(word: str) -> bool:
    return word in _static_parts()


@dataclass
class _Tokens:
    stems: list[str] = field(default_factory=list)
    surface: set[str] = field(default_factory=set)

    def text(self) -> str:
        return " ".join(self.stems)


def tokens(*texts: str) -> _Tokens:
    """Stems of the words, each compound followed by the stems of its pieces."""
    result = _Tokens()
    stop = stopwords()
    for text in texts:
        if not text:
            continue
        for word in [*words(text), *hyphen_joins(text)]:
            if word in stop:
                continue
            result.stems.append(stem(word))
            result.surface.add(word)
            for piece in decompose(word, _is_static_part):
                result.stems.append(stem(piece))
                result.surface.add(piece)
    return result


# --- Building rows ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Term:
    code: str
    name: str
    slug: str
    minimum_age: int | None
    maximum_age: int | None


@dataclass
class _LocationInfo:
    id: uuid.UUID
    name: str
    latitude: float | None
    longitude: float | None
    physical: bool
    wijk: str | None
    accessible: bool = False
    languages: set[str] = field(default_factory=set)
    address: str = ""


@dataclass
class _Bundle:
    """Everything about a batch of services that an index row needs, read in bulk."""

    terms_by_service: dict[uuid.UUID, list[_Term]] = field(default_factory=lambda: defaultdict(list))
    locations_by_service: dict[uuid.UUID, list[_LocationInfo]] = field(default_factory=lambda: defaultdict(list))
    languages_by_service: dict[uuid.UUID, set[str]] = field(default_factory=lambda: defaultdict(set))
    amounts_by_service: dict[uuid.UUID, list[Decimal | None]] = field(default_factory=lambda: defaultdict(list))
    # For the result card (cards.py): cost periods and the opening times of the service itself
    # and of the service at each location (a building's own hours are not the service's).
    costs_by_service: dict[uuid.UUID, list[tuple[Decimal | None, date | None, date | None]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    schedules_by_service: dict[uuid.UUID, list[Schedule]] = field(default_factory=lambda: defaultdict(list))
    areas_by_service: dict[uuid.UUID, list[str]] = field(default_factory=lambda: defaultdict(list))
    # Only read when some service_area names an area by code.
    buurt_wijk: dict[str, str] = field(default_factory=dict)
    gemeente_wijken: dict[str, tuple[str, ...]] = field(default_factory=dict)


@cache
def _shipped_slugs() -> tuple[str, ...]:
    return tuple(t["slug"] for t in shipped_taxonomies()["taxonomies"])


def _load_bundle(service_ids: list[uuid.UUID]) -> _Bundle:
    bundle = _Bundle()
    terms = {
        t.id: _Term(t.code, t.name, (t.taxonomy.slug if t.taxonomy else "") or "", t.minimum_age, t.maximum_age)
        for t in TaxonomyTerm.objects.filter(taxonomy__slug__in=_shipped_slugs()).select_related("taxonomy")
    }
    # Imported terms mapped onto ours (another supplier's "LD01") index as ours: same codes, names
    # and synonyms, so search, the levensdomein filter and the cards treat them alike.
    for imported, target in taxonomy_mapping.mapped_targets().items():
        if target in terms:
            terms[imported] = terms[target]
    for chunk in _chunks(service_ids):
        for link_id, term_id in Attribute.objects.filter(
            link_entity=LinkEntity.SERVICE, link_id__in=chunk, taxonomy_term_id__in=list(terms)
        ).values_list("link_id", "taxonomy_term_id"):
            if terms[term_id] not in bundle.terms_by_service[link_id]:
                bundle.terms_by_service[link_id].append(terms[term_id])

        links = list(
            ServiceAtLocation.objects.filter(service_id__in=chunk).values_list("id", "service_id", "location_id")
        )
        location_ids = {loc for _link, _s, loc in links}
        locations: dict[uuid.UUID, _LocationInfo] = {}
        for row in Location.objects.filter(id__in=location_ids).values(
            "id", "name", "latitude", "longitude", "location_type", "buurt__wijk__code"
        ):
            locations[row["id"]] = _LocationInfo(
                id=row["id"],
                name=row["name"],
                latitude=row["latitude"],
                longitude=row["longitude"],
                physical=row["location_type"] == LocationType.PHYSICAL,
                wijk=row["buurt__wijk__code"],
            )
        for location_id, address_type, line, postal_code, city in Address.objects.filter(
            location_id__in=location_ids
        ).values_list("location_id", "address_type", "address_1", "postal_code", "city"):
            # The physical address wins; otherwise the first there is (as the service page does).
            info = locations.get(location_id)
            if info is not None and (not info.address or address_type == LocationType.PHYSICAL):
                info.address = one_line_address(line, postal_code, city)
        for location_id, description, details in Accessibility.objects.filter(location_id__in=location_ids).values_list(
            "location_id", "description", "details"
        ):
            if location_id in locations and _says_wheelchair_accessible(f"{description} {details}"):
                locations[location_id].accessible = True
        for service_id, location_id, code, name in Language.objects.filter(
            Q(service_id__in=chunk) | Q(location_id__in=location_ids)
        ).values_list("service_id", "location_id", "code", "name"):
            value = language_code(code or name or "")
            if not value:
                continue
            if service_id is not None:
                bundle.languages_by_service[service_id].add(value)
            elif location_id in locations:
                locations[location_id].languages.add(value)
        for _link, service_id, location_id in links:
            if location_id in locations:
                bundle.locations_by_service[service_id].append(locations[location_id])
        link_service = {link_id: service_id for link_id, service_id, _loc in links}
        for schedule in Schedule.objects.filter(
            Q(service_id__in=chunk) | Q(service_at_location_id__in=list(link_service))
        ).order_by("created", "id"):
            owner = schedule.service_id or link_service.get(schedule.service_at_location_id)  # type: ignore[arg-type]
            if owner is not None:
                bundle.schedules_by_service[owner].append(schedule)

        for service_id, amount, valid_from, valid_to in CostOption.objects.filter(service_id__in=chunk).values_list(
            "service_id", "amount", "valid_from", "valid_to"
        ):
            bundle.amounts_by_service[service_id].append(amount)
            bundle.costs_by_service[service_id].append((amount, valid_from, valid_to))
        for service_id, name, uri, description in ServiceArea.objects.filter(service_id__in=chunk).values_list(
            "service_id", "name", "uri", "description"
        ):
            if service_id is not None:
                bundle.areas_by_service[service_id].append(f"{name} {uri} {description}")
    if bundle.areas_by_service:
        bundle.buurt_wijk, bundle.gemeente_wijken = _areas()
    return bundle


def _says_wheelchair_accessible(text: str) -> bool:
    lowered = normalise(text)
    if _NOT_ACCESSIBLE.search(lowered):
        return False
    return "rolstoel" in lowered or "wheelchair" in lowered


def _areas() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """buurt code → wijk code, gemeente code → wijk codes (for service_area extents by code)."""

    buurten = dict(Buurt.objects.values_list("code", "wijk__code"))
    gemeenten: dict[str, list[str]] = defaultdict(list)
    for code, gemeente in Wijk.objects.values_list("code", "gemeente__code"):
        gemeenten[gemeente].append(code)
    return buurten, {k: tuple(v) for k, v in gemeenten.items()}


def _served_wijken(areas: list[str], bundle: _Bundle) -> set[str]:
    buurten, gemeenten = bundle.buurt_wijk, bundle.gemeente_wijken
    found: set[str] = set()
    for text in areas:
        found.update(_WIJK_CODE.findall(text))
        found.update(buurten[code] for code in _BUURT_CODE.findall(text) if code in buurten)
        for code in _GEMEENTE_CODE.findall(text):
            found.update(gemeenten.get(code, ()))
    return found


def _age_range(service: Service, terms: list[_Term]) -> tuple[float | None, float | None]:
    if service.minimum_age is not None or service.maximum_age is not None:
        return service.minimum_age, service.maximum_age
    audiences = [t for t in terms if t.slug == DOELGROEP]
    if not audiences or any(t.minimum_age is None and t.maximum_age is None for t in audiences):
        # No doelgroep, or one without an age (ouders, mantelzorgers): open to every age.
        return None, None
    minimum = min((t.minimum_age or 0) for t in audiences)
    maximum = None if any(t.maximum_age is None for t in audiences) else max(t.maximum_age or 0 for t in audiences)
    return float(minimum), (float(maximum) if maximum is not None else None)


def _is_free(amounts: list[Decimal | None]) -> bool:
    """Free: no cost option with a price, or an explicit free option (amount 0) next to priced ones."""
    priced = [a for a in amounts if a is not None and a > 0]
    return not priced or any(a is not None and a == 0 for a in amounts)


def _ordered(locations: list[_LocationInfo]) -> list[_LocationInfo]:
    """Mapped locations first, physical before virtual, then by name: the order of points and cards."""
    return sorted(
        locations, key=lambda loc: (loc.latitude is None or loc.longitude is None, not loc.physical, loc.name, loc.id)
    )


def _points(locations: list[_LocationInfo]) -> str:
    parts = []
    for loc in _ordered(locations):
        if loc.latitude is not None and loc.longitude is not None:
            parts.append(f"{loc.id.hex},{loc.latitude:.6f},{loc.longitude:.6f}")
        else:
            parts.append(f"{loc.id.hex},,")
    return ";".join(parts)


def _hsds_items(service_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Each service as the HSDS API lists it, serialised by the API's own serializer."""

    items: dict[uuid.UUID, str] = {}
    for chunk in _chunks(service_ids):
        services = serializers.services_list_queryset(Service.objects.filter(id__in=chunk))
        for item in serializers.services_list(services):
            items[uuid.UUID(item["id"])] = json.dumps(item, ensure_ascii=False)
    return items


def build_row(service: Service, bundle: _Bundle, hsds: str = "") -> backends.IndexRow:
    terms = bundle.terms_by_service.get(service.id, [])
    locations = bundle.locations_by_service.get(service.id, [])
    organization = service.organization
    name = tokens(service.name, service.alternate_name)
    org = tokens(organization.name, organization.alternate_name) if organization else tokens()
    term_tokens = tokens(*(t.name for t in terms))
    codes = sorted({t.code for t in terms if t.code})
    term_text = " ".join([term_tokens.text(), *(c.lower() for c in codes)]).strip()
    body = tokens(
        service.description,
        service.eligibility_description,
        *(loc.name for loc in locations),
    )
    surface = name.surface | org.surface | term_tokens.surface | body.surface | {c.lower() for c in codes}
    languages = {"nl"} | bundle.languages_by_service.get(service.id, set())
    for loc in locations:
        languages |= loc.languages
    wijken = {loc.wijk for loc in locations if loc.wijk} | _served_wijken(
        bundle.areas_by_service.get(service.id, []), bundle
    )
    minimum, maximum = _age_range(service, terms)
    return backends.IndexRow(
        service_id=service.id,
        status=service.status,
        checked_on=visibility.last_checked(service),
        name_text=name.text(),
        org_text=org.text(),
        terms_text=term_text,
        body_text=body.text(),
        words=" ".join(sorted(surface)),
        codes=_spaced(codes),
        min_age=minimum,
        max_age=maximum,
        gratis=_is_free(bundle.amounts_by_service.get(service.id, [])),
        rolstoel=any(loc.accessible and loc.physical for loc in locations),
        talen=_spaced(sorted(languages)),
        wijken=_spaced(sorted(wijken)),
        points=_points(locations),
        sort_name=normalise(service.name),
        card=build_card(
            name=service.name,
            alert=service.alert,
            organisation=organization.name if organization else "",
            summary=Truncator(service.description).words(30),
            domains=[c for c in codes if c.startswith("LD")],
            locations=[CardLocation(loc.id, loc.latitude, loc.longitude, loc.address) for loc in _ordered(locations)],
            schedules=bundle.schedules_by_service.get(service.id, []),
            costs=bundle.costs_by_service.get(service.id, []),
        ),
        hsds=hsds,
    )


def _spaced(values: Iterable[str]) -> str:
    # Leading and trailing spaces let `LIKE '% LD01 %'` match whole codes only.
    return " " + " ".join(values) + " "


def _chunks(ids: list[uuid.UUID], size: int = CHUNK) -> Iterator[list[uuid.UUID]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _services(ids: list[uuid.UUID] | None) -> Iterator[Service]:
    fields = (
        "id",
        "status",
        "assured_date",
        "created",
        "name",
        "alternate_name",
        "alert",
        "description",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "organization__name",
        "organization__alternate_name",
    )
    queryset = Service.objects.select_related("organization").only(*fields).order_by("id")
    if ids is None:
        yield from queryset.iterator(chunk_size=2000)
    else:
        for chunk in _chunks(ids):
            yield from queryset.filter(id__in=chunk)


def _new_generation() -> None:
    backends.set_generation(uuid.uuid4().hex)
    vocabulary.invalidate()


# --- Public API -------------------------------------------------------------------------------


def reindex_services(service_ids: Iterable[uuid.UUID]) -> int:
    """Rebuild the index rows of these services (removing rows of services that no longer exist)."""
    ids = sorted(set(service_ids))
    if not ids:
        return 0
    with transaction.atomic():
        services = list(_services(ids))
        bundle = _load_bundle([s.id for s in services])
        hsds = _hsds_items([s.id for s in services])
        rows = [build_row(service, bundle, hsds.get(service.id, "")) for service in services]
        backends.delete_entries(ids)
        for start in range(0, len(rows), CHUNK):
            backends.insert_entries(rows[start : start + CHUNK])
        _new_generation()
    return len(rows)


def reindex_service(service: Service | uuid.UUID) -> None:
    """Refresh one service's index row; call after its transaction committed (history.reindex_on_commit does)."""
    service_id = service if isinstance(service, uuid.UUID) else service.pk
    reindex_services([service_id])


def remove_service(service_id: uuid.UUID) -> None:
    with transaction.atomic():
        backends.delete_entries([service_id])
        _new_generation()


def reindex_all() -> int:
    """Rebuild the whole index in one transaction: searches see the old index until it commits."""
    with transaction.atomic():
        backends.delete_all_entries()
        count = 0
        batch: list[Service] = []
        for service in _services(None):
            batch.append(service)
            if len(batch) >= 2000:
                count += _index_batch(batch)
                batch = []
        count += _index_batch(batch)
        _new_generation()
    backends.optimise()
    return count


def _index_batch(services: list[Service]) -> int:
    if not services:
        return 0
    bundle = _load_bundle([s.id for s in services])
    hsds = _hsds_items([s.id for s in services])
    rows = [build_row(service, bundle, hsds.get(service.id, "")) for service in services]
    for start in range(0, len(rows), CHUNK):
        backends.insert_entries(rows[start : start + CHUNK])
    return len(rows)
