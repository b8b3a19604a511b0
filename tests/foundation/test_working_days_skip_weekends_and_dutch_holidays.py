# SPDX-License-Identifier: EUPL-1.2
"""Deadlines in working days skip weekends and Dutch public holidays (Christmas, King's Day, Easter Monday)."""

from __future__ import annotations

import datetime as dt

from wijkteam.core.working_days import add_working_days, is_working_day, working_days_between


def test_five_working_days_after_a_wednesday_end_the_next_wednesday() -> None:
    assert add_working_days(dt.date(2026, 11, 25), 5) == dt.date(2026, 12, 2)


def test_christmas_and_boxing_day_are_skipped() -> None:
    # Wed 23 Dec 2026 + 2 working days: 24 Dec (Thu), then 25/26 (holidays) and the weekend → Mon 28 Dec.
    assert add_working_days(dt.date(2026, 12, 23), 2) == dt.date(2026, 12, 28)
    assert not is_working_day(dt.date(2026, 12, 25))


def test_kings_day_and_easter_monday_are_not_working_days() -> None:
    assert not is_working_day(dt.date(2027, 4, 27))  # Koningsdag, a Tuesday
    assert not is_working_day(dt.date(2027, 3, 29))  # Tweede paasdag
    assert is_working_day(dt.date(2027, 3, 30))


def test_days_between_counts_the_working_days_it_took() -> None:
    assert working_days_between(dt.date(2026, 11, 23), dt.date(2026, 11, 25)) == 2
    assert working_days_between(dt.date(2026, 11, 27), dt.date(2026, 11, 30)) == 1  # Friday → Monday
    assert working_days_between(dt.date(2026, 11, 25), dt.date(2026, 11, 25)) == 0


def test_zero_days_from_a_saturday_is_the_monday() -> None:
    assert add_working_days(dt.date(2026, 11, 28), 0) == dt.date(2026, 11, 30)
