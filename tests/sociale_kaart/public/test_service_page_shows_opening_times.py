# SPDX-License-Identifier: EUPL-1.2
"""The service page says in words when it is open (monthly rules too), and whether it is open now."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tests.factories_sociale_kaart import ScheduleFactory, ServiceAtLocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def page(client, service) -> str:
    response = client.get(reverse("sociale_kaart_public:service", args=[service.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_weekly_and_monthly_times_in_words(client, inloop, frozen_time):
    html = page(client, inloop)
    assert "Elke 1e maandag van de maand, 19:00\u201321:00" in html
    assert "Elke woensdag, 9:00\u201312:00" in html


def test_open_now_at_the_frozen_moment(client, inloop, frozen_time):
    # conftest's moment: Wednesday 25 November 2026, 10:15.
    assert ">Nu open<" in page(client, inloop)


def test_closed_now_says_when_it_opens_again(client, inloop):
    with time_machine.travel(dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC), tick=False):  # Thursday
        html = page(client, inloop)
    assert "Nu gesloten, weer open op woensdag 9:00" in html


def test_closed_until_later_today(client, inloop):
    with time_machine.travel(dt.datetime(2026, 11, 25, 7, 0, tzinfo=dt.UTC), tick=False):  # Wed 8:00
        assert "Nu gesloten, weer open vandaag 9:00" in page(client, inloop)


def test_times_at_a_location_count_for_the_service(client, frozen_time):
    service = ServiceFactory()
    at_location = ServiceAtLocationFactory(service=service)
    ScheduleFactory(
        service=None,
        service_at_location=at_location,
        freq="MONTHLY",
        byday="-1FR",
        opens_at=dt.time(14),
        closes_at=dt.time(16),
    )
    html = page(client, service)
    assert "Elke laatste vrijdag van de maand, 14:00\u201316:00" in html
    assert "Nu gesloten, weer open op vrijdag 27 november 14:00" not in html  # 2 days ahead: weekday only
    assert "Nu gesloten, weer open op vrijdag 14:00" in html


def test_no_times_no_open_claim(client, frozen_time):
    html = page(client, ServiceFactory())
    assert "Nu open" not in html and "Nu gesloten" not in html
