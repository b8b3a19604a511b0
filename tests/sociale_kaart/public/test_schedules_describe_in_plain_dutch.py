# SPDX-License-Identifier: EUPL-1.2
"""Opening times read as plain Dutch (B1): weekly, every other week, monthly rules, periods, notes."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkteam.sociale_kaart.models import Schedule
from wijkteam.sociale_kaart.schedules import describe, describe_all

TODAY = dt.date(2026, 11, 25)


def row(**fields) -> Schedule:
    # Unsaved rows: describing needs no database.
    return Schedule(**fields)


def t(hour: int, minute: int = 0) -> dt.time:
    return dt.time(hour, minute)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"freq": "WEEKLY", "byday": "TU", "opens_at": t(10), "closes_at": t(12)}, "elke dinsdag, 10:00\u201312:00"),
        (
            {"freq": "WEEKLY", "byday": "MO,WE", "opens_at": t(9), "closes_at": t(12, 30)},
            "elke maandag en woensdag, 9:00\u201312:30",
        ),
        (
            {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": t(9), "closes_at": t(17)},
            "maandag t/m vrijdag, 9:00\u201317:00",
        ),
        ({"freq": "WEEKLY", "byday": "MO,TU,WE,FR"}, "maandag t/m woensdag en vrijdag"),
        (
            {"freq": "MONTHLY", "byday": "2TU", "opens_at": t(10), "closes_at": t(12)},
            "elke 2e dinsdag van de maand, 10:00\u201312:00",
        ),
        ({"freq": "MONTHLY", "byday": "-1FR"}, "elke laatste vrijdag van de maand"),
        ({"freq": "MONTHLY", "byday": "2TU,4TU"}, "elke 2e en 4e dinsdag van de maand"),
        ({"freq": "MONTHLY", "byday": "1MO,-1TH"}, "elke 1e maandag en laatste donderdag van de maand"),
        ({"freq": "WEEKLY", "interval": 2, "byday": "WE", "dtstart": dt.date(2026, 1, 7)}, "om de week op woensdag"),
        ({"freq": "WEEKLY", "interval": 3, "byday": "WE", "dtstart": dt.date(2026, 1, 7)}, "om de 3 weken op woensdag"),
        (
            {"freq": "MONTHLY", "bymonthday": "15", "opens_at": t(14), "closes_at": t(16)},
            "elke maand op de 15e, 14:00\u201316:00",
        ),
        ({"freq": "MONTHLY", "bymonthday": "-1"}, "elke maand op de laatste dag"),
        (
            {"freq": "MONTHLY", "interval": 2, "byday": "1SA", "dtstart": dt.date(2026, 1, 3)},
            "elke 1e zaterdag van de maand, om de maand",
        ),
        ({"freq": "WEEKLY", "byday": "TU", "opens_at": t(10)}, "elke dinsdag, vanaf 10:00"),
        # freq left out by the publisher: plain days mean every week.
        ({"byday": "TH", "opens_at": t(13), "closes_at": t(15)}, "elke donderdag, 13:00\u201315:00"),
        # dtstart alone gives the weekday (RFC 5545).
        ({"freq": "WEEKLY", "dtstart": dt.date(2026, 11, 27)}, "elke vrijdag, vanaf 27 november"),
    ],
)
def test_rules_in_words(fields, expected):
    assert describe(row(**fields), today=TODAY) == expected


def test_validity_period_and_closed_note():
    schedule = row(
        freq="WEEKLY",
        byday="TU",
        opens_at=t(10),
        closes_at=t(12),
        valid_from=dt.date(2026, 9, 1),
        valid_to=dt.date(2027, 6, 1),
        notes="Gesloten in de schoolvakanties.",
    )
    assert describe(schedule, today=TODAY) == (
        "elke dinsdag, 10:00\u201312:00, van 1 september tot 1 juni. Gesloten in de schoolvakanties."
    )


def test_attending_type_in_words():
    schedule = row(freq="WEEKLY", byday="MO", opens_at=t(9), closes_at=t(11), attending_type="drop in")
    assert describe(schedule, today=TODAY) == "elke maandag, 9:00\u201311:00, zonder afspraak"


def test_past_dtstart_is_not_mentioned_but_future_one_is():
    past = row(freq="WEEKLY", interval=2, byday="WE", dtstart=dt.date(2026, 1, 7))
    future = row(freq="WEEKLY", byday="WE", dtstart=dt.date(2026, 12, 2))
    assert "januari" not in describe(past, today=TODAY)
    assert describe(future, today=TODAY) == "elke woensdag, vanaf 2 december"


def test_rules_we_cannot_read_fall_back_to_the_publishers_description():
    schedule = row(freq="WEEKLY", byweekno="1,2", description="Alleen in de eerste weken van het jaar.")
    assert describe(schedule, today=TODAY) == "Alleen in de eerste weken van het jaar."


def test_describe_all_groups_days_with_the_same_hours():
    rows = [row(freq="WEEKLY", byday=day, opens_at=t(9), closes_at=t(17)) for day in ("MO", "TU", "WE", "TH", "FR")]
    rows.append(row(freq="WEEKLY", byday="SA", opens_at=t(10), closes_at=t(12)))
    assert describe_all(rows, today=TODAY) == [
        "maandag t/m vrijdag, 9:00\u201317:00",
        "elke zaterdag, 10:00\u201312:00",
    ]


def test_describe_all_joins_two_periods_on_the_same_days():
    rows = [
        row(freq="WEEKLY", byday="MO,TU,WE", opens_at=t(13), closes_at=t(17)),
        row(freq="WEEKLY", byday="MO,TU,WE", opens_at=t(9), closes_at=t(12)),
    ]
    assert describe_all(rows, today=TODAY) == ["maandag t/m woensdag, 9:00\u201312:00 en 13:00\u201317:00"]


def test_describe_all_puts_the_weekly_routine_first_then_other_rules_by_weekday():
    rows = [
        row(freq="WEEKLY", byday="FR", opens_at=t(9), closes_at=t(12)),
        row(freq="MONTHLY", byday="-1SU", opens_at=t(14), closes_at=t(16)),
        row(freq="MONTHLY", byday="1MO", opens_at=t(19), closes_at=t(21)),
        row(freq="WEEKLY", byday="TU", opens_at=t(9), closes_at=t(12)),
    ]
    assert describe_all(rows, today=TODAY) == [
        "elke dinsdag en vrijdag, 9:00\u201312:00",
        "elke 1e maandag van de maand, 19:00\u201321:00",
        "elke laatste zondag van de maand, 14:00\u201316:00",
    ]


def test_describe_all_does_not_merge_rows_with_different_periods():
    rows = [
        row(freq="WEEKLY", byday="MO", opens_at=t(9), closes_at=t(12)),
        row(freq="WEEKLY", byday="TU", opens_at=t(9), closes_at=t(12), valid_to=dt.date(2027, 6, 1)),
    ]
    assert describe_all(rows, today=TODAY) == [
        "elke maandag, 9:00\u201312:00",
        "elke dinsdag, 9:00\u201312:00, tot 1 juni",
    ]


def test_describe_all_leaves_out_rules_that_have_ended():
    rows = [
        row(freq="WEEKLY", byday="MO", opens_at=t(9), closes_at=t(12), valid_to=dt.date(2026, 6, 1)),
        row(freq="WEEKLY", byday="TU", opens_at=t(9), closes_at=t(12)),
    ]
    assert describe_all(rows, today=TODAY) == ["elke dinsdag, 9:00\u201312:00"]
