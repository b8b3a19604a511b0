# SPDX-License-Identifier: EUPL-1.2
"""Dutch working days: Monday to Friday, minus the Dutch public holidays (the `holidays` package, which keeps
the calendar — Easter, King's Day, liberation day every lustrum — so we don't hand-maintain it).

Used for every deadline the field counts in working days: first contact after a signal, the acknowledgement
of a help request, a partner's response to a referral. Knows no domain, hence `core`.
"""

from __future__ import annotations

import datetime as dt
import functools

import holidays


@functools.lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[dt.date]:
    # Liberation day (5 May) counts as a day off only in lustrum years in most collective agreements;
    # `holidays` includes it exactly then, which is what the municipal CAO does too.
    return frozenset(holidays.country_holidays("NL", years=year).keys())


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (start itself not counted; 0 → start's next working day
    if start is not one, else start)."""
    if days < 0:
        raise ValueError("days must be >= 0")
    day = start
    if days == 0:
        while not is_working_day(day):
            day += dt.timedelta(days=1)
        return day
    remaining = days
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start): the number of working days
    it took. Received on a Monday, first attempt on the Wednesday → 2."""
    if end <= start:
        return 0
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
