# SPDX-License-Identifier: EUPL-1.2
"""The collective share (/werk/hulpvragen/rapportage/): "collectief waar mogelijk" measured per levensdomein
and month. A page with a chart (server-side SVG) and its tables, and the same figures as CSV. Aggregates only,
with the municipality's disclosure control (publish.py); the figure definitions are in figures.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wijkteam.accounts.decorators import require
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.sociale_kaart.hsds_io.values import defuse_formula
from wijkteam.vroegsignalering.rapportage.disclosure import min_cell, min_denominator, rounding
from wijkteam.vroegsignalering.rapportage.funnel import months
from wijkteam.vroegsignalering.rapportage.views import PeriodForm, default_months

from ..triage.choices import Ondersteuning
from .access import collective_share_wijk_ids, may_view_collective_share
from .figures import ROUTES, collective_share_figures
from .publish import Row, Table, publish

# Stacked from the bottom: the collective routes first, so the share reads as the height of the green-blue part.
STACK: tuple[tuple[str, str], ...] = (
    (Ondersteuning.COLLECTIEF, "#39870c"), (Ondersteuning.BEIDE, "#01689b"), (Ondersteuning.INDIVIDUEEL, "#e17000"),
    (Ondersteuning.TWEEDE_LIJN, "#a90061"), (Ondersteuning.GEEN, "#696969"),
)
CHART_HEIGHT = 200
CHART_TOP = 20
CHART_LEFT = 50
COLUMN_WIDTH = 48
BAR_WIDTH = 28


@dataclass
class Segment:
    y: float
    height: float
    color: str
    title: str


@dataclass
class Column:
    x: float
    label_x: float
    maand: str
    segments: list[Segment]


@dataclass
class Report:
    form: PeriodForm
    van: dt.date
    tot: dt.date
    table: Table
    scope: str


def _report(request: HttpRequest) -> Report:
    van, tot = default_months(timezone.localdate())
    form = PeriodForm(request.GET or {"van": f"{van:%Y-%m}", "tot": f"{tot:%Y-%m}"})
    if form.is_valid():
        van, tot = form.cleaned_data["van"] or van, form.cleaned_data["tot"] or tot
    wijk_ids = collective_share_wijk_ids(request.user)
    table = publish(collective_share_figures(van, tot, wijk_ids), months(van, tot))
    scope = _("de hele gemeente") if wijk_ids is None else _("de wijken van uw team")
    return Report(form, van, tot, table, scope)


def chart(table: Table) -> tuple[list[Column], int]:
    """Stacked bars per month of the shown (rounded) counts; a hidden count gets no segment."""
    rows = [r for r in table.per_month() if r.maand is not None]
    top = max([sum(r.routes[route].value or 0 for route in ROUTES) for r in rows] + [1])
    columns = []
    for index, row in enumerate(rows):
        x = CHART_LEFT + index * COLUMN_WIDTH
        y = float(CHART_TOP + CHART_HEIGHT)
        segments = []
        for route, color in STACK:
            cell = row.routes[route]
            height = CHART_HEIGHT * (cell.value or 0) / top
            y -= height
            if height:
                segments.append(Segment(y=y, height=height, color=color,
                                        title=f"{Ondersteuning(route).label}: {cell.text}"))
        assert row.maand is not None
        columns.append(Column(x=x, label_x=x + BAR_WIDTH / 2, maand=date_format(row.maand, "M y"),
                              segments=segments))
    return columns, CHART_LEFT + len(rows) * COLUMN_WIDTH + 10


@require(may_view_collective_share)
def collective_share_page(request: HttpRequest) -> HttpResponse:
    report = _report(request)
    columns, width = chart(report.table)
    record(request, Action.READ, object_type="hulpvragen.rapportage",
           detail={"view": "collectief_aandeel", "van": report.van.isoformat(), "tot": report.tot.isoformat()})
    return render(request, "hulpvragen/rapportage/collective_share.html", {
        "report": report, "form": report.form, "table": report.table,
        "per_month": report.table.per_month(), "per_domain": report.table.per_domain(),
        "route_labels": [Ondersteuning(r).label for r in ROUTES],
        "legend": [(Ondersteuning(r).label, color) for r, color in STACK],
        "columns": columns, "chart_width": width, "chart_height": CHART_HEIGHT + CHART_TOP + 40,
        "baseline": CHART_TOP + CHART_HEIGHT, "bar_width": BAR_WIDTH,
        "matrix": [(domein, [report.table.row(m, domein) for m in report.table.months])
                   for domein in [*report.table.domains, ""]],
        "query": request.GET.urlencode(),
        "min_cel": min_cell(), "afronden": rounding(), "min_noemer": min_denominator(),
    })


def csv_header() -> list[str]:
    return [
        _("Maand"), _("Levensdomein"), _("Besluiten"), *[str(Ondersteuning(r).label) for r in ROUTES],
        _("Collectief aandeel (% van besluiten met ondersteuning)"), _("Afwijkend van het voorstel (%)"),
    ]


def csv_row(row: Row) -> list[str]:
    return [defuse_formula(cell) for cell in (
        row.maand.strftime("%Y-%m") if row.maand else _("hele periode"), row.naam, row.totaal.text,
        *[c.text for c in row.route_cells], row.collectief_aandeel.csv, row.afwijkend_aandeel.csv,
    )]


@require(may_view_collective_share)
def collective_share_csv(request: HttpRequest) -> HttpResponse:
    report = _report(request)
    out = io.StringIO()
    # Semicolons and a BOM: Dutch Excel opens it with the right columns and the right characters.
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([defuse_formula(h) for h in csv_header()])
    for row in report.table.long():
        writer.writerow(csv_row(row))
    record(request, Action.EXPORT, object_type="hulpvragen.rapportage",
           detail={"view": "collectief_aandeel_csv", "van": report.van.isoformat(), "tot": report.tot.isoformat()})
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="collectief-aandeel-{report.van:%Y-%m}-{report.tot:%Y-%m}.csv"')
    return response
