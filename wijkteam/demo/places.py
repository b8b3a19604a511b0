# SPDX-License-Identifier: EUPL-1.2
"""Gemeente, wijken and buurten of the demo town, with GeoJSON boundaries that tile exactly.

The town is a 4 x 4 grid of buurten (about 1 km each) around 52.10 N, 5.10 E. Grid corners are
shared between neighbours and jittered a little, so boundaries look drawn rather than ruled yet
still tile without gaps or overlaps. Small jitter keeps every buurt a convex quadrilateral, which
lets the address step place points inside it with a plain bilinear map.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from django.db.models import QuerySet

from wijkteam.gebieden.models import Buurt, Gemeente, Wijk

from .generator import GEMEENTE_CODE, GEMEENTE_NAAM, DemoContext, Step, register

Point = tuple[float, float]  # (lon, lat): GeoJSON order
Quad = tuple[Point, Point, Point, Point]  # south-west, south-east, north-east, north-west
Cell = tuple[int, int]  # (row, column); row 0 is the north edge

GRID = 4
CENTRE_LAT, CENTRE_LON = 52.10, 5.10
CELL_LAT = 0.009  # ~1 km
CELL_LON = 0.0146  # ~1 km at this latitude
JITTER = 0.12  # of a cell; far below the ~0.35 at which a quad could turn concave

# Centrum in the middle, the other wijken wrapped around it; each owns four contiguous cells.
WIJKEN: tuple[tuple[str, str, tuple[Cell, ...]], ...] = (
    ("WK099900", "Centrum", ((1, 1), (1, 2), (2, 1), (2, 2))),
    ("WK099901", "Noord", ((0, 0), (0, 1), (0, 2), (0, 3))),
    ("WK099902", "Oost", ((1, 3), (2, 3), (3, 3), (3, 2))),
    ("WK099903", "Zuid-West", ((1, 0), (2, 0), (3, 0), (3, 1))),
)
BUURT_NAMEN: dict[str, tuple[str, str, str, str]] = {
    "WK099900": ("Binnenstad", "Oude Haven", "Stationskwartier", "Kerkebuurt"),
    "WK099901": ("Molenwijk", "Vogelbuurt", "Bloemenbuurt", "Noorderpark"),
    "WK099902": ("Rivierenwijk", "Schildersbuurt", "De Weide", "Oosterhof"),
    "WK099903": ("Componistenbuurt", "Lindenhof", "Het Hoogland", "Sterrenwijk"),
}


def corner_grid(rng: random.Random) -> list[list[Point]]:
    """(GRID+1)^2 shared corner points; row 0 is the northern edge."""
    north = CENTRE_LAT + CELL_LAT * GRID / 2
    west = CENTRE_LON - CELL_LON * GRID / 2
    return [
        [
            (
                round(west + (col + rng.uniform(-JITTER, JITTER)) * CELL_LON, 6),
                round(north - (row + rng.uniform(-JITTER, JITTER)) * CELL_LAT, 6),
            )
            for col in range(GRID + 1)
        ]
        for row in range(GRID + 1)
    ]


def cell_corners(cell: Cell) -> tuple[Cell, Cell, Cell, Cell]:
    """Grid-corner indices of a cell, counter-clockwise from south-west (GeoJSON's exterior order)."""
    row, col = cell
    return (row + 1, col), (row + 1, col + 1), (row, col + 1), (row, col)


def outline(cells: Sequence[Cell]) -> list[Cell]:
    """Corner indices around the union of `cells`, counter-clockwise, not closed.

    An edge shared by two cells appears once in each direction; what is left is the outline.
    The wijken are simply connected, so every outline corner has exactly one outgoing edge.
    """
    edges: set[tuple[Cell, Cell]] = set()
    for cell in cells:
        corners = cell_corners(cell)
        for i in range(4):
            edge = (corners[i], corners[(i + 1) % 4])
            if (edge[1], edge[0]) in edges:
                edges.remove((edge[1], edge[0]))
            else:
                edges.add(edge)
    following = dict(edges)
    start = min(following)
    ring = [start]
    while (nxt := following[ring[-1]]) != start:
        ring.append(nxt)
    return ring


def polygon(points: Sequence[Point]) -> dict[str, object]:
    ring = [[lon, lat] for lon, lat in points]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def quad_of(buurt: Buurt) -> Quad:
    """The four corners of a demo buurt, read back from its boundary."""
    ring = buurt.grens["coordinates"][0]  # type: ignore[index]
    sw, se, ne, nw = ((float(p[0]), float(p[1])) for p in ring[:4])
    return sw, se, ne, nw


def bilinear(quad: Quad, u: float, v: float) -> Point:
    """Point at (u, v) in [0, 1]^2 of a convex quad: u runs west→east, v south→north."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = quad
    a, b, c, d = (1 - u) * (1 - v), u * (1 - v), u * v, (1 - u) * v
    return a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3


def run(ctx: DemoContext) -> None:
    grid = corner_grid(ctx.rng("places"))
    gemeente = Gemeente.objects.create(code=GEMEENTE_CODE, naam=GEMEENTE_NAAM)
    buurten: list[Buurt] = []
    for wijk_code, wijk_naam, cells in WIJKEN:
        wijk_ring = [grid[r][c] for r, c in outline(cells)]
        wijk = Wijk.objects.create(gemeente=gemeente, code=wijk_code, naam=wijk_naam, grens=polygon(wijk_ring))
        for index, (cell, naam) in enumerate(zip(cells, BUURT_NAMEN[wijk_code], strict=True)):
            quad: Quad = tuple(grid[r][c] for r, c in cell_corners(cell))  # type: ignore[assignment]
            lon, lat = bilinear(quad, 0.5, 0.5)
            buurten.append(
                Buurt(
                    wijk=wijk,
                    code=f"BU{wijk_code[2:]}{index:02d}",
                    naam=naam,
                    grens=polygon(quad),
                    latitude=round(lat, 6),
                    longitude=round(lon, 6),
                )
            )
    Buurt.objects.bulk_create(buurten)
    ctx.counts.update(wijken=len(WIJKEN), buurten=len(buurten))


def demo_buurten() -> QuerySet[Buurt]:
    return Buurt.objects.filter(wijk__gemeente__code=GEMEENTE_CODE).select_related("wijk").order_by("code")


def reset(ctx: DemoContext) -> None:
    Buurt.objects.filter(wijk__gemeente__code=GEMEENTE_CODE).delete()
    Wijk.objects.filter(gemeente__code=GEMEENTE_CODE).delete()
    Gemeente.objects.filter(code=GEMEENTE_CODE).delete()


STEP = register(Step(name="places", order=10, run=run, reset=reset))
