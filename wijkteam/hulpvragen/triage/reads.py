# SPDX-License-Identifier: EUPL-1.2
"""Published reads of the triage decisions: the decision that counts per domain of a request, and the
counts per domain for monitoring (the collective share). Counts only: no person, household or free text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q

from ..models import Hulpvraag, TriageBesluit
from .choices import Ondersteuning
from .proposals import domain_name


def latest_decisions(hulpvraag: Hulpvraag) -> dict[str, TriageBesluit]:
    """The decision that counts per domain: the latest one."""
    latest: dict[str, TriageBesluit] = {}
    for row in TriageBesluit.objects.filter(hulpvraag=hulpvraag).order_by("tijdstip", "id"):
        latest[row.domein] = row
    return latest


@dataclass(frozen=True)
class DomainCount:
    domein: str
    naam: str
    totaal: int
    collectief: int  # collectief or beide: a collective provision is part of the route
    alleen_collectief: int
    individueel: int
    tweede_lijn: int
    geen: int
    afwijkend: int

    @property
    def collectief_aandeel(self) -> float:
        return self.collectief / self.totaal if self.totaal else 0.0


def counts_per_domain(
    *, wijk_codes: Iterable[str] | None = None, since: dt.datetime | None = None
) -> list[DomainCount]:
    """Monitoring: per domain, how often each route was chosen (the latest decision per request and
    domain only, so a redone triage counts once) and how often the worker deviated from the proposal."""
    rows = TriageBesluit.objects.all()
    if wijk_codes is not None:
        rows = rows.filter(buurt__wijk__code__in=list(wijk_codes))
    if since is not None:
        rows = rows.filter(tijdstip__gte=since)
    # The latest row per (request, domain): no later row for the same pair exists.
    newer = TriageBesluit.objects.filter(hulpvraag_id=OuterRef("hulpvraag_id"), domein=OuterRef("domein"),
                                         id__gt=OuterRef("id"))
    rows = rows.filter(~Exists(newer))
    grouped = rows.values("domein").annotate(
        totaal=Count("id"),
        collectief=Count("id", filter=Q(besluit__in=[Ondersteuning.COLLECTIEF, Ondersteuning.BEIDE])),
        alleen_collectief=Count("id", filter=Q(besluit=Ondersteuning.COLLECTIEF)),
        individueel=Count("id", filter=Q(besluit__in=[Ondersteuning.INDIVIDUEEL, Ondersteuning.BEIDE])),
        tweede_lijn=Count("id", filter=Q(besluit=Ondersteuning.TWEEDE_LIJN)),
        geen=Count("id", filter=Q(besluit=Ondersteuning.GEEN)),
        afwijkend=Count("id", filter=~Q(besluit=F("voorstel"))),
    ).order_by("domein")
    return [
        DomainCount(
            domein=g["domein"],
            naam=domain_name(g["domein"]),
            totaal=g["totaal"],
            collectief=g["collectief"],
            alleen_collectief=g["alleen_collectief"],
            individueel=g["individueel"],
            tweede_lijn=g["tweede_lijn"],
            geen=g["geen"],
            afwijkend=g["afwijkend"],
        )
        for g in grouped
    ]
