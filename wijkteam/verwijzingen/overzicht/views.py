# SPDX-License-Identifier: EUPL-1.2
"""The waiting overview (/werk/verwijzingen/wachttijden/): page with a server-side SVG chart and its table,
and the same figures as CSV. Aggregates only, with disclosure control (figures.py); analisten and teamleiders.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.accounts.decorators import require
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.csv_safety import defuse_formula
from wijkteam.vroegsignalering.rapportage.disclosure import min_cell, min_denominator, rounding

from .. import wachttijd
from ..access import may_view_wachttijden
from .figures import Overview, build

CHART_WIDTH, CHART_HEIGHT, BASELINE, LEFT = 720, 260, 220, 45


def _chart(overview: Overview) -> dict[str, Any]:
    """Bars of the median wait per month (where shown), with the Treeknorm's total as a line."""
    norm_total = wachttijd.DEFAULT_NORM.dagen_tot_intake + wachttijd.DEFAULT_NORM.dagen_tot_start
    values = [m.stat.mediaan or 0 for m in overview.months]
    top = max([norm_total, *values]) or 1
    scale = (BASELINE - 20) / top
    step = (CHART_WIDTH - LEFT) / max(1, len(overview.months))
    bars = []
    for i, month in enumerate(overview.months):
        value = month.stat.mediaan
        height = (value or 0) * scale
        bars.append({"x": LEFT + i * step + step / 2 - 10, "y": BASELINE - height, "height": height,
                     "label_x": LEFT + i * step + step / 2, "maand": month.maand, "value": value})
    return {"bars": bars, "norm_y": BASELINE - norm_total * scale, "norm_total": norm_total,
            "chart_width": CHART_WIDTH, "chart_height": CHART_HEIGHT, "baseline": BASELINE, "left": LEFT}


@require(may_view_wachttijden)
def overzicht(request: HttpRequest) -> HttpResponse:
    overview = build(timezone.localdate())
    record(request, Action.READ, object_type="verwijzingen.wachttijden", detail={"van": overview.van.isoformat()})
    return render(request, "verwijzingen/overzicht/wachttijden.html", {
        "overview": overview, **_chart(overview), "min_cel": min_cell(), "afronden": rounding(),
        "min_noemer": min_denominator(), "norms": wachttijd.norms(),
    })


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


@require(may_view_wachttijden)
def overzicht_csv(request: HttpRequest) -> HttpResponse:
    overview = build(timezone.localdate())
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("onderdeel"), _("aanbieder"), _("product"), _("maand"), _("wachtend"), _("gestart"),
                     _("wachttijd mediaan (dagen)"), _("wachttijd p90 (dagen)"), _("binnen norm (%)")])
    for row in overview.rows:
        # Organisation and product names are typed by partners: texts a spreadsheet must not run.
        writer.writerow(["aanbieder", defuse_formula(row.organisatie), defuse_formula(row.product), "",
                         row.wachtend.text, row.gestart.text,
                         _text(row.stat.mediaan), _text(row.stat.p90),
                         "" if row.stat.binnen_norm.value is None else row.stat.binnen_norm.text])
    for month in overview.months:
        writer.writerow(["maand", "", "", month.maand.strftime("%Y-%m"), "", month.gestart.text,
                         _text(month.stat.mediaan), _text(month.stat.p90),
                         "" if month.stat.binnen_norm.value is None else month.stat.binnen_norm.text])
    record(request, Action.EXPORT, object_type="verwijzingen.wachttijden", detail={"formaat": "csv"})
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="wachttijden-{overview.tot.isoformat()}.csv"'
    return response
