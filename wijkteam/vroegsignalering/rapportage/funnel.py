# SPDX-License-Identifier: EUPL-1.2
"""The Divosa funnel (issue 17 item 10b): per month and wijk, from the stored rows, aggregated in the database.

`funnel_figures(van, tot, wijk_ids)` returns raw figures per (month, wijk); `publish(...)` turns them into
what the page and the CSV show, with disclosure control (disclosure.py). Definitions:
- signalen: financial (Wgs) signals by signaaldatum month and the wijk of their buurt; concern signals never;
- signalen per 1,000 inwoners: needs a population per wijk (`inwoners_per_wijk`);
- share per partner type: signals of that type / signals;
- meldingen: zaken (a household's signals grouped) by the month received, split by Divosa classification
  (enkelvoudig / meervoudig / opeenvolgend, as services.classify sets it);
- bereikt: meldingen with at least one contact attempt that reached the resident (DDAS `bereikt`);
- hulp geaccepteerd: meldingen with `hulp_geaccepteerd`, as % of bereikt and of meldingen;
- werkdagen tot eerste contactpoging: Dutch working days (core.working_days) from received to the first
  attempt, the median over meldingen with an attempt;
- binnen termijn: meldingen whose first attempt was on or before their deadline, as % of those whose
  deadline is known and either met or passed (a zaak still inside its term counts in neither).
Every figure is one query per family (signals; meldingen; timing), grouped in the database; the timing
family returns one row of dates per melding, because working days and medians are not SQL.
Nothing here reads a personal field: after the purge the figures are the same.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count as DbCount
from django.db.models import F, Min, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from wijkteam.core.working_days import working_days_between
from wijkteam.gebieden.models import Wijk

from ..models import Classificatie, Signaal, Signaalpartner, SignaalSoort, Vroegsignaalzaak

Key = tuple[dt.date, int | None]  # (first day of the month, wijk id; None: address outside any known buurt)


@dataclass
class Figures:
    signalen: int = 0
    per_partner: dict[str, int] = field(default_factory=dict)
    meldingen: int = 0
    per_klasse: dict[str, int] = field(default_factory=dict)
    bereikt: int = 0
    hulp: int = 0
    werkdagen: list[int] = field(default_factory=list)
    binnen_termijn: int = 0
    termijn_bepaald: int = 0

    def add(self, other: Figures) -> None:
        self.signalen += other.signalen
        for k, v in other.per_partner.items():
            self.per_partner[k] = self.per_partner.get(k, 0) + v
        self.meldingen += other.meldingen
        for k, v in other.per_klasse.items():
            self.per_klasse[k] = self.per_klasse.get(k, 0) + v
        self.bereikt += other.bereikt
        self.hulp += other.hulp
        self.werkdagen += other.werkdagen
        self.binnen_termijn += other.binnen_termijn
        self.termijn_bepaald += other.termijn_bepaald

    @property
    def mediaan_werkdagen(self) -> float | None:
        return statistics.median(self.werkdagen) if self.werkdagen else None


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def months(van: dt.date, tot: dt.date) -> list[dt.date]:
    result, current = [], month_start(van)
    while current <= tot:
        result.append(current)
        current = month_end(current) + dt.timedelta(days=1)
    return result


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    # TruncMonth of a DateField is a date on every backend we run; be strict about it anyway.
    return value.date() if isinstance(value, dt.datetime) else value


def _scoped(qs: QuerySet, wijk_ids: Iterable[int] | None) -> QuerySet:
    return qs if wijk_ids is None else qs.filter(buurt__wijk_id__in=list(wijk_ids))


def funnel_figures(van: dt.date, tot: dt.date, wijk_ids: Iterable[int] | None = None, *,
                   today: dt.date | None = None) -> dict[Key, Figures]:
    """Raw figures per (month, wijk) for the months of [van, tot]; `wijk_ids` None: the whole gemeente."""
    today = today or timezone.localdate()
    van, tot = month_start(van), month_end(tot)
    wijk_ids = None if wijk_ids is None else list(wijk_ids)
    result: dict[Key, Figures] = defaultdict(Figures)

    signals = (_scoped(Signaal.objects.filter(soort=SignaalSoort.FINANCIEEL, signaaldatum__range=(van, tot)), wijk_ids)
               .annotate(maand=TruncMonth("signaaldatum"), wijk=F("buurt__wijk_id"))
               .values("maand", "wijk", "partnertype").annotate(n=DbCount("pk")).order_by())
    for row in signals:
        figures = result[(_as_date(row["maand"]), row["wijk"])]
        figures.signalen += row["n"]
        figures.per_partner[row["partnertype"]] = figures.per_partner.get(row["partnertype"], 0) + row["n"]

    zaken = _scoped(Vroegsignaalzaak.objects.filter(ontvangen__range=(van, tot)), wijk_ids)
    meldingen = (zaken.annotate(maand=TruncMonth("ontvangen"), wijk=F("buurt__wijk_id"))
                 .values("maand", "wijk", "classificatie")
                 .annotate(n=DbCount("pk", distinct=True),
                           bereikt=DbCount("pk", filter=Q(contactpogingen__bereikt=True), distinct=True),
                           hulp=DbCount("pk", filter=Q(hulp_geaccepteerd=True), distinct=True))
                 .order_by())
    for row in meldingen:
        figures = result[(_as_date(row["maand"]), row["wijk"])]
        figures.meldingen += row["n"]
        figures.per_klasse[row["classificatie"]] = figures.per_klasse.get(row["classificatie"], 0) + row["n"]
        figures.bereikt += row["bereikt"]
        figures.hulp += row["hulp"]

    timing = (zaken.annotate(maand=TruncMonth("ontvangen"), wijk=F("buurt__wijk_id"),
                             eerste_poging=Min("contactpogingen__datum"))
              .values_list("maand", "wijk", "ontvangen", "eerste_contactpoging", "eerste_poging",
                           "termijn_eerste_contact").order_by())
    for maand, wijk, ontvangen, eerste_veld, eerste_poging, termijn in timing.iterator(chunk_size=5000):
        figures = result[(_as_date(maand), wijk)]
        eerste = eerste_veld or eerste_poging
        if eerste is not None:
            figures.werkdagen.append(working_days_between(ontvangen, eerste))
        if termijn is not None:
            if eerste is not None and eerste <= termijn:
                figures.binnen_termijn += 1
                figures.termijn_bepaald += 1
            elif eerste is not None or termijn < today:
                figures.termijn_bepaald += 1
    return dict(result)


def inwoners_per_wijk(wijk_ids: Iterable[int]) -> dict[int, int]:
    """Population per wijk (`Wijk.inwoners`, from CBS); a wijk without it shows the per-1,000 figure as
    unknown rather than estimated from our own household register, which only holds residents the wijkteam
    knows."""
    rows = Wijk.objects.filter(pk__in=list(wijk_ids)).values_list("pk", "inwoners")
    return {pk: n for pk, n in rows if n}


PARTNER_TYPES: tuple[str, ...] = tuple(Signaalpartner.values)
KLASSEN: tuple[str, ...] = tuple(Classificatie.values)
