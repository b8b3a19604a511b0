# SPDX-License-Identifier: EUPL-1.2
"""The funnel as published: raw figures (funnel.py) → rows of shown cells (disclosure.py), for page and CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ..models import Classificatie, Signaalpartner
from .disclosure import Count, Rate, complement, count, min_cell, rate
from .funnel import KLASSEN, PARTNER_TYPES, Figures


@dataclass
class Row:
    maand: dt.date | None  # None: the whole period
    wijk: str
    totaal: bool
    signalen: Count
    inwoners: int | None
    partners: list[tuple[str, Count]]
    meldingen: Count
    klassen: list[tuple[str, Count]]
    bereikt_n: Count
    hulp_n: Count
    mediaan: float | None
    binnen_termijn: Rate

    # Rates are computed when read, after complementary suppression has hidden what it must.
    @property
    def per_duizend(self) -> Rate:
        return rate(self.signalen, self.inwoners, per=1000)

    @property
    def aandelen(self) -> list[tuple[str, Count, Rate]]:
        return [(label, c, rate(c, self.signalen)) for label, c in self.partners]

    @property
    def bereikt(self) -> Rate:
        return rate(self.bereikt_n, self.meldingen)

    @property
    def hulp_van_bereikt(self) -> Rate:
        return rate(self.hulp_n, self.bereikt_n)

    @property
    def hulp_van_meldingen(self) -> Rate:
        return rate(self.hulp_n, self.meldingen)

    @property
    def mediaan_text(self) -> str:
        if self.mediaan is None:
            return "\N{EN DASH}"
        return number_format(self.mediaan, 0 if float(self.mediaan).is_integer() else 1)


@dataclass
class Group:
    maand: dt.date | None
    rows: list[Row]


def _row(maand: dt.date | None, wijk: str, figures: Figures, inwoners: int | None, *, totaal: bool) -> Row:
    signalen = count(figures.signalen)
    meldingen = count(figures.meldingen)
    bereikt, hulp = count(figures.bereikt), count(figures.hulp)
    partners = [(label, count(figures.per_partner.get(value, 0)))
                for value, label in zip(PARTNER_TYPES, Signaalpartner.labels, strict=True)]
    klassen = [(label, count(figures.per_klasse.get(value, 0)))
               for value, label in zip(KLASSEN, Classificatie.labels, strict=True)]
    # Parts of a shown whole: one hidden part would follow by subtraction.
    if not signalen.hidden:
        complement([c for _label, c in partners])
    if not meldingen.hidden:
        complement([c for _label, c in klassen])
    mediaan = figures.mediaan_werkdagen if len(figures.werkdagen) >= min_cell() else None
    return Row(
        maand=maand, wijk=wijk, totaal=totaal, signalen=signalen, inwoners=inwoners,
        partners=[(str(label), c) for label, c in partners],
        meldingen=meldingen, klassen=[(str(label), c) for label, c in klassen],
        bereikt_n=bereikt, hulp_n=hulp, mediaan=mediaan,
        binnen_termijn=rate(count(figures.binnen_termijn), figures.termijn_bepaald),
    )


def _complement_columns(rows: Sequence[Row]) -> None:
    """Within one group the wijk rows add up to the total row: protect each count column."""
    parts = [r for r in rows if not r.totaal]
    total = next((r for r in rows if r.totaal), None)
    if total is None or len(parts) < 2:
        return
    if not total.signalen.hidden:
        complement([r.signalen for r in parts])
    if not total.meldingen.hidden:
        complement([r.meldingen for r in parts])
    for index in range(len(total.partners)):
        if not total.partners[index][1].hidden:
            complement([r.partners[index][1] for r in parts])
    for index in range(len(total.klassen)):
        if not total.klassen[index][1].hidden:
            complement([r.klassen[index][1] for r in parts])


def publish(figures: dict[tuple[dt.date, int | None], Figures], months: Sequence[dt.date],
            wijken: Sequence[tuple[int | None, str]], inwoners: dict[int, int]) -> list[Group]:
    """One group per month and one for the whole period; each group a row per wijk plus its total."""
    groups: list[Group] = []
    period: dict[int | None, Figures] = {wijk_id: Figures() for wijk_id, _naam in wijken}
    known_inwoners = sum(inwoners.get(w, 0) for w, _n in wijken if w is not None)
    all_known = bool(wijken) and all(w is not None and w in inwoners for w, _n in wijken)
    for maand in [*months, None]:
        rows = []
        total = Figures()
        for wijk_id, naam in wijken:
            if maand is None:
                cell = period[wijk_id]
            else:
                cell = figures.get((maand, wijk_id), Figures())
                period[wijk_id].add(cell)
            total.add(cell)
            per_wijk = inwoners.get(wijk_id) if wijk_id is not None else None
            # Over a whole period the per-1,000 figure would mix months: it is a monthly rate.
            rows.append(_row(maand, naam, cell, per_wijk if maand is not None else None, totaal=False))
        rows.append(_row(maand, _("Totaal"), total, known_inwoners if all_known and maand is not None else None,
                         totaal=True))
        _complement_columns(rows)
        groups.append(Group(maand, rows))
    return groups
