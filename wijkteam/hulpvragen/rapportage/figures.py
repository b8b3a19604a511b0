# SPDX-License-Identifier: EUPL-1.2
"""The collective share's raw figures: per month and levensdomein, how the triage decisions fell.

Definitions (one place, so page, CSV and tests agree):
- **A decision** is the decision that counts for one levensdomein of one request: the latest `TriageBesluit`
  for that (request, domain) pair. A redone triage therefore counts once, with its newest choice (the same
  rule as `triage.reads.counts_per_domain`).
- **Its month** is the (local) month in which that decision was recorded.
- **Its wijk** is the wijk of the request's buurt as kept on the decision (it stays after anonymisation);
  a teamleider's figures hold the decisions in the own teams' wijken, the analist's all of them.
- The five routes are the worker's choice, mutually exclusive: collectief, individueel, beide, geen
  ondersteuning nodig, tweede lijn; they add up to the decisions.
- **Collective share** = (collectief + beide) / (decisions - geen): of the domains that needed support, how
  often a collective provision was (part of) the route. "Geen ondersteuning nodig" is no route, so it is
  left out of the denominator.
- **Deviation share** = decisions that differ from the engine's proposal / all decisions.
One aggregate query, whatever the period: no person, household or free text leaves the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ..models import TriageBesluit
from ..triage.choices import Ondersteuning

ROUTES: tuple[str, ...] = (
    Ondersteuning.COLLECTIEF, Ondersteuning.INDIVIDUEEL, Ondersteuning.BEIDE, Ondersteuning.GEEN,
    Ondersteuning.TWEEDE_LIJN,
)


@dataclass
class Figures:
    """Raw counts of one cell (a month and a domain, or a sum of cells)."""

    per_route: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROUTES, 0))
    afwijkend: int = 0

    @property
    def totaal(self) -> int:
        return sum(self.per_route.values())

    @property
    def collectief_teller(self) -> int:
        return self.per_route[Ondersteuning.COLLECTIEF] + self.per_route[Ondersteuning.BEIDE]

    @property
    def steun_nodig(self) -> int:
        return self.totaal - self.per_route[Ondersteuning.GEEN]

    def add(self, other: Figures) -> None:
        for route, n in other.per_route.items():
            self.per_route[route] += n
        self.afwijkend += other.afwijkend


def _start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def _as_month(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.replace(day=1)


def collective_share_figures(
    van: dt.date, tot: dt.date, wijk_ids: Sequence[int] | None
) -> dict[tuple[dt.date, str], Figures]:
    """Raw figures per (month, domain code) for the months van..tot (first days of months), both included."""
    newer = TriageBesluit.objects.filter(hulpvraag_id=OuterRef("hulpvraag_id"), domein=OuterRef("domein"),
                                         id__gt=OuterRef("id"))
    rows = TriageBesluit.objects.filter(~Exists(newer), tijdstip__gte=_start(van.replace(day=1)),
                                        tijdstip__lt=_start(_next_month(tot)))
    if wijk_ids is not None:
        rows = rows.filter(buurt__wijk_id__in=list(wijk_ids))
    grouped = (
        rows.annotate(maand=TruncMonth("tijdstip"))
        .values("maand", "domein", "besluit")
        .annotate(n=Count("id"), afwijkend=Count("id", filter=~Q(besluit=F("voorstel"))))
        .order_by()
    )
    figures: dict[tuple[dt.date, str], Figures] = {}
    for g in grouped:
        if g["besluit"] not in ROUTES:
            continue  # not a route of today's choices: no such rows are written; never silently mis-sorted
        cell = figures.setdefault((_as_month(g["maand"]), g["domein"]), Figures())
        cell.per_route[g["besluit"]] += g["n"]
        cell.afwijkend += g["afwijkend"]
    return figures
