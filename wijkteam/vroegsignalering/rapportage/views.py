# SPDX-License-Identifier: EUPL-1.2
"""Rapportage pages (/werk/vroegsignalering/rapportage/): the Divosa funnel (page with chart and table, CSV)
and the DDAS delivery (JSON download). Aggregates only, with disclosure control; who may use them is in
`access.py` (analist: the gemeente; teamleider: the own team's wijken)."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkteam.accounts.decorators import require
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.csv_safety import defuse_formula
from wijkteam.core.forms import UtrechtFormMixin, check_supported_year
from wijkteam.gebieden.models import Wijk

from ..access import may_export_ddas, may_view_vroegsignalering_rapportage, rapportage_wijk_ids
from .ddas_export import build_uitwisselmodel
from .disclosure import min_cell, min_denominator, rounding
from .funnel import funnel_figures, inwoners_per_wijk, month_end, month_start, months
from .publish import Group, Row, publish

MAX_MONTHS = 36
DDAS_MAX_MONTHS = 13
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month", "inputmode": "numeric", "pattern": r"\d{4}-\d{2}"})

    def to_python(self, value: Any) -> dt.date | None:  # type: ignore[override]
        text = (value or "").strip()
        if not text:
            return None
        match = _MONTH.match(text)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise forms.ValidationError(_("Vul een maand in als jjjj-mm, bijvoorbeeld 2026-03."))
        month = dt.date(int(match.group(1)) or 1, int(match.group(2)), 1)  # year 0000: refused just below
        check_supported_year(month)
        return month


class PeriodForm(UtrechtFormMixin, forms.Form):
    van = MonthField(label=gettext_lazy("Vanaf maand"), help_text=gettext_lazy("Als jjjj-mm, bijvoorbeeld 2026-01."))
    tot = MonthField(label=gettext_lazy("Tot en met maand"),
                     help_text=gettext_lazy("Als jjjj-mm, bijvoorbeeld 2026-12."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if van and tot:
            if tot < van:
                self.add_error("tot", _("De laatste maand ligt voor de eerste maand."))
            elif len(months(van, tot)) > MAX_MONTHS:
                self.add_error("tot", _("Kies hoogstens %(n)s maanden.") % {"n": MAX_MONTHS})
        return data


def default_months(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last twelve months, this one included."""
    tot = month_start(today)
    index = tot.year * 12 + tot.month - 1 - 11
    return dt.date(index // 12, index % 12 + 1, 1), tot


@dataclass
class Funnel:
    form: PeriodForm
    van: dt.date
    tot: dt.date
    groups: list[Group]
    scope: str


def _funnel(request: HttpRequest) -> Funnel:
    today = timezone.localdate()
    van, tot = default_months(today)
    form = PeriodForm(request.GET or {"van": f"{van:%Y-%m}", "tot": f"{tot:%Y-%m}"})
    if form.is_valid():
        van, tot = form.cleaned_data["van"] or van, form.cleaned_data["tot"] or tot
    wijk_ids = rapportage_wijk_ids(request.user)
    wijk_qs = Wijk.objects.order_by("code")
    if wijk_ids is not None:
        wijk_qs = wijk_qs.filter(pk__in=wijk_ids)
    wijken: list[tuple[int | None, str]] = list(wijk_qs.values_list("pk", "naam"))
    figures = funnel_figures(van, month_end(tot), wijk_ids, today=today)
    if wijk_ids is None and any(w is None for _m, w in figures):
        wijken.append((None, _("Wijk onbekend")))
    inwoners = inwoners_per_wijk([w for w, _n in wijken if w is not None])
    groups = publish(figures, months(van, tot), wijken, inwoners)
    scope = _("de hele gemeente") if wijk_ids is None else _("de wijken van uw team")
    return Funnel(form, van, tot, groups, scope)


@dataclass
class Bar:
    x: float
    y: float
    height: float
    label: str


@dataclass
class BarGroup:
    maand: str
    x: float
    bars: list[Bar]


CHART_HEIGHT = 200
CHART_TOP = 20
SERIES = ("meldingen", "bereikt", "hulp")


def chart(groups: list[Group]) -> tuple[list[BarGroup], float]:
    """Grouped bars per month from the total rows (shown, rounded values; hidden ones get no bar)."""
    totals = [g.rows[-1] for g in groups if g.maand is not None]
    values = [[r.meldingen.value, r.bereikt_n.value, r.hulp_n.value] for r in totals]
    top = max([v or 0 for row in values for v in row] + [1])
    group_width, bar_width = 54.0, 14.0
    result = []
    for index, (row, vals) in enumerate(zip(totals, values, strict=True)):
        x0 = 50 + index * group_width
        bars = []
        for series, value in enumerate(vals):
            height = CHART_HEIGHT * (value or 0) / top
            texts = (row.meldingen.text, row.bereikt_n.text, row.hulp_n.text)
            bars.append(Bar(x=x0 + series * (bar_width + 2), y=CHART_TOP + CHART_HEIGHT - height, height=height,
                            label=texts[series]))
        assert row.maand is not None
        result.append(BarGroup(maand=date_format(row.maand, "M y"), x=x0 + 24, bars=bars))
    return result, 60 + len(totals) * group_width


@require(may_view_vroegsignalering_rapportage)
def funnel_page(request: HttpRequest) -> HttpResponse:
    funnel = _funnel(request)
    bars, width = chart(funnel.groups)
    record(request, Action.READ, object_type="vroegsignalering.rapportage",
           detail={"view": "funnel", "van": funnel.van.isoformat(), "tot": funnel.tot.isoformat()})
    return render(request, "vroegsignalering/rapportage/funnel.html", {
        "funnel": funnel, "form": funnel.form, "bars": bars, "chart_width": width,
        "chart_height": CHART_HEIGHT + CHART_TOP + 40, "baseline": CHART_TOP + CHART_HEIGHT,
        "partner_labels": [label for label, _c in funnel.groups[0].rows[0].partners] if funnel.groups else [],
        "klasse_labels": [label for label, _c in funnel.groups[0].rows[0].klassen] if funnel.groups else [],
        "query": request.GET.urlencode(),
        "min_cel": min_cell(), "afronden": rounding(), "min_noemer": min_denominator(),
    })


def csv_header(row: Row) -> list[str]:
    return [
        _("Maand"), _("Wijk"), _("Signalen"), _("Signalen per 1.000 inwoners"), _("Meldingen"),
        *[_("Meldingen %(soort)s") % {"soort": label.lower()} for label, _c in row.klassen],
        _("Bereikt (%)"), _("Hulp geaccepteerd (% van bereikt)"), _("Hulp geaccepteerd (% van meldingen)"),
        _("Mediaan werkdagen tot eerste contactpoging"), _("Eerste contactpoging binnen termijn (%)"),
        *[h for label, _c in row.partners
          for h in (_("Signalen %(partner)s") % {"partner": label},
                    _("Aandeel %(partner)s (%%)") % {"partner": label})],
    ]


def csv_row(row: Row) -> list[str]:
    mediaan = "" if row.mediaan is None else f"{row.mediaan:g}".replace(".", ",")
    return [
        # The wijk's name is typed in by a beheerder (or imported): a text a spreadsheet must not run.
        row.maand.strftime("%Y-%m") if row.maand else _("hele periode"), defuse_formula(row.wijk), row.signalen.text,
        row.per_duizend.csv, row.meldingen.text, *[c.text for _label, c in row.klassen],
        row.bereikt.csv, row.hulp_van_bereikt.csv, row.hulp_van_meldingen.csv, mediaan, row.binnen_termijn.csv,
        *[v for _label, c, share in row.aandelen for v in (c.text, share.csv)],
    ]


@require(may_view_vroegsignalering_rapportage)
def funnel_csv(request: HttpRequest) -> HttpResponse:
    funnel = _funnel(request)
    out = io.StringIO()
    # Semicolons and a BOM: Dutch Excel opens it with the right columns and the right characters.
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    rows = [row for group in funnel.groups for row in group.rows]
    if rows:
        writer.writerow(csv_header(rows[0]))
    for row in rows:
        writer.writerow(csv_row(row))
    record(request, Action.EXPORT, object_type="vroegsignalering.rapportage",
           detail={"view": "funnel_csv", "van": funnel.van.isoformat(), "tot": funnel.tot.isoformat()})
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="vroegsignalering-trechter-{funnel.van:%Y-%m}-{funnel.tot:%Y-%m}.csv"')
    return response


class DdasForm(UtrechtFormMixin, forms.Form):
    van = forms.DateField(label=gettext_lazy("Van"), widget=forms.DateInput(attrs={"type": "date"}),
                          help_text=gettext_lazy("Eerste dag van de periode."))
    tot = forms.DateField(label=gettext_lazy("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}),
                          help_text=gettext_lazy("Laatste dag van de periode."))

    def clean_van(self) -> dt.date | None:
        value: dt.date | None = self.cleaned_data.get("van")
        if value is not None:
            check_supported_year(value)
        return value

    def clean_tot(self) -> dt.date | None:
        value: dt.date | None = self.cleaned_data.get("tot")
        if value is not None:
            check_supported_year(value)
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if van and tot:
            if tot < van:
                self.add_error("tot", _("De einddatum ligt voor de begindatum."))
            elif tot >= ddas_period_end(van):
                # The delivery is built in memory, record by record: a bounded period keeps it so.
                self.add_error("tot", _("Tot en met: kies een datum binnen %(n)s maanden na de begindatum "
                                        "(uiterlijk %(datum)s).")
                               % {"n": DDAS_MAX_MONTHS,
                                  "datum": date_format(ddas_period_end(van) - dt.timedelta(days=1), "j F Y")})
        return data


def ddas_period_end(van: dt.date) -> dt.date:
    """The first day past the longest period a delivery may cover: the same day DDAS_MAX_MONTHS months after
    `van` (the month's last day where it is shorter)."""
    year, month = divmod(van.year * 12 + van.month - 1 + DDAS_MAX_MONTHS, 12)
    return dt.date(year, month + 1, min(van.day, calendar.monthrange(year, month + 1)[1]))


def previous_month(today: dt.date) -> tuple[dt.date, dt.date]:
    last = month_start(today) - dt.timedelta(days=1)
    return month_start(last), last


@require(may_export_ddas)
def ddas_page(request: HttpRequest) -> HttpResponse:
    van, tot = previous_month(timezone.localdate())
    form = DdasForm(request.GET or None, initial={"van": van, "tot": tot})
    if request.GET and form.is_valid():
        van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
        document = build_uitwisselmodel(van, tot)
        record(request, Action.EXPORT, object_type="vroegsignalering.ddas",
               detail={"van": van.isoformat(), "tot": tot.isoformat(),
                       "signalen": sum(len(lv.get("vroegsignalen", [])) for lv in document.get("leveringen", [])),
                       "zaken": sum(len(lv.get("vroegsignaalzaken", [])) for lv in document.get("leveringen", []))})
        response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=2),
                                content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ddas-vroegsignalering-{van}-{tot}.json"'
        return response
    return render(request, "vroegsignalering/rapportage/ddas.html", {"form": form},
                  status=400 if request.GET else 200)
