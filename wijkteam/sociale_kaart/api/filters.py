# SPDX-License-Identifier: EUPL-1.2
"""Query parameters of the HSDS API and the filters behind them. All filters combine as AND.

Search and geocoding are the kaart's own (wijkteam.sociale_kaart.search and .geocoding), reached
through one function each (`search_ranking`, `postcode_to_point`), so the API answers exactly what the
public pages answer.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.core.forms import check_supported_year
from wijkteam.gebieden.postcodes import try_normalise_postcode

from .. import geocoding
from ..hsds_io.values import ValueProblem, parse_datetime
from ..models import Attribute, Location, Service, ServiceArea, ServiceAtLocation
from ..search import CANDIDATES, SearchQuery, ranked_service_ids
from ..taxonomy_mapping import term_q

M = TypeVar("M", bound=Model)

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
# `minimal=true` should return all services in one call (the spec says so); rows are tiny.
MINIMAL_MAX_PER_PAGE = 10_000
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off", ""}
# Beyond 2,000 hits a text match says little: the API ranks and counts at most this many.
SEARCH_MAX_HITS = 2000
_PROXIMITY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|km)?\s*$", re.IGNORECASE)
EARTH_RADIUS_KM = 6371.0088


class ApiError(Exception):
    """A request the API cannot answer (400); `message` tells the client what to change."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


# --- Parameters ----------------------------------------------------------------------------------


def boolean(request: HttpRequest, name: str) -> bool:
    raw = request.GET.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ApiError(_("'%(name)s' moet true of false zijn") % {"name": name})


def integer(request: HttpRequest, name: str, default: int, *, minimum: int = 1) -> int:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(_("'%(name)s' moet een geheel getal zijn") % {"name": name}) from None
    if value < minimum:
        raise ApiError(_("'%(name)s' moet %(min)s of groter zijn") % {"name": name, "min": minimum})
    return value


def output_format(request: HttpRequest) -> str:
    value = request.GET.get("format", "json").strip().lower() or "json"
    if value not in {"json", "ndjson"}:
        raise ApiError(_("'format' moet json of ndjson zijn"))
    return value


def modified_after(request: HttpRequest) -> dt.datetime | None:
    raw = request.GET.get("modified_after", "").strip()
    if not raw:
        return None
    # An unencoded "+01:00" in a query string arrives as " 01:00".
    raw = re.sub(r" (\d{2}:?\d{2})$", r"+\1", raw)
    moment: dt.datetime | None = None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            day = None
        if day is not None:
            moment = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    if moment is None:
        try:
            moment = parse_datetime(raw)
        except ValueProblem:
            raise ApiError(
                _("'modified_after' moet een datum of tijdstip zijn, zoals 2026-11-25 of 2026-11-25T10:15:00Z")
            ) from None
    # Year 1 or 9999 does not convert to UTC for the query (an OverflowError, a 500): the one year range of
    # typed dates, in the words the forms use.
    try:
        check_supported_year(moment.date())
    except ValidationError as exc:
        raise ApiError(f"'modified_after': {exc.messages[0]}") from None
    return moment


@dataclass(frozen=True)
class Reference:
    """A `*_id` parameter: an HSDS id, or (for our shipped taxonomies) a code or slug like LD01."""

    id: uuid.UUID | None
    key: str


def reference(request: HttpRequest, name: str) -> Reference | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return Reference(uuid.UUID(raw), raw)
    except ValueError:
        return Reference(None, raw)


def strict_id(request: HttpRequest, name: str) -> uuid.UUID | None:
    ref = reference(request, name)
    if ref is None:
        return None
    if ref.id is None:
        raise ApiError(_("'%(name)s' moet een UUID zijn") % {"name": name})
    return ref.id


def proximity_km(request: HttpRequest) -> float | None:
    """`proximity`: a distance; plain numbers are metres as the HSDS spec says, "km"/"m" may be added."""
    raw = request.GET.get("proximity", "").strip()
    if not raw:
        return None
    match = _PROXIMITY.match(raw)
    if not match:
        raise ApiError(_("'proximity' moet een afstand zijn, in meters (2000) of met eenheid (2km)"))
    amount = float(match[1])
    return amount if (match[2] or "m").lower() == "km" else amount / 1000


# --- Search --------------------------------------------------------------------------------------


def text_q(text: str, fields: Sequence[str]) -> Q:
    """Every word somewhere in one of the fields (case-insensitive)."""
    query = Q()
    for word in text.split()[:10]:
        word_q = Q()
        for name in fields:
            word_q |= Q(**{f"{name}__icontains": word})
        query &= word_q
    return query


def search_ranking(text: str, *, limit: int = SEARCH_MAX_HITS) -> list[uuid.UUID]:
    """`search`: ids of the publicly visible services the kaart's search engine finds for `text`,
    most relevant first (stemming, synonyms, typo tolerance: the same answers as the public search
    box). The API's one entry to search; the filters and the ordering build on this list.

    Ids only, in one retrieval query: loading Service rows here (as paging through search_services
    did) cost half a second for a common word, for rows the page mostly never shows."""
    ids, _total = search_window(text, limit=limit)
    return ids


