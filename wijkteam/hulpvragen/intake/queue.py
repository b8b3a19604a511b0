# SPDX-License-Identifier: EUPL-1.2
"""The intake queue's query: a team's requests (or the central queue's), filtered and ordered.

Order: urgent (spoed/onveilig) first, then by deadline (`reactie_uiterlijk`, so overdue requests come
before those still in time), then by arrival. A fixed number of queries whatever the queue's length: one
count, one page of rows with their team, buurt and behandelaar joined. The queue shows no names or
free text (see views.py): only ids and facts about the request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from wijkteam.accounts.models import Role, Team
from wijkteam.accounts.permissions import has_role

from ..access import hulpvragen_visible_to
from ..models import HULPVRAAG_OPEN, Hulpvraag

CENTRAAL = "centraal"


@dataclass(frozen=True)
class Queue:
    key: str  # team id as text, or CENTRAAL
    label: str
    team: Team | None


def queues_for(user: Any) -> list[Queue]:
    """The queues this user works: each of their teams; the central queue for teamleiders (see access.py)."""
    queues = [Queue(str(team.pk), team.naam, team) for team in Team.objects.filter(leden=user.pk).order_by("naam")]
    if has_role(user, Role.TEAMLEIDER):
        queues.append(Queue(CENTRAAL, _("Centraal aanmeldpunt (nog geen team)"), None))
    return queues


def queue_requests(queue: Queue, *, status: str = "open", kanaal: str = "", behandelaar: str = "",
                   user: Any = None, alleen_spoed: bool = False, alleen_te_laat: bool = False,
                   today: dt.date) -> QuerySet[Hulpvraag]:
    qs = Hulpvraag.objects.filter(team__isnull=True) if queue.team is None else Hulpvraag.objects.filter(
        team=queue.team)
    if user is not None:
        # The user's scope too (need to know: a household with an open case is for the people on the case).
        qs = qs.filter(pk__in=hulpvragen_visible_to(user).values("pk"))
    if status == "open" or not status:
        qs = qs.filter(status__in=sorted(HULPVRAAG_OPEN))
    elif status != "alle":
        qs = qs.filter(status=status)
    if kanaal:
        qs = qs.filter(kanaal=kanaal)
    if behandelaar == "mij" and user is not None:
        qs = qs.filter(behandelaar=user.pk)
    elif behandelaar == "niemand":
        qs = qs.filter(behandelaar__isnull=True)
    if alleen_spoed:
        qs = qs.filter(urgent=True)
    if alleen_te_laat:
        qs = qs.filter(reactie_uiterlijk__lt=today, status__in=sorted(HULPVRAAG_OPEN))
    # The free text and the snapshot stay in the database: the queue never shows them.
    return (qs.select_related("team", "buurt__wijk", "behandelaar")
            .defer("omschrijving", "aangeleverd", "toestemmingen", "overdracht_notitie")
            .order_by("-urgent", "reactie_uiterlijk", "ontvangen", "pk"))
