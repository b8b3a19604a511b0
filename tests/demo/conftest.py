# SPDX-License-Identifier: EUPL-1.2
"""A small Gemeente Voorbeeld (200 households, seed 42) and geometry helpers for the demo tests."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import pytest

from wijkteam.demo.generator import generate

SEED = 42
SCALE = 200

Point = tuple[float, float]


@pytest.fixture
def demo_town(db: None) -> dict[str, int]:
    return generate(seed=SEED, scale=SCALE)


@pytest.fixture
def demo_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """What `run.py demo` sets: the demo commands refuse to run without it."""
    monkeypatch.setenv("WIJKTEAM_ENV", "demo")


def ring(geojson: dict[str, object]) -> list[Point]:
    assert geojson["type"] == "Polygon"
    coordinates = geojson["coordinates"]
    assert isinstance(coordinates, list) and len(coordinates) == 1, "one exterior ring, no holes"
    points = [(float(x), float(y)) for x, y in coordinates[0]]
    assert points[0] == points[-1], "GeoJSON rings are closed"
    return points


def contains(points: Sequence[Point], x: float, y: float) -> bool:
    """Even-odd ray casting: does the closed ring `points` contain (x, y)?"""
    inside = False
    for (x1, y1), (x2, y2) in pairwise(points):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def signed_area(points: Sequence[Point]) -> float:
    """Shoelace formula; positive for counter-clockwise rings (GeoJSON's exterior order)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(points)) / 2
