# SPDX-License-Identifier: EUPL-1.2
"""Where is a postcode, which buurt holds a point, and coordinates for an address.

Local knowledge first, the network last: a postcode is looked up in our own addresses (households'
Adres rows and the sociale kaart's Address + Location rows, averaging their coordinates; else the
centroid of their buurt). Only when the setting WIJKTEAM_GEOCODING_ONLINE is on do we ask PDOK's
Locatieserver, the free national geocoder (https://api.pdok.nl/bzk/locatieserver/search/v3_1/),
through urllib with a short timeout; its answers are cached in the process. The default is off, so
the demo and the tests never touch the network.

`point_to_buurt` answers with the buurt whose GeoJSON boundary (gebieden.Buurt.grens) contains a
point: a bounding-box prefilter, then even-odd ray casting, so Location.buurt can be derived.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import structlog
from django.conf import settings
from django.db.models import Avg, Q

from wijkteam.gebieden.models import Buurt

log = structlog.get_logger(__name__)

DEFAULT_LOCATIESERVER_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1"
TIMEOUT_SECONDS = 3.0
CACHE_SECONDS = 24 * 3600
# A failed or empty answer is kept briefly only: PDOK may be back in a minute.
MISS_CACHE_SECONDS = 300
_POSTCODE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})?\s*$")
_POINT = re.compile(r"POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)")
_TRUE = {"1", "true", "yes", "on", "ja"}

# The opener PDOK requests go through; tests replace it with recorded responses.
urlopen = urllib.request.urlopen

Point = tuple[float, float]  # (latitude, longitude), WGS84


# --- Settings -----------------------------------------------------------------------------------


def online_enabled() -> bool:
    value = getattr(settings, "WIJKTEAM_GEOCODING_ONLINE", None)
    if value is None:
        value = os.environ.get("WIJKTEAM_GEOCODING_ONLINE", "")
    if isinstance(value, str):
        return value.strip().lower() in _TRUE
    return bool(value)


def locatieserver_url() -> str:
    value = getattr(settings, "WIJKTEAM_PDOK_LOCATIESERVER_URL", None) or os.environ.get(
        "WIJKTEAM_PDOK_LOCATIESERVER_URL", ""
    )
    url = str(value or DEFAULT_LOCATIESERVER_URL).rstrip("/")
    if not url.startswith(("https://", "http://")):
        raise ValueError("WIJKTEAM_PDOK_LOCATIESERVER_URL must be an http(s) URL")
    return url


# --- Postcodes ----------------------------------------------------------------------------------


def normalise_postcode(value: str | None) -> str | None:
    """'3511ab' → '3511 AB'; '3511' → '3511' (a PC4 area); anything else → None."""
    match = _POSTCODE.match(value or "")
    if not match:
        return None
    if match.group(2) is None:
        return match.group(1)
    return f"{match.group(1)} {match.group(2).upper()}"


def postcode_to_point(postcode: str | None) -> Point | None:
    """The centre of a postcode (or PC4 area): our own addresses first, then PDOK when enabled."""
    normal = normalise_postcode(postcode)
    if normal is None:
        return None
    point = _local_point(normal)
    if point is not None:
        return point
    if not online_enabled():
        return None
    return _cached(("postcode", normal), lambda: _pdok_postcode(normal))


def _postcode_q(field: str, normal: str) -> Q:
    if len(normal) == 4:
        return Q(**{f"{field}__startswith": normal})
    compact = normal.replace(" ", "")
    return Q(**{f"{field}__in": [normal, compact, compact.lower(), normal.lower()]})


def _average(rows: Iterable[dict[str, Any]], lat: str, lon: str) -> Point | None:
    for row in rows:
        if row[lat] is not None and row[lon] is not None:
            return float(row[lat]), float(row[lon])
    return None


def _local_point(normal: str) -> Point | None:
    from wijkteam.huishoudens.models import Adres

    from .models import Address

    adressen = Adres.objects.filter(_postcode_q("postcode", normal))
    found = _average(
        [
            adressen.filter(latitude__isnull=False, longitude__isnull=False).aggregate(
                a=Avg("latitude"), o=Avg("longitude")
            )
        ],
        "a",
        "o",
    )
    if found:
        return found
    addresses = Address.objects.filter(_postcode_q("postal_code", normal))
    found = _average(
        [
            addresses.filter(location__latitude__isnull=False, location__longitude__isnull=False).aggregate(
                a=Avg("location__latitude"), o=Avg("location__longitude")
            )
        ],
        "a",
        "o",
    )
    if found:
        return found
    # No coordinates of their own: the centre of the buurt those addresses lie in.
    buurten = Buurt.objects.filter(
        Q(adressen__in=adressen) | Q(sociale_kaart_locations__addresses__in=addresses),
        latitude__isnull=False,
        longitude__isnull=False,
    ).distinct()
    return _average([buurten.aggregate(a=Avg("latitude"), o=Avg("longitude"))], "a", "o")


def wijk_point(code: str | None) -> Point | None:
    """The centre of a wijk: the mean of its buurt centres, else of its boundary's bounding box."""
    if not code:
        return None
    from wijkteam.gebieden.models import Wijk

    found = _average(
        [
            Buurt.objects.filter(wijk__code=code, latitude__isnull=False, longitude__isnull=False).aggregate(
                a=Avg("latitude"), o=Avg("longitude")
            )
        ],
        "a",
        "o",
    )
    if found:
        return found
    wijk = Wijk.objects.filter(code=code).only("grens").first()
    box = _bbox(_polygons(wijk.grens)) if wijk is not None and wijk.grens else None
    if box is None:
        return None
    min_lon, min_lat, max_lon, max_lat = box
    return (min_lat + max_lat) / 2, (min_lon + max_lon) / 2


