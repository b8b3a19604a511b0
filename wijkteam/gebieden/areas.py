# SPDX-License-Identifier: EUPL-1.2
"""Which buurt holds a point: area logic, so it lives with the areas.

`point_to_buurt` answers with the buurt whose GeoJSON boundary (Buurt.grens) contains a point: a
bounding-box prefilter, then even-odd ray casting. `BuurtLocator` loads the boundaries once for a
batch of points (imports, the demo).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .models import Buurt

Ring = list[tuple[float, float]]  # (lon, lat) pairs, as GeoJSON orders them
Polygon = list[Ring]  # outer ring first, then holes


def polygons_of(geojson: Any) -> list[Polygon]:
    """Polygons of a GeoJSON geometry, Feature or FeatureCollection (Polygon / MultiPolygon)."""
    if not isinstance(geojson, dict):
        return []
    kind = geojson.get("type")
    if kind == "Feature":
        return polygons_of(geojson.get("geometry"))
    if kind == "FeatureCollection":
        return [p for feature in geojson.get("features", []) for p in polygons_of(feature)]
    coordinates = geojson.get("coordinates") or []
    try:
        if kind == "Polygon":
            return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in coordinates]]
        if kind == "MultiPolygon":
            return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in polygon] for polygon in coordinates]
    except (TypeError, ValueError):
        return []
    return []


def bbox_of(polygons: list[Polygon]) -> tuple[float, float, float, float] | None:
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


def _inpolygons_of(x: float, y: float, polygons: list[Polygon]) -> bool:
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
            polygons = polygons_of(buurt.grens)
            box = bbox_of(polygons)
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
            if _inpolygons_of(x, y, shape.polygons):
                return self._buurten[shape.buurt_id]
        return None


def point_to_buurt(latitude: float | None, longitude: float | None) -> Buurt | None:
    """The buurt whose boundary holds the point (None outside every boundary, or without one)."""
    if latitude is None or longitude is None:
        return None
    return BuurtLocator().locate(latitude, longitude)


