# SPDX-License-Identifier: EUPL-1.2
"""Partners edit the opening times of all their services: the shapes the demo and HSDS publishers
use (several days, every other week, 2nd and 4th Friday, the 15th, a season, a counted series, "op
afspraak", a night until the next morning) open in the form, and saving one unchanged leaves it exactly as it was."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ScheduleFactory
from wijkteam.sociale_kaart.models import Schedule, Service

from .test_empty_new_schedule_rows_are_ignored import browser_post

pytestmark = pytest.mark.django_db

SHAPES: list[dict[str, Any]] = [
    {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR"},
    {"freq": "WEEKLY", "byday": "TU", "interval": 2, "dtstart": dt.date(2026, 1, 6)},
    {"freq": "MONTHLY", "byday": "2FR,4FR"},
    {"freq": "MONTHLY", "byday": "", "bymonthday": "15"},
    {"freq": "WEEKLY", "byday": "MO,TH", "valid_from": dt.date(2027, 3, 1), "valid_to": dt.date(2027, 5, 31)},
    {"freq": "WEEKLY", "byday": "WE", "dtstart": dt.date(2026, 12, 16), "count": 6},
    {"freq": "WEEKLY", "byday": "TH", "attending_type": "op afspraak"},
    # Night shelter: open until the next morning.
    {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": dt.time(21), "closes_at": dt.time(9)},
]


@pytest.mark.parametrize("shape", SHAPES, ids=[f"{s['freq']}-{s['byday'] or s.get('bymonthday')}" for s in SHAPES])
def test_shape_is_editable_and_kept_when_unchanged(users: Any, own_service: Service, client_for: Any,
                                                   shape: dict[str, Any]) -> None:
    schedule = ScheduleFactory(service=own_service, **shape)
    before = {f.attname: getattr(schedule, f.attname) for f in Schedule._meta.concrete_fields}
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    html = client.get(url).content.decode()
    assert "kun je hier niet wijzigen" not in html
    assert f'value="{schedule.pk}"' in html

    response = client.post(url, browser_post(html), follow=True)
    assert "Er was niets veranderd." in response.content.decode()
    schedule.refresh_from_db()
    assert {f.attname: getattr(schedule, f.attname) for f in Schedule._meta.concrete_fields} == before


def test_second_and_fourth_friday_changed_to_evening(users: Any, own_service: Service, client_for: Any) -> None:
    schedule = ScheduleFactory(service=own_service, freq="MONTHLY", byday="2FR,4FR",
                               description="Elke tweede en vierde vrijdag van de maand, van 9.00 tot 12.00 uur.")
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    data = browser_post(client.get(url).content.decode())
    assert data["tijd-0-week"] == ["2", "4"] and data["tijd-0-day"] == ["FR"]
    data.update({"tijd-0-opens_at": "19:00", "tijd-0-closes_at": "21:00", "tijd-0-week": ["2", "-1"],
                 "tijd-0-notes": "Niet in augustus."})
    assert client.post(url, data).status_code == 302
    schedule.refresh_from_db()
    assert (schedule.byday, schedule.opens_at, schedule.notes) == ("2FR,-1FR", dt.time(19), "Niet in augustus.")
    # The old wording no longer tells HSDS readers the old hours.
    assert schedule.description == "Elke 2e en laatste vrijdag van de maand, 19:00\u201321:00."


def test_every_other_week_needs_a_first_day(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    data = browser_post(client.get(url).content.decode())
    data.update({"tijd-0-freq": "BIWEEKLY", "tijd-0-day": ["TU"], "tijd-0-opens_at": "10:00",
                 "tijd-0-closes_at": "12:00"})
    html = client.post(url, data).content.decode()
    assert "Kies bij „Vanaf” de eerste dag, dan weten we welke weken het is." in html
    data["tijd-0-valid_from"] = "2026-12-08"
    assert client.post(url, data).status_code == 302
    saved = Schedule.objects.get(service=own_service)
    assert (saved.freq, saved.interval, saved.byday, saved.dtstart) == ("WEEKLY", 2, "TU", dt.date(2026, 12, 8))


def test_overnight_needs_the_box_ticked(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    data = browser_post(client.get(url).content.decode())
    data.update({"tijd-0-day": ["SA"], "tijd-0-opens_at": "21:00", "tijd-0-closes_at": "09:00"})
    assert "Kies dan „Open tot de volgende dag”." in client.post(url, data).content.decode()
    data["tijd-0-overnight"] = "on"
    assert client.post(url, data).status_code == 302
    saved = Schedule.objects.get(service=own_service)
    assert (saved.opens_at, saved.closes_at) == (dt.time(21), dt.time(9))