# --- Point in buurt -----------------------------------------------------------------------------

Ring = list[tuple[float, float]]  # (lon, lat) pairs, as GeoJSON orders them
Polygon = list[Ring]  # outer ring first, then holes


def _polygons(geojson: Any) -> list[Polygon]:
    """Polygons of a GeoJSON geometry, Feature or FeatureCollection (Polygon / MultiPolygon)."""
    if not isinstance(geojson, dict):
        return []
    kind = geojson.get("type")
    if kind == "Feature":
        return _polygons(geojson.get("geometry"))
    if kind == "FeatureCollection":
        return [p for feature in geojson.get("features", []) for p in _polygons(feature)]
    coordinates = geojson.get("coordinates") or []
    try:
        if kind == "Polygon":
            return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in coordinates]]
        if kind == "MultiPolygon":
            return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in polygon] for polygon in coordinates]
    except (TypeError, ValueError):
        return []
    return []


def _bbox(polygons: list[Polygon]) -> tuple[float, float, float, float] | None:
    xs = [x for polygon in polygons for ring in polygon[:1] for x, _y in ring]
    ys = [y for polygon in polygons for ring in polygon[:1] for _x, y in ring]
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    count = len(ring)
    j = count - 1
    for i in range(count):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _in_polygons(x: float, y: float, polygons: list[Polygon]) -> bool:
    for polygon in polygons:
        if polygon and _in_ring(x, y, polygon[0]) and not any(_in_ring(x, y, hole) for hole in polygon[1:]):
            return True
    return False


@dataclass(frozen=True)
class _Shape:
    buurt_id: int
    bbox: tuple[float, float, float, float]
    polygons: list[Polygon]


class BuurtLocator:
    """Point-in-polygon over all buurt boundaries, loaded once: use one for a batch of points."""

    def __init__(self, buurten: Iterable[Buurt] | None = None) -> None:
        rows = buurten if buurten is not None else Buurt.objects.exclude(grens__isnull=True).only("id", "grens")
        self._shapes: list[_Shape] = []
        self._buurten: dict[int, Buurt] = {}
        for buurt in rows:
            polygons = _polygons(buurt.grens)
            box = _bbox(polygons)
            if box is None:
                continue
            self._shapes.append(_Shape(buurt.pk, box, polygons))
            self._buurten[buurt.pk] = buurt

    def locate(self, latitude: float, longitude: float) -> Buurt | None:
        x, y = longitude, latitude
        for shape in self._shapes:
            min_x, min_y, max_x, max_y = shape.bbox
            if not (min_x <= x <= max_x and min_y <= y <= max_y):
                continue
            if _in_polygons(x, y, shape.polygons):
                return self._buurten[shape.buurt_id]
        return None


