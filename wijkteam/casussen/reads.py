# SPDX-License-Identifier: EUPL-1.2
"""Casussen's published read functions for monitoring (docs/architecture.md: monitoring reads the
capabilities only through their reads.py). Counts only, never a name, an address or a case of a person.

- `handovers_per_month(team, year)`: every change of regisseur (a `RegisseurHistorie` row with `vorige`), per
  month, split by cause: an applied redistribution after absence or departure (`Overdracht`) or another
  handover (the team lead or regisseur on the case page).
- `handovers_per_case(team)`: how often open cases changed hands (continuity: 0, 1, 2, 3 or more).
- `cases_without_working_regisseur(team)`: open cases whose regisseur is absent today or left, and not yet
  handed over (the regisseur field itself is never empty).
- `caseload_per_fte(team)`: points and FTE per team, against the norm.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from wijkteam.accounts.models import Role, Team

from .continuiteit import services as continuiteit
from .models import CASUS_OPEN, AfwezigheidSoort, Casus, Overdracht, RegisseurHistorie


@dataclass(frozen=True)
class HandoversInMonth:
    month: int
    total: int
    afwezigheid: int  # applied redistributions after illness or leave
    vertrek: int  # applied redistributions after a departure

    @property
    def other(self) -> int:
        return self.total - self.afwezigheid - self.vertrek


def _year_range(year: int) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return dt.datetime(year, 1, 1, tzinfo=tz), dt.datetime(year + 1, 1, 1, tzinfo=tz)


def handovers_per_month(team: Team, year: int) -> list[HandoversInMonth]:
    """Twelve rows, January to December, in two queries."""
    start, end = _year_range(year)
    totals = dict(RegisseurHistorie.objects.filter(casus__team=team, vorige__isnull=False, vanaf__gte=start,
                                                   vanaf__lt=end)
                  .annotate(m=ExtractMonth("vanaf")).values("m").annotate(n=Count("id")).values_list("m", "n"))
    causes: Counter[tuple[int, str]] = Counter()
    rows = (Overdracht.objects.filter(casus__team=team, tijdstip__gte=start, tijdstip__lt=end)
            .annotate(m=ExtractMonth("tijdstip")).values("m", "afwezigheid__soort").annotate(n=Count("id")))
    for row in rows:
        causes[(row["m"], row["afwezigheid__soort"])] += row["n"]
    return [HandoversInMonth(month=m, total=totals.get(m, 0),
                             afwezigheid=causes[(m, AfwezigheidSoort.ZIEK)] + causes[(m, AfwezigheidSoort.VERLOF)],
                             vertrek=causes[(m, AfwezigheidSoort.VERTREK)])
            for m in range(1, 13)]


def handovers_per_case(team: Team) -> dict[str, int]:
    """Open cases by the number of times they changed regisseur: {"0": n, "1": n, "2": n, "3+": n}."""
    open_cases = Casus.objects.filter(team=team, status__in=sorted(CASUS_OPEN))
    per_case = (RegisseurHistorie.objects.filter(casus__in=open_cases, vorige__isnull=False)
                .values("casus_id").annotate(n=Count("id")).values_list("n", flat=True))
    result = {"0": 0, "1": 0, "2": 0, "3+": 0}
    for n in per_case:
        result["3+" if n >= 3 else str(n)] += 1
    result["0"] = open_cases.count() - sum(result.values())
    return result


def cases_without_working_regisseur(team: Team, on: dt.date | None = None) -> int:
    absent = list(continuiteit.active_absences(team, on))
    gone = team.casussen.filter(status__in=sorted(CASUS_OPEN)).filter(
        Q(regisseur__in=absent) | Q(regisseur__is_active=False) | ~Q(regisseur__teams=team))
    return gone.count()


@dataclass(frozen=True)
class CaseloadPerFte:
    punten: int
    fte: Decimal
    norm: int
    boven_norm: int  # workers above the norm

    @property
    def per_fte(self) -> Decimal:
        return (Decimal(self.punten) / self.fte).quantize(Decimal("0.1")) if self.fte else Decimal(0)


def caseload_per_fte(team: Team) -> CaseloadPerFte:
    norm = continuiteit.norm_for(team)
    workers = [w for w in continuiteit.team_load(team, norm) if w.user.role == Role.MEDEWERKER]
    return CaseloadPerFte(punten=sum(w.punten for w in workers), fte=sum((w.fte for w in workers), Decimal(0)),
                          norm=norm.punten_per_fte, boven_norm=sum(1 for w in workers if w.overloaded(norm)))
