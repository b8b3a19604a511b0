# SPDX-License-Identifier: EUPL-1.2
"""Open now / open on a weekday / next opening, in Europe/Amsterdam, for weekly and monthly rules."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from wijkteam.sociale_kaart.models import Schedule
from wijkteam.sociale_kaart.schedules import is_open_at, next_opening, open_on_weekday

AMS = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=AMS)


def row(**fields) -> Schedule:
    fields.setdefault("opens_at", dt.time(10))
    fields.setdefault("closes_at", dt.time(12))
    return Schedule(**fields)


TUESDAY = row(freq="WEEKLY", byday="TU")


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 11, 24, 10, 0), True),  # opens exactly now
        (at(2026, 11, 24, 11, 59), True),
        (at(2026, 11, 24, 12, 0), False),  # closes exactly now
        (at(2026, 11, 24, 9, 59), False),
        (at(2026, 11, 25, 10, 30), False),  # a Wednesday
    ],
)
def test_weekly(moment, expected):
    assert is_open_at([TUESDAY], moment) is expected


def test_utc_moment_is_converted_to_amsterdam_time():
    # 09:30 UTC is 10:30 in Amsterdam in winter.
    assert is_open_at([TUESDAY], dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC))
    # In summer (CEST, +2) 08:30 UTC is 10:30.
    assert is_open_at([TUESDAY], dt.datetime(2026, 7, 7, 8, 30, tzinfo=dt.UTC))
    assert not is_open_at([TUESDAY], dt.datetime(2026, 7, 7, 10, 30, tzinfo=dt.UTC))


def test_monthly_second_tuesday():
    second = row(freq="MONTHLY", byday="2TU")
    assert is_open_at([second], at(2026, 12, 8, 11))
    assert not is_open_at([second], at(2026, 12, 1, 11))
    assert not is_open_at([second], at(2026, 12, 15, 11))


def test_monthly_last_friday_in_months_with_four_and_five_fridays():
    last = row(freq="MONTHLY", byday="-1FR")
    assert is_open_at([last], at(2026, 1, 30, 11))  # January 2026 has 5 Fridays; the 30th is the last
    assert not is_open_at([last], at(2026, 1, 23, 11))
    assert is_open_at([last], at(2026, 2, 27, 11))  # February 2026 has 4 Fridays


def test_fifth_weekday_only_in_months_that_have_one():
    fifth = row(freq="MONTHLY", byday="5TU")
    assert is_open_at([fifth], at(2026, 9, 29, 11))  # September 2026 has five Tuesdays
    assert next_opening([fifth], at(2026, 10, 1, 9)) == at(2026, 12, 29, 10)  # October, November: four


def test_second_to_last_weekday():
    rule = row(freq="MONTHLY", byday="-2MO")
    assert is_open_at([rule], at(2026, 11, 23, 11))  # Mondays in Nov 2026: 2, 9, 16, 23, 30
    assert not is_open_at([rule], at(2026, 11, 30, 11))


def test_bymonthday_including_last_day_of_month():
    assert is_open_at([row(freq="MONTHLY", bymonthday="15")], at(2026, 11, 15, 11))
    last_day = row(freq="MONTHLY", bymonthday="-1")
    assert is_open_at([last_day], at(2026, 2, 28, 11))
    assert not is_open_at([last_day], at(2026, 3, 30, 11))


def test_every_other_week_counts_from_dtstart():
    biweekly = row(freq="WEEKLY", interval=2, byday="WE", dtstart=dt.date(2026, 11, 11))
    assert is_open_at([biweekly], at(2026, 11, 11, 11))
    assert not is_open_at([biweekly], at(2026, 11, 18, 11))
    assert is_open_at([biweekly], at(2026, 11, 25, 11))
    assert not is_open_at([biweekly], at(2026, 11, 4, 11))  # before dtstart


def test_every_other_week_without_a_start_date_is_never_claimed_open():
    assert not is_open_at([row(freq="WEEKLY", interval=2, byday="WE")], at(2026, 11, 25, 11))


def test_every_other_month():
    rule = row(freq="MONTHLY", interval=2, byday="1MO", dtstart=dt.date(2026, 1, 5))
    assert is_open_at([rule], at(2026, 3, 2, 11))
    assert not is_open_at([rule], at(2026, 2, 2, 11))


def test_validity_period_and_until_are_inclusive():
    rule = row(freq="WEEKLY", byday="TU", valid_from=dt.date(2026, 9, 1), valid_to=dt.date(2026, 12, 8))
    assert not is_open_at([rule], at(2026, 8, 25, 11))
    assert is_open_at([rule], at(2026, 9, 1, 11))
    assert is_open_at([rule], at(2026, 12, 8, 11))
    assert not is_open_at([rule], at(2026, 12, 15, 11))
    until = row(freq="WEEKLY", byday="TU", until=dt.date(2026, 11, 24))
    assert is_open_at([until], at(2026, 11, 24, 11))
    assert not is_open_at([until], at(2026, 12, 1, 11))


def test_count_limits_the_number_of_openings():
    rule = row(freq="WEEKLY", byday="TU", dtstart=dt.date(2026, 11, 3), count=3)  # 3, 10, 17 November
    assert is_open_at([rule], at(2026, 11, 17, 11))
    assert not is_open_at([rule], at(2026, 11, 24, 11))


def test_open_past_midnight():
    night = row(freq="WEEKLY", byday="FR", opens_at=dt.time(22), closes_at=dt.time(2))
    assert is_open_at([night], at(2026, 11, 27, 23))
    assert is_open_at([night], at(2026, 11, 28, 1))
    assert not is_open_at([night], at(2026, 11, 28, 3))


def test_rows_without_hours_never_count_as_open():
    assert not is_open_at([Schedule(freq="WEEKLY", byday="WE")], at(2026, 11, 25, 11))


def test_open_on_weekday():
    rows = [row(freq="WEEKLY", byday="MO,TU"), row(freq="MONTHLY", byday="-1FR"), row(freq="MONTHLY", bymonthday="15")]
    today = dt.date(2026, 11, 25)
    assert open_on_weekday(rows, "MO", today=today)
    assert open_on_weekday(rows, "fr", today=today)
    assert not open_on_weekday(rows, "WE", today=today)
    ended = [row(freq="WEEKLY", byday="SA", valid_to=dt.date(2026, 6, 1))]
    assert not open_on_weekday(ended, "SA", today=today)
    with pytest.raises(ValueError, match="weekday"):
        open_on_weekday(rows, "XX", today=today)


def test_next_opening_later_today_and_next_week():
    assert next_opening([TUESDAY], at(2026, 11, 24, 9)) == at(2026, 11, 24, 10)
    assert next_opening([TUESDAY], at(2026, 11, 24, 10, 30)) == at(2026, 12, 1, 10)


def test_next_opening_across_the_switch_to_winter_time():
    # Summer time ends on Sunday 25 October 2026; Saturday is +02:00, Monday +01:00.
    monday = row(freq="WEEKLY", byday="MO", opens_at=dt.time(9), closes_at=dt.time(17))
    found = next_opening([monday], at(2026, 10, 24, 12))
    assert found == at(2026, 10, 26, 9)
    assert found.utcoffset() == dt.timedelta(hours=1)
    assert is_open_at([monday], dt.datetime(2026, 10, 26, 8, 0, tzinfo=dt.UTC))  # 09:00 local


def test_open_across_the_switch_to_summer_time():
    # Summer time starts Sunday 29 March 2026; 12:00 local is 10:00 UTC on that day.
    sunday = row(freq="WEEKLY", byday="SU", opens_at=dt.time(11), closes_at=dt.time(13))
    assert is_open_at([sunday], dt.datetime(2026, 3, 29, 10, 0, tzinfo=dt.UTC))
    assert not is_open_at([sunday], dt.datetime(2026, 3, 22, 12, 30, tzinfo=dt.UTC))  # 13:30 local (+01:00)


def test_next_opening_none_when_everything_ended_or_unknown():
    ended = row(freq="WEEKLY", byday="TU", valid_to=dt.date(2026, 1, 1))
    assert next_opening([ended], at(2026, 11, 25, 10)) is None
    assert next_opening([Schedule(description="Op afspraak")], at(2026, 11, 25, 10)) is None
    assert next_opening([], at(2026, 11, 25, 10)) is None


def test_naive_moment_is_amsterdam_time():
    assert is_open_at([TUESDAY], dt.datetime(2026, 11, 24, 10, 30))
