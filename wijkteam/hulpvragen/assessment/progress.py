# SPDX-License-Identifier: EUPL-1.2
"""Progress per domain over time: the household's assessments as a table and as a server-side SVG chart.

Domains are compared by their levensdomein code, so assessments under different instrument versions
line up (a version changes the words, not what a domain is). The chart is drawn here, not in the browser:
no JavaScript, nothing from a CDN; it is an image with a text alternative, and the same figures are in
the table beside it (the page shows both).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ..models import Assessment, Score

# Distinguishable without colour too: every line has its own dash pattern and its label at the end.
_STYLES = (
    ("#01689b", ""),
    ("#8b4a00", "6 3"),
    ("#275937", "2 3"),
    ("#a90061", "8 3 2 3"),
    ("#42145f", "1 2"),
    ("#154273", "10 4"),
    ("#673327", "4 2 1 2"),
)
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 190, 16, 40
LABEL_SPACING = 15


@dataclass(frozen=True)
class Column:
    assessment_id: int
    datum: dt.date
    versie: str


@dataclass(frozen=True)
class Line:
    code: str
    naam: str
    levels: list[int | None]  # per column; None: not scored that time

    @property
    def change(self) -> int | None:
        known = [v for v in self.levels if v is not None]
        return known[-1] - known[0] if len(known) >= 2 else None


@dataclass(frozen=True)
class Progress:
    columns: list[Column]
    lines: list[Line]

    @property
    def has_history(self) -> bool:
        return len(self.columns) >= 2


def progress_for(huishouden_id: int | None, *, hulpvraag_id: int | None = None) -> Progress:
    """Every assessment of the household (or, without one, of the request), oldest first. Two queries."""
    assessments = Assessment.objects.select_related("instrument").order_by("datum", "id")
    if huishouden_id is not None:
        assessments = assessments.filter(huishouden_id=huishouden_id)
    elif hulpvraag_id is not None:
        assessments = assessments.filter(hulpvraag_id=hulpvraag_id)
    else:
        assessments = assessments.none()
    rows = list(assessments)
    columns = [Column(a.pk, a.datum, f"{a.instrument.naam} v{a.instrument.versie}") for a in rows]
    position = {a.pk: i for i, a in enumerate(rows)}
    levels: dict[str, list[int | None]] = {}
    names: dict[str, str] = {}
    for score in Score.objects.filter(assessment_id__in=list(position)).select_related("domein"):
        code = score.domein.code
        names.setdefault(code, score.domein.naam)
        levels.setdefault(code, [None] * len(rows))[position[score.assessment_id]] = score.niveau
    lines = [Line(code, names[code], levels[code]) for code in sorted(levels)]
    return Progress(columns=columns, lines=lines)


def chart_svg(progress: Progress, *, title_id: str = "voortgang-titel") -> SafeString:
    """A line per domain, levels 1-5 upwards, assessments left to right (evenly spaced, by date)."""
    if not progress.columns:
        return mark_safe("")
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    count = len(progress.columns)

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(level: int) -> float:
        return TOP + plot_h * (5 - level) / 4

    title = _("Voortgang per levensdomein: niveau 1 (acute problematiek) tot 5 (volledig zelfredzaam) per assessment")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wt-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{escape(title_id)}" focusable="false">',
        f'<title id="{escape(title_id)}">{escape(title)}</title>',
    ]
    for level in range(1, 6):
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(level):.1f}" y2="{y(level):.1f}" '
            'stroke="#b4b4b4" stroke-width="1"/>'
            f'<text x="{LEFT - 10}" y="{y(level) + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#1a1a1a">{level}</text>'
        )
    for i, column in enumerate(progress.columns):
        label = date_format(column.datum, "j M Y")
        parts.append(
            f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle" font-size="12" '
            f'fill="#1a1a1a">{escape(label)}</text>'
        )
    labels: list[tuple[float, str, str]] = []  # (y of the last point, colour, text)
    for index, line in enumerate(progress.lines):
        colour, dash = _STYLES[index % len(_STYLES)]
        points = [(x(i), y(level)) for i, level in enumerate(line.levels) if level is not None]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if len(points) > 1:
            coords = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        for px, py in points:
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{colour}"/>')
        if points:
            labels.append((points[-1][1], colour, f"{line.code} {line.naam}"))
    # Labels of lines ending on the same level would overlap: stack them at least a line apart.
    ordered = sorted(labels, key=lambda item: item[0])
    placed: list[float] = []
    for wanted, _colour, _text in ordered:
        placed.append(max(wanted + 4, placed[-1] + LABEL_SPACING) if placed else wanted + 4)
    overflow = max(0.0, (placed[-1] if placed else 0.0) - (HEIGHT - 4))
    for (_wanted, colour, text), at in zip(ordered, placed, strict=True):
        parts.append(
            f'<text x="{LEFT + plot_w + 10}" y="{max(12.0, at - overflow):.1f}" font-size="12" '
            f'fill="{colour}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every text in it is escaped above)
