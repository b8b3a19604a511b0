# SPDX-License-Identifier: EUPL-1.2
"""The waiting overview's figures: second-line referrals per provider and product, aggregates only.

Definitions (docs/verwijzingen.md):
- *wachtend*: second-line referrals waiting now (verstuurd, ontvangen, geaccepteerd, wachtlijst);
- *gestart*: referrals whose care started in the period (the last `MONTHS` months, this one included);
- *wachttijd*: days from registration (aanmelding; the referral date when unknown) to the start, over the
  referrals started in the period: median and 90th percentile (nearest rank);
- *binnen norm*: the share of those started whose wait to intake and from intake to start were both within
  the norm stored on the referral when it was made (`wachttijd.stored_or_current`; the domain's current norm,
  `wachttijd.norms()`, only for referrals made before the norm was stored), so changing a norm never
  rewrites the figures of referrals made under the old one;
- the trend: the same per month of start, all providers together.

Disclosure control follows the municipal rule (/work/shared/roadmap/monitoring.md item 3, the same settings
as vroegsignalering's figures): a count under the minimum cell (10) is shown as "<10", others rounded to 5;
a median or percentile only over at least the minimum cell; a percentage only over at least the minimum
denominator (100); and where exactly one cell of a column is hidden, the next smallest is hidden too
(complementary suppression), so no hidden count follows from the totals. `raw` keeps the true numbers for
the tests; nothing renders it.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from dataclasses import dataclass, field

from django.db.models import Q

from wijkteam.vroegsignalering.rapportage.disclosure import Count, Rate, complement, count, min_cell, min_denominator

from .. import wachttijd
from ..models import WACHTEND, Soort, Verwijzing

MONTHS = 12


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def months_back(today: dt.date, n: int = MONTHS) -> list[dt.date]:
    index = today.year * 12 + today.month - 1
    return [dt.date((index - k) // 12, (index - k) % 12 + 1, 1) for k in range(n - 1, -1, -1)]


def p90(values: list[int]) -> int:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


@dataclass
class Stat:
    """Median, p90 and share within norm over one group of started referrals."""

    waits: list[int] = field(default_factory=list)
    within: int = 0

    @property
    def n(self) -> int:
        return len(self.waits)

    @property
    def shown(self) -> bool:
        return self.n >= min_cell()

    @property
    def mediaan(self) -> int | None:
        return int(statistics.median(self.waits)) if self.shown else None

    @property
    def p90(self) -> int | None:
        return p90(self.waits) if self.shown else None

    @property
    def raw_mediaan(self) -> float | None:
        return statistics.median(self.waits) if self.waits else None

    @property
    def binnen_norm(self) -> Rate:
        if self.n < min_denominator() or self.within < min_cell():
            return Rate(None)
        return Rate(100.0 * self.within / self.n)


@dataclass
class Row:
    organisatie: str
    product: str
    domein: str
    wachtend_raw: int = 0
    stat: Stat = field(default_factory=Stat)
    wachtend: Count = field(default_factory=lambda: count(0))
    gestart: Count = field(default_factory=lambda: count(0))


@dataclass
class Month:
    maand: dt.date
    stat: Stat = field(default_factory=Stat)
    gestart: Count = field(default_factory=lambda: count(0))


@dataclass
class Overview:
    van: dt.date
    tot: dt.date
    rows: list[Row]
    months: list[Month]


def build(today: dt.date) -> Overview:
    """Two queries whatever the size: the norms and the referrals that are waiting or started in the period."""
    table = wachttijd.norms()
    periods = months_back(today)
    van = periods[0]
    qs = (Verwijzing.objects.filter(soort=Soort.TWEEDE_LIJN)
          .filter(Q(status__in=sorted(WACHTEND)) | Q(gestart_op__gte=van, gestart_op__lte=today))
          .values_list("organisatie__naam", "product", "domein", "status", "verwezen_op", "aangemeld_op",
                       "intake_op", "gestart_op", "norm_dagen_tot_intake", "norm_dagen_tot_start"))
    rows: dict[tuple[str, str, str], Row] = {}
    by_month = {m: Month(m) for m in periods}
    for (org, product, domein, status, verwezen_op, aangemeld_op, intake_op, gestart_op, norm_intake,
         norm_start) in qs:
        key = (org, product, domein)
        row = rows.setdefault(key, Row(org, product, domein))
        if status in WACHTEND:
            row.wachtend_raw += 1
        if gestart_op is not None and van <= gestart_op <= today:
            norm = wachttijd.stored_or_current(domein, norm_intake, norm_start, table)
            start_from = aangemeld_op or verwezen_op
            intake = intake_op or gestart_op
            wait = (gestart_op - start_from).days
            ok = ((intake - start_from).days <= norm.dagen_tot_intake
                  and (gestart_op - intake).days <= norm.dagen_tot_start)
            for stat in (row.stat, by_month[month_start(gestart_op)].stat):
                stat.waits.append(wait)
                stat.within += int(ok)
    ordered = sorted(rows.values(), key=lambda r: (r.organisatie, r.product))
    for row in ordered:
        row.wachtend, row.gestart = count(row.wachtend_raw), count(row.stat.n)
    complement([r.wachtend for r in ordered])
    complement([r.gestart for r in ordered])
    months = list(by_month.values())
    for month in months:
        month.gestart = count(month.stat.n)
    complement([m.gestart for m in months])
    return Overview(van=van, tot=today, rows=ordered, months=months)
