# SPDX-License-Identifier: EUPL-1.2
"""The outreach queue's query and the team lead's figures: who to reach first, in a bounded number of queries.

Order (issue 17 items 6 and 8): overdue first (first contact not made by its deadline, or not closed by
its deadline), then a crisis, then the priority score, then the oldest receipt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import BooleanField, Case, Count, Q, QuerySet, Value, When

from wijkteam.accounts.models import Role, Team, User

from ..access import zaken_visible_to
from ..models import ZAAK_OPEN, Vroegsignaalzaak


def te_laat_contact(today: dt.date) -> Q:
    return Q(eerste_contactpoging__isnull=True, termijn_eerste_contact__lt=today)


def te_laat_afsluiten(today: dt.date) -> Q:
    return Q(termijn_afsluiten__lt=today)


def open_zaken_of(team: Team) -> QuerySet[Vroegsignaalzaak]:
    """The team's open zaken: in a buurt of a wijk the team covers (a subquery: no duplicate rows)."""
    return Vroegsignaalzaak.objects.filter(
        status__in=sorted(ZAAK_OPEN), pk__in=Vroegsignaalzaak.objects.filter(buurt__wijk__teams=team).values("pk"))


def with_lateness(qs: QuerySet[Vroegsignaalzaak], today: dt.date) -> QuerySet[Vroegsignaalzaak]:
    return qs.annotate(
        te_laat_contact=Case(When(te_laat_contact(today), then=Value(True)), default=Value(False),
                             output_field=BooleanField()),
        te_laat_afsluiten=Case(When(te_laat_afsluiten(today), then=Value(True)), default=Value(False),
                               output_field=BooleanField()),
        te_laat=Case(When(te_laat_contact(today) | te_laat_afsluiten(today), then=Value(True)), default=Value(False),
                     output_field=BooleanField()),
    )


QUEUE_ORDER = ("-te_laat", "-crisis", "-prioriteit", "ontvangen", "pk")


def queue(user: Any, team: Team, *, today: dt.date, toon: str = "alle",
          buurt_id: int | None = None) -> QuerySet[Vroegsignaalzaak]:
    """The team's open zaken this user may see, with the filters of the page, in queue order."""
    team_zaken = open_zaken_of(team).values("pk")
    mine = Q(toegewezen_aan=user.pk)
    qs = zaken_visible_to(user).filter(Q(pk__in=team_zaken) | (mine & Q(status__in=sorted(ZAAK_OPEN))))
    if toon == "mijn":
        qs = qs.filter(mine)
    elif toon == "vrij":
        qs = qs.filter(toegewezen_aan__isnull=True)
    if buurt_id is not None:
        qs = qs.filter(buurt_id=buurt_id)
    return with_lateness(qs, today).select_related("huishouden__adres", "buurt", "toegewezen_aan").order_by(
        *QUEUE_ORDER)


@dataclass
class TeamFigures:
    team: Team
    open: int = 0
    vrij: int = 0
    te_laat_contact: int = 0
    te_laat_afsluiten: int = 0
    crisis: int = 0
    # (worker, open zaken, of which overdue), busiest first
    per_medewerker: list[tuple[User, int, int]] = field(default_factory=list)


def figures(team: Team, *, today: dt.date) -> TeamFigures:
    """Counts for the overview: two aggregate queries and one for the workers, whatever the team's size."""
    base = open_zaken_of(team)
    totals = base.aggregate(
        open=Count("pk"), vrij=Count("pk", filter=Q(toegewezen_aan__isnull=True)),
        te_laat_contact=Count("pk", filter=te_laat_contact(today)),
        te_laat_afsluiten=Count("pk", filter=te_laat_afsluiten(today)),
        crisis=Count("pk", filter=Q(crisis=True)))
    load = {row["toegewezen_aan"]: (row["n"], row["late"]) for row in base.filter(toegewezen_aan__isnull=False)
            .values("toegewezen_aan").order_by().annotate(
                n=Count("pk"), late=Count("pk", filter=te_laat_contact(today) | te_laat_afsluiten(today)))}
    # Every worker of the team (also those with nothing yet: room to assign), plus a regisseur elsewhere.
    workers = {u.pk: u for u in User.objects.filter(
        Q(pk__in=load.keys()) | Q(teams=team, role__in=[Role.MEDEWERKER, Role.TEAMLEIDER], is_active=True))}
    per = sorted(((worker, *load.get(pk, (0, 0))) for pk, worker in workers.items()),
                 key=lambda item: (-item[1], item[0].username))
    return TeamFigures(team, totals["open"], totals["vrij"], totals["te_laat_contact"], totals["te_laat_afsluiten"],
                       totals["crisis"], per)
