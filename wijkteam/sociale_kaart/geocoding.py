# SPDX-License-Identifier: EUPL-1.2
"""Where is a postcode, which buurt holds a point, and coordinates for an address.

Local knowledge first, the network last: a postcode is looked up in the public postcode table
(gebieden.Postcode: PC6 exactly, a PC4 area as the mean of its PC6 rows), never in residents'
addresses. Only when the setting WIJKTEAM_GEOCODING_ONLINE is on do we ask PDOK's
Locatieserver, the free national geocoder (https://api.pdok.nl/bzk/locatieserver/search/v3_1/),
through urllib with a short timeout; its answers are cached in the process. The default is off, so
the demo and the tests never touch the network.

`point_to_buurt` (in gebieden.areas, re-exported here) answers with the buurt whose boundary holds a
point, so Location.buurt can be derived.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

import structlog
from django.conf import settings
from django.db.models import Avg

# Point-in-buurt moved to gebieden.areas; re-exported so sociale kaart callers keep working.
from wijkteam.gebieden.areas import BuurtLocator as BuurtLocator
from wijkteam.gebieden.areas import bbox_of, polygons_of
from wijkteam.gebieden.areas import point_to_buurt as point_to_buurt
from wijkteam.gebieden.models import Buurt, Postcode, Wijk
from wijkteam.gebieden.postcodes import is_pc4, try_normalise_postcode

log = structlog.get_logger(__name__)

DEFAULT_LOCATIESERVER_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1"
TIMEOUT_SECONDS = 3.0
CACHE_SECONDS = 24 * 3600
# A failed or empty answer is kept briefly only: PDOK may be back in a minute.
MISS_CACHE_SECONDS = 300
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


def postcode_to_point(postcode: str | None) -> Point | None:
    """The centre of a postcode (or PC4 area): the gebieden postcode table first, then PDOK when enabled."""
    # A resident may type just the four digits: a PC4 area is a place on the map too.
    normal = try_normalise_postcode(postcode, allow_pc4=True)
    if normal is None:
        return None
    point = _local_point(normal)
    if point is not None:
        return point
    if not online_enabled():
        return None
    return _cached(("postcode", normal), lambda: _pdok_postcode(normal))


def _local_point(normal: str) -> Point | None:
    # Only the public postcode table: the public map must never learn anything from residents' addresses.
    if is_pc4(normal):
        found = Postcode.objects.filter(pc4=normal).aggregate(a=Avg("latitude"), o=Avg("longitude"))
        return (float(found["a"]), float(found["o"])) if found["a"] is not None else None
    row = Postcode.objects.filter(pc6=normal).values_list("latitude", "longitude").first()
    return (float(row[0]), float(row[1])) if row else None


def wijk_point(code: str | None) -> Point | None:
    """The centre of a wijk: the mean of its buurt centres, else of its boundary's bounding box."""
    if not code:
        return None
    centre = Buurt.objects.filter(wijk__code=code, latitude__isnull=False, longitude__isnull=False).aggregate(
        a=Avg("latitude"), o=Avg("longitude")
    )
    found = (float(centre["a"]), float(centre["o"])) if centre["a"] is not None else None
    if found:
        return found
    wijk = Wijk.objects.filter(code=code).only("grens").first()
    box = bbox_of(polygons_of(wijk.grens)) if wijk is not None and wijk.grens else None
    if box is None:
        return None
    min_lon, min_lat, max_lon, max_lat = box
    return (min_lat + max_lat) / 2, (min_lon + max_lon) / 2


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
    normal = try_normalise_postcode(postcode, allow_pc4=True) or ""
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
        postcode=try_normalise_postcode(str(doc.get("postcode", "")), allow_pc4=True) or "",
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
