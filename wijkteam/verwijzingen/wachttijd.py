# SPDX-License-Identifier: EUPL-1.2
"""Waiting times of second-line referrals against their norm (the GGZ Treeknorm by default).

The Treeknorm counts in calendar weeks: at most 4 weeks from registration (aanmelding) to intake and at
most 10 weeks from intake to the start of treatment. A referral without a registration date counts from the
referral date. "Now" is a parameter, so a page, the command and the tests agree on one moment.

- `norm_for(domein)`: the configured norm (a `Wachtnorm` row), else the Treeknorm default;
- `norm_of(verwijzing)`: the norm a referral is judged by: the one stored on it when it was made
  (`create_referral`), so a later change of the Wachtnorm never rewrites its figures; `norm_for` only for
  rows made before the norm was stored;
- `wacht(verwijzing, today)`: the waits so far and whether either is past its norm;
- `verwacht_boven_norm`: the expected dates (the partner's word) already exceed the norm;
- `heeft_overbrugging_nodig`: waiting, and past or expected past the norm: a bridging plan is required.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .models import WACHTEND, Domein, Soort, Wachtnorm

TREEKNORM_INTAKE_DAGEN = 28  # 4 weeks
TREEKNORM_START_DAGEN = 70  # 10 weeks


@dataclass(frozen=True)
class Norm:
    dagen_tot_intake: int
    dagen_tot_start: int


DEFAULT_NORM = Norm(TREEKNORM_INTAKE_DAGEN, TREEKNORM_START_DAGEN)


def norms() -> dict[str, Norm]:
    """Every domain's norm in one query (pages and the command ask for many referrals at once)."""
    found = {row.domein: Norm(row.dagen_tot_intake, row.dagen_tot_start) for row in Wachtnorm.objects.all()}
    return {domein: found.get(domein, DEFAULT_NORM) for domein in Domein.values}


def norm_for(domein: str, table: dict[str, Norm] | None = None) -> Norm:
    """The domain's current norm: what a referral made now gets."""
    return (table if table is not None else norms()).get(domein, DEFAULT_NORM)


def stored_or_current(domein: str, dagen_tot_intake: int | None, dagen_tot_start: int | None,
                      table: dict[str, Norm] | None = None) -> Norm:
    """The norm stored on a referral; a part not stored (rows from before it was) is the domain's current one.
    Asks the database only for such rows (and only when no `table` is given)."""
    if dagen_tot_intake is not None and dagen_tot_start is not None:
        return Norm(dagen_tot_intake, dagen_tot_start)
    current = norm_for(domein, table)
    return Norm(current.dagen_tot_intake if dagen_tot_intake is None else dagen_tot_intake,
                current.dagen_tot_start if dagen_tot_start is None else dagen_tot_start)


def norm_of(v: Any, table: dict[str, Norm] | None = None) -> Norm:
    """The norm referral `v` is judged by (see the module docstring)."""
    return stored_or_current(v.domein, v.norm_dagen_tot_intake, v.norm_dagen_tot_start, table)


@dataclass(frozen=True)
class Wacht:
    """The waits of one referral, in days; `tot_start` is None until there was an intake."""

    tot_intake: int
    tot_start: int | None
    norm: Norm
    intake_te_laat: bool
    start_te_laat: bool

    @property
    def te_laat(self) -> bool:
        return self.intake_te_laat or self.start_te_laat

    @property
    def totaal(self) -> int:
        return self.tot_intake + (self.tot_start or 0)


def aanmelding(v: Any) -> dt.date:
    return v.aangemeld_op or v.verwezen_op  # type: ignore[no-any-return]


def wacht(v: Any, today: dt.date, table: dict[str, Norm] | None = None) -> Wacht:
    norm = norm_of(v, table)
    start_from = aanmelding(v)
    intake_end = v.intake_op or v.gestart_op or today
    tot_intake = max(0, (intake_end - start_from).days)
    tot_start = None
    if v.intake_op is not None:
        tot_start = max(0, ((v.gestart_op or today) - v.intake_op).days)
    return Wacht(tot_intake=tot_intake, tot_start=tot_start, norm=norm,
                 intake_te_laat=tot_intake > norm.dagen_tot_intake,
                 start_te_laat=tot_start is not None and tot_start > norm.dagen_tot_start)


def is_te_laat(v: Any, today: dt.date, table: dict[str, Norm] | None = None) -> bool:
    """Waiting for second-line care and already past a norm: escalates to the team lead."""
    if v.soort != Soort.TWEEDE_LIJN or v.status not in WACHTEND:
        return False
    return wacht(v, today, table).te_laat


def verwacht_boven_norm(v: Any, table: dict[str, Norm] | None = None) -> bool:
    """The partner's expected dates already exceed the norm."""
    norm = norm_of(v, table)
    start_from = aanmelding(v)
    intake = v.intake_op or v.verwachte_intake
    if intake is not None and (intake - start_from).days > norm.dagen_tot_intake:
        return True
    if v.verwachte_start is not None:
        if intake is not None:
            return (v.verwachte_start - intake).days > norm.dagen_tot_start
        return (v.verwachte_start - start_from).days > norm.dagen_tot_intake + norm.dagen_tot_start
    return False


def heeft_overbrugging_nodig(v: Any, today: dt.date, table: dict[str, Norm] | None = None) -> bool:
    if v.soort != Soort.TWEEDE_LIJN or v.status not in WACHTEND:
        return False
    return is_te_laat(v, today, table) or verwacht_boven_norm(v, table)


def mist_overbrugging(v: Any, today: dt.date, table: dict[str, Norm] | None = None, *,
                      heeft_plan: bool | None = None) -> bool:
    """The alert: a bridging plan is required and there is none."""
    if heeft_plan is None:
        heeft_plan = hasattr(v, "overbruggingsplan")
    return heeft_overbrugging_nodig(v, today, table) and not heeft_plan
