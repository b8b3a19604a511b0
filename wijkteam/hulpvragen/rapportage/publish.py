# SPDX-License-Identifier: EUPL-1.2
"""The collective share as published: raw figures (figures.py) → cells with the municipality's disclosure rules.

The rules are vroegsignalering's (`vroegsignalering.rapportage.disclosure`: counts under the minimum hidden,
shown counts rounded, rates only over a large enough denominator and never with a hidden numerator), applied
here to a table with three ways of adding up, each protected by complementary suppression:
- within a row, the five routes add up to the decisions;
- within a month, the domains add up to "alle levensdomeinen";
- per domain, the months add up to the whole period.
Hiding a cell for one of these can leave exactly one hidden cell in another, so the passes repeat until
nothing changes (each pass hides at least one more cell, so it ends).
A rate whose numerator is made of parts is hidden when one of those parts is hidden: the rate times the
denominator would otherwise give the hidden part back by subtraction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from wijkteam.vroegsignalering.rapportage.disclosure import Count, Rate, complement, count, rate

from ..models import LEVENSDOMEINEN
from ..triage.choices import Ondersteuning
from .figures import ROUTES, Figures

ALL_DOMAINS = ""  # the domain key of the "alle levensdomeinen" rows


@dataclass
class Row:
    maand: dt.date | None  # None: the whole period
    domein: str  # an LD code, or ALL_DOMAINS
    naam: str
    routes: dict[str, Count]
    totaal: Count
    afwijkend_n: int
    steun_nodig_n: int

    @property
    def is_total(self) -> bool:
        return self.domein == ALL_DOMAINS

    @property
    def route_cells(self) -> list[Count]:
        return [self.routes[r] for r in ROUTES]

    @property
    def collectief_aandeel(self) -> Rate:
        parts = (self.routes[Ondersteuning.COLLECTIEF], self.routes[Ondersteuning.BEIDE])
        numerator = count(sum(c.raw for c in parts))
        if self.totaal.hidden or any(c.hidden for c in parts):
            numerator.hidden = True
        return rate(numerator, self.steun_nodig_n)

    @property
    def afwijkend_aandeel(self) -> Rate:
        return rate(count(self.afwijkend_n), self.totaal)


@dataclass
class Table:
    months: list[dt.date]
    domains: list[str]
    rows: dict[tuple[dt.date | None, str], Row]

    def row(self, maand: dt.date | None, domein: str) -> Row:
        return self.rows[(maand, domein)]

    def per_month(self) -> list[Row]:
        """All domains together, a row per month and the whole period last."""
        return [self.row(m, ALL_DOMAINS) for m in [*self.months, None]]

    def per_domain(self, maand: dt.date | None = None) -> list[Row]:
        """A row per domain and "alle levensdomeinen" last (the whole period unless a month is given)."""
        return [self.row(maand, d) for d in [*self.domains, ALL_DOMAINS]]

    def long(self) -> Iterator[Row]:
        """Every row, month by month and the whole period last (the CSV's order)."""
        for maand in [*self.months, None]:
            yield from self.per_domain(maand)


def domain_label(code: str) -> str:
    return str(LEVENSDOMEINEN.get(code, code)) if code != ALL_DOMAINS else _("Alle levensdomeinen")


def _row(maand: dt.date | None, domein: str, figures: Figures) -> Row:
    return Row(
        maand=maand, domein=domein, naam=domain_label(domein),
        routes={r: count(figures.per_route[r]) for r in ROUTES}, totaal=count(figures.totaal),
        afwijkend_n=figures.afwijkend, steun_nodig_n=figures.steun_nodig,
    )


TOTAL = "totaal"


def _cell(row: Row, column: str) -> Count:
    return row.totaal if column == TOTAL else row.routes[column]


def _protect(parts: Sequence[Count], whole: Count) -> bool:
    return False if whole.hidden else complement(list(parts))


def _suppress(table: Table) -> None:
    periods: list[dt.date | None] = [*table.months, None]
    domains = [*table.domains, ALL_DOMAINS]
    changed = True
    while changed:
        changed = False
        for row in table.rows.values():
            changed |= _protect(row.route_cells, row.totaal)
        for column in (TOTAL, *ROUTES):
            for maand in periods:  # the domains of a month add up to its "alle levensdomeinen" row
                parts = [_cell(table.row(maand, d), column) for d in table.domains]
                changed |= _protect(parts, _cell(table.row(maand, ALL_DOMAINS), column))
            if len(table.months) > 1:  # the months of a domain add up to its whole period
                for domein in domains:
                    parts = [_cell(table.row(m, domein), column) for m in table.months]
                    changed |= _protect(parts, _cell(table.row(None, domein), column))


def publish(figures: dict[tuple[dt.date, str], Figures], months: Sequence[dt.date]) -> Table:
    """Every levensdomein (also those without decisions: "none" is a figure too), every month, and the sums."""
    domains = list(LEVENSDOMEINEN)
    rows: dict[tuple[dt.date | None, str], Row] = {}
    period = {d: Figures() for d in [*domains, ALL_DOMAINS]}
    for maand in months:
        month_total = Figures()
        for domein in domains:
            cell = figures.get((maand, domein), Figures())
            month_total.add(cell)
            period[domein].add(cell)
            rows[(maand, domein)] = _row(maand, domein, cell)
        period[ALL_DOMAINS].add(month_total)
        rows[(maand, ALL_DOMAINS)] = _row(maand, ALL_DOMAINS, month_total)
    for domein, cell in period.items():
        rows[(None, domein)] = _row(None, domein, cell)
    table = Table(months=list(months), domains=domains, rows=rows)
    _suppress(table)
    return table