def point_to_buurt(latitude: float | None, longitude: float | None) -> Buurt | None:
    """The buurt whose boundary holds the point (None outside every boundary, or without one)."""
    if latitude is None or longitude is None:
        return None
    return BuurtLocator().locate(latitude, longitude)


# --- PDOK Locatieserver -------------------------------------------------------------------------


@dataclass(frozen=True)
class GeocodedAddress:
    latitude: float
    longitude: float
    weergavenaam: str
    postcode: str
    buurtcode: str
    wijkcode: str
    gemeentecode: str


def geocode_address(street: str, number: str | int, postcode: str = "", city: str = "") -> GeocodedAddress | None:
    """An address's coordinates (and CBS codes) from PDOK; None when offline or not found."""
    if not online_enabled():
        return None
    normal = normalise_postcode(postcode) or ""
    text = " ".join(str(p).strip() for p in (street, number, normal, city) if str(p).strip())
    if not text:
        return None
    return _cached(("adres", text.lower()), lambda: _pdok_address(text))


def _pdok_address(text: str) -> GeocodedAddress | None:
    docs = pdok_search(text, "type:adres")
    if not docs:
        return None
    doc = docs[0]
    point = parse_point(doc.get("centroide_ll", ""))
    if point is None:
        return None
    return GeocodedAddress(
        latitude=point[0],
        longitude=point[1],
        weergavenaam=str(doc.get("weergavenaam", "")),
        postcode=normalise_postcode(str(doc.get("postcode", ""))) or "",
        buurtcode=str(doc.get("buurtcode", "")),
        wijkcode=str(doc.get("wijkcode", "")),
        gemeentecode=str(doc.get("gemeentecode", "")),
    )


def _pdok_postcode(normal: str) -> Point | None:
    docs = pdok_search(normal.replace(" ", ""), "type:postcode")
    wanted = normal.replace(" ", "")
    for doc in docs:
        if str(doc.get("postcode", "")).replace(" ", "").upper() in (wanted, "") or len(wanted) == 4:
            point = parse_point(doc.get("centroide_ll", ""))
            if point is not None:
                return point
    return None


def parse_point(value: str) -> Point | None:
    """'POINT(5.1214 52.0907)' (longitude first, as WKT) → (52.0907, 5.1214)."""
    match = _POINT.search(value or "")
    if not match:
        return None
    return float(match.group(2)), float(match.group(1))


def pdok_search(q: str, fq: str, *, rows: int = 5) -> list[dict[str, Any]]:
    """The docs of one Locatieserver /free request; [] on any failure (logged without the query)."""
    params = urllib.parse.urlencode({"q": q, "fq": fq, "rows": rows, "fl": "*"})
    url = f"{locatieserver_url()}/free?{params}"
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "wijkteam"})  # noqa: S310
    try:
        with urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except (OSError, ValueError) as exc:
        # OSError covers URLError and timeouts. The query (an address) stays out of the log.
        log.warning("geocoding.pdok_failed", kind=fq, error=type(exc).__name__)
        return []
    docs = payload.get("response", {}).get("docs", []) if isinstance(payload, dict) else []
    return [d for d in docs if isinstance(d, dict)]


# --- Cache (expiry moment, value) ------------------------------------------------------------

_cache: dict[tuple[str, str], tuple[float, Any]] = {}
_cache_lock = threading.Lock()
_MAX_CACHE = 10_000


def _cached(key: tuple[str, str], compute: Any) -> Any:
    now = time.monotonic()
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None and now < hit[0]:
            return hit[1]
    value = compute()
    with _cache_lock:
        if len(_cache) >= _MAX_CACHE:
            _cache.clear()
        _cache[key] = (now + (CACHE_SECONDS if value is not None else MISS_CACHE_SECONDS), value)
    return value


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()