def search_window(text: str, *, limit: int) -> tuple[list[uuid.UUID], int]:
    """The best `limit` ids for `text` and the number of matches (capped at SEARCH_MAX_HITS).

    At least CANDIDATES ids are ranked whatever `limit` is, so the first page orders its services
    exactly as the public search page does (which re-ranks that many best text matches)."""

    limit = max(0, min(limit, SEARCH_MAX_HITS))
    ids, total = ranked_service_ids(SearchQuery(text=text), limit=max(limit, CANDIDATES))
    return list(dict.fromkeys(ids))[:limit], min(total, SEARCH_MAX_HITS)


def has_service_filters(request: HttpRequest) -> bool:
    """Whether a filter of `filter_services` (or a place) narrows the services beyond `search`."""
    names = ("taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "postcode", "proximity")
    return any(request.GET.get(name, "").strip() for name in names)


# --- Taxonomy, organisation and modification filters ---------------------------------------------


def _attribute_links(term: Reference | None, taxonomy: Reference | None) -> QuerySet[Attribute] | None:
    if term is None and taxonomy is None:
        return None
    # Imported terms mapped onto the one asked for count as it (taxonomy_mapping).
    links = Attribute.objects.all()
    if term is not None:
        links = links.filter(term_q(term_id=term.id) if term.id else term_q(code=term.key))
    if taxonomy is not None:
        links = links.filter(
            term_q(taxonomy_id=taxonomy.id) if taxonomy.id else term_q(taxonomy_slug=taxonomy.key)
        )
    return links


def filter_services(
    qs: QuerySet[M],
    request: HttpRequest,
    *,
    prefix: str = "",
) -> QuerySet[M]:
    """taxonomy_term_id, taxonomy_id, organization_id and modified_after (`search` ranks, see
    `ranking`); `prefix` is "service__" when `qs` holds service_at_location rows."""
    links = _attribute_links(reference(request, "taxonomy_term_id"), reference(request, "taxonomy_id"))
    if links is not None:
        # Attributes are matched on link_id alone: HSDS ids are UUIDs, and imported data does not
        # always spell link_entity as "service".
        qs = qs.filter(**{f"{prefix}id__in": links.values("link_id")})
    organization_id = strict_id(request, "organization_id")
    if organization_id is not None:
        qs = qs.filter(**{f"{prefix}organization_id": organization_id})
    since = modified_after(request)
    if since is not None:
        if prefix:
            qs = qs.filter(Q(modified__gte=since) | Q(service__modified__gte=since) | Q(location__modified__gte=since))
        else:
            qs = qs.filter(modified__gte=since)
    return qs


def ranking(request: HttpRequest) -> list[uuid.UUID] | None:
    """With `search`: the matching service ids, most relevant first; None without `search`."""
    text = request.GET.get("search", "").strip()
    return search_ranking(text) if text else None


# --- Postcode and distance -----------------------------------------------------------------------


def postcode_to_point(postcode: str) -> tuple[float, float] | None:
    """(latitude, longitude) of a postcode, from the kaart's geocoding (local addresses first)."""
    return geocoding.postcode_to_point(postcode)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _bounding_box(point: tuple[float, float], km: float) -> Q:
    # A cheap indexed pre-filter (sk_location_lat_long); the exact distance is computed afterwards.
    dlat = km / 111.0
    dlon = km / max(0.01, 111.0 * math.cos(math.radians(point[0])))
    return Q(
        latitude__gte=point[0] - dlat,
        latitude__lte=point[0] + dlat,
        longitude__gte=point[1] - dlon,
        longitude__lte=point[1] + dlon,
    )


@dataclass(frozen=True)
class Place:
    postcode: str
    point: tuple[float, float]
    max_km: float | None


def place(request: HttpRequest) -> Place | None:
    """`postcode` (+ `proximity`); 400 when the postcode cannot be placed or proximity lacks one."""
    postcode = request.GET.get("postcode", "").strip()
    max_km = proximity_km(request)
    if not postcode:
        if max_km is not None:
            raise ApiError(_("'proximity' werkt alleen samen met 'postcode'"))
        return None
    point = postcode_to_point(postcode)
    if point is None:
        raise ApiError(_("postcode '%(postcode)s' is onbekend") % {"postcode": postcode[:10]}, status=400)
    # Placed on the map, so it is a valid PC6 or PC4.
    return Place(try_normalise_postcode(postcode, allow_pc4=True) or postcode, point, max_km)


def _locations_near(where: Place) -> dict[uuid.UUID, float]:
    locations = Location.objects.filter(latitude__isnull=False, longitude__isnull=False)
    if where.max_km is not None:
        locations = locations.filter(_bounding_box(where.point, where.max_km))
    distances: dict[uuid.UUID, float] = {}
    for location_id, lat, lon in locations.values_list("id", "latitude", "longitude"):
        if lat is None or lon is None:
            continue
        km = distance_km(where.point, (lat, lon))
        if where.max_km is None or km <= where.max_km:
            distances[location_id] = km
    return distances


_CBS_CODE = re.compile(r"(GM\d{4}|WK\d{6}|BU\d{8})")


def _codes_at(point: tuple[float, float]) -> set[str] | None:
    """CBS codes of the buurt, wijk and gemeente the point lies in (None without boundaries)."""
    buurt = geocoding.point_to_buurt(*point)
    if buurt is None:
        return None
    return {buurt.code, buurt.wijk.code, buurt.wijk.gemeente.code}


def _services_outside_area(service_ids: Iterable[uuid.UUID], point: tuple[float, float]) -> set[uuid.UUID]:
    """Services whose service areas all leave the point out.

    An area is judged by its GeoJSON extent, or by the CBS code in its uri (a gemeente, wijk or buurt,
    as the kaart's own pages read service areas). Areas we cannot read (free text, broken GeoJSON,
    no boundaries to place the point in) say nothing, so a service with only those is never excluded.
    """
    covered: set[uuid.UUID] = set()
    judged: set[uuid.UUID] = set()
    codes_here: set[str] | None = None
    codes_known = False
    areas = ServiceArea.objects.filter(service_id__in=list(service_ids))
    for service_id, extent_type, extent, uri in areas.values_list("service_id", "extent_type", "extent", "uri"):
        if service_id is None:
            continue
        polygons = _polygons(extent) if extent_type == "geojson" and extent else None
        if polygons is not None:
            judged.add(service_id)
            if any(_in_polygon(point, polygon) for polygon in polygons):
                covered.add(service_id)
            continue
        area_codes = set(_CBS_CODE.findall(uri or ""))
        if not area_codes:
            continue
        if not codes_known:
            codes_here, codes_known = _codes_at(point), True
        if codes_here is None:
            continue
        judged.add(service_id)
        if area_codes & codes_here:
            covered.add(service_id)
    return judged - covered


def _polygons(extent: str) -> list[Any] | None:
    """The polygons (rings of [longitude, latitude]) of a GeoJSON text, or None when it has none."""
    try:
        geo = json.loads(extent)
    except ValueError:
        return None
    if not isinstance(geo, dict):
        return None
    kind = geo.get("type")
    if kind == "FeatureCollection":
        found = [p for f in geo.get("features") or [] for p in (_polygons(json.dumps(f)) or [])]
        return found or None
    if kind == "Feature":
        return _polygons(json.dumps(geo.get("geometry")))
    coordinates = geo.get("coordinates")
    try:
        if kind == "Polygon":
            return [coordinates]
        if kind == "MultiPolygon" and isinstance(coordinates, list):
            return list(coordinates)
    except TypeError:
        return None
    return None


def _in_ring(point: tuple[float, float], ring: list[list[float]]) -> bool:
    lat, lon = point
    inside = False
    for (x1, y1, *_rest1), (x2, y2, *_rest2) in zip(ring, ring[1:] + ring[:1], strict=True):
        # GeoJSON positions are [longitude, latitude].
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _in_polygon(point: tuple[float, float], polygon: list[Any]) -> bool:
    try:
        if not polygon or not _in_ring(point, polygon[0]):
            return False
        return not any(_in_ring(point, hole) for hole in polygon[1:])
    except (TypeError, ValueError, ZeroDivisionError):
        return False


def services_by_place(qs: QuerySet[Service], where: Place) -> list[uuid.UUID]:
    """Service ids for a postcode: inside their service area (where known), within `proximity` of
    the postcode through one of their locations (when given), nearest first."""
    near = _locations_near(where)
    nearest: dict[uuid.UUID, float] = {}
    links = ServiceAtLocation.objects.filter(service_id__in=qs.values("id"))
    if where.max_km is not None:
        links = links.filter(location__in=Location.objects.filter(_bounding_box(where.point, where.max_km)))
    for service_id, location_id in links.values_list("service_id", "location_id"):
        km = near.get(location_id)
        if km is not None and km < nearest.get(service_id, math.inf):
            nearest[service_id] = km
    ordered = list(qs.values_list("id", "name"))
    if where.max_km is not None:
        ordered = [row for row in ordered if row[0] in nearest]
    outside = _services_outside_area([row[0] for row in ordered], where.point)
    ordered = [row for row in ordered if row[0] not in outside]
    ordered.sort(key=lambda row: (nearest.get(row[0], math.inf), row[1], str(row[0])))
    return [row[0] for row in ordered]


def service_at_locations_by_place(qs: QuerySet[ServiceAtLocation], where: Place) -> list[uuid.UUID]:
    near = _locations_near(where)
    rows = list(qs.values_list("id", "service_id", "location_id", "service__name"))
    if where.max_km is not None:
        rows = [row for row in rows if row[2] in near]
    outside = _services_outside_area({row[1] for row in rows}, where.point)
    rows = [row for row in rows if row[1] not in outside]
    rows.sort(key=lambda row: (near.get(row[2], math.inf), row[3], str(row[0])))
    return [row[0] for row in rows]
