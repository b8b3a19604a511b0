# SPDX-License-Identifier: EUPL-1.2
"""Deadlines of a zaak in Dutch working days (issue 17 item 8), per team (`OutreachInstelling`).

- first contact attempt: `dagen_eerste_contact` working days after receipt, `dagen_eerste_contact_crisis`
  when the zaak holds a crisis signal;
- closing: `dagen_afsluiten` working days after receipt (the default and why: models.DAGEN_AFSLUITEN).

Set when a zaak is opened. When a later signal brings a crisis, the first-contact deadline becomes the
crisis term counted from that day (never later than it was): the crisis arrived then, not at the first
receipt. When the crisis goes (a correction), the ordinary term from receipt applies again. A change of
the team's settings applies to zaken opened afterwards: a zaak keeps the deadline it was given, so "on
time" in the Divosa figures means what it meant when the work was done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wijkteam.core.working_days import add_working_days

from ..models import DAGEN_AFSLUITEN, DAGEN_EERSTE_CONTACT, DAGEN_EERSTE_CONTACT_CRISIS, OutreachInstelling


@dataclass(frozen=True)
class Termijnen:
    eerste_contact: int = DAGEN_EERSTE_CONTACT
    eerste_contact_crisis: int = DAGEN_EERSTE_CONTACT_CRISIS
    afsluiten: int = DAGEN_AFSLUITEN


DEFAULT = Termijnen()


def termijnen_per_team(team_ids: set[int]) -> dict[int, Termijnen]:
    """Team id → its deadlines (the defaults for a team without settings). One query."""
    found = {row.team_id: Termijnen(row.dagen_eerste_contact, row.dagen_eerste_contact_crisis, row.dagen_afsluiten)
             for row in OutreachInstelling.objects.filter(team_id__in=team_ids)}
    return {team_id: found.get(team_id, DEFAULT) for team_id in team_ids}


@dataclass(frozen=True)
class ZaakTermijnen:
    eerste_contact: dt.date
    afsluiten: dt.date
    bij_crisis: bool


def new_deadlines(ontvangen: dt.date, *, crisis: bool, termijnen: Termijnen) -> ZaakTermijnen:
    days = termijnen.eerste_contact_crisis if crisis else termijnen.eerste_contact
    return ZaakTermijnen(add_working_days(ontvangen, days), add_working_days(ontvangen, termijnen.afsluiten), crisis)


def crisis_changed(current: dt.date, ontvangen: dt.date, *, crisis: bool, today: dt.date,
                   termijnen: Termijnen) -> dt.date:
    """The first-contact deadline after `crisis` changed (see the module docstring)."""
    if crisis:
        return min(current, add_working_days(today, termijnen.eerste_contact_crisis))
    return add_working_days(ontvangen, termijnen.eerste_contact)
