# SPDX-License-Identifier: EUPL-1.2
"""Opening times: weekly, every other week, monthly (nth and last weekday, day of the month) and
courses; every row is one the kaart's schedule logic understands and can put into words."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from wijkteam.demo.generator import generate
from wijkteam.sociale_kaart.models import Frequency, Schedule, Service
from wijkteam.sociale_kaart.schedules import ScheduleRule, describe, is_open_at

SEED, SCALE = 42, 20
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def kaart(db: None) -> dict[str, int]:
    return generate(seed=SEED, scale=SCALE)


def test_every_service_has_opening_times_the_kaart_understands(kaart: dict[str, int]) -> None:
    assert not Service.objects.filter(schedules__isnull=True).exists()
    for schedule in Schedule.objects.all():
        rule = ScheduleRule.parse(schedule)
        assert rule.understood, schedule.description
        assert schedule.freq in Frequency.values and schedule.wkst == "MO"
        assert schedule.opens_at is not None and schedule.closes_at is not None
        assert schedule.description.endswith(".") and "{" not in schedule.description
        assert schedule.attending_type in {"", "inloop", "op afspraak"}
        assert describe(schedule, today=TODAY)


def test_weekly_biweekly_monthly_and_course_patterns_are_all_there(kaart: dict[str, int]) -> None:
    weekly = Schedule.objects.filter(freq=Frequency.WEEKLY, interval=1, count__isnull=True, valid_from__isnull=True)
    biweekly = Schedule.objects.filter(freq=Frequency.WEEKLY, interval=2)
    monthly = Schedule.objects.filter(freq=Frequency.MONTHLY)

    assert weekly.count() >= 150
    assert weekly.filter(byday="MO,TU,WE,TH,FR").exists(), "office hours Monday to Friday"
    assert biweekly.exists() and not biweekly.filter(dtstart__isnull=True).exists(), "interval needs an anchor"
    assert monthly.count() >= 30
    assert monthly.filter(byday__regex=r"^[1-4](MO|TU|WE|TH|FR|SA|SU)$").exists(), "e.g. 2TU"
    assert monthly.filter(byday__startswith="-1").exists(), "e.g. -1FR"
    assert monthly.filter(byday="").exclude(bymonthday="").exists(), "e.g. the 15th"
    assert Schedule.objects.filter(count__isnull=False, dtstart__isnull=False).exists(), "courses"


def test_monthly_rows_read_as_monthly_and_open_on_the_right_day(kaart: dict[str, int]) -> None:
    schedule = Schedule.objects.filter(freq=Frequency.MONTHLY, byday__regex=r"^[1-4][A-Z]{2}$").first()
    assert schedule is not None and schedule.opens_at is not None
    assert "van de maand" in describe(schedule, today=TODAY)
    ordinal, code = int(schedule.byday[0]), schedule.byday[1:]
    weekday = ("MO", "TU", "WE", "TH", "FR", "SA", "SU").index(code)
    days = [dt.date(2027, 3, d) for d in range(1, 32) if dt.date(2027, 3, d).weekday() == weekday]
    tz = ZoneInfo("Europe/Amsterdam")
    open_days = [d for d in days if is_open_at([schedule], dt.datetime.combine(d, schedule.opens_at, tz))]
    assert open_days == [days[ordinal - 1]]
