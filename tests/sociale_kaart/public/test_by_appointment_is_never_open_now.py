# SPDX-License-Identifier: EUPL-1.2
"""A service that is "op afspraak" never shows "nu open": a resident walking in finds a closed door.
It says "op afspraak" instead; walk-in hours of the same service still count."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ScheduleFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def status_of(client: Any, service: Any) -> str:
    html = client.get(reverse("sociale_kaart_public:service", args=[service.pk])).content.decode()
    return html


def test_appointment_hours_now_are_not_open(client: Any, frozen_time: Any) -> None:
    # The frozen moment is a Wednesday morning, inside these hours.
    service = ServiceFactory(name="Budgetcoach", terms=["LD01"])
    ScheduleFactory(service=service, byday="MO,TU,WE,TH,FR", opens_at=dt.time(8), closes_at=dt.time(17),
                    attending_type="op afspraak")
    html = status_of(client, service)
    assert "nu open" not in html.lower()
    assert "op afspraak" in html


def test_walk_in_hours_of_the_same_service_still_count(client: Any, frozen_time: Any) -> None:
    service = ServiceFactory(name="Geldspreekuur", terms=["LD01"])
    ScheduleFactory(service=service, byday="WE", opens_at=dt.time(8), closes_at=dt.time(17),
                    attending_type="inloop")
    ScheduleFactory(service=service, byday="MO", opens_at=dt.time(8), closes_at=dt.time(17),
                    attending_type="op afspraak")
    assert "nu open" in status_of(client, service).lower()


def test_open_now_filter_leaves_out_appointment_only_services(client: Any, frozen_time: Any) -> None:
    from wijkteam.sociale_kaart.search import reindex_all

    walk_in = ServiceFactory(name="Geldspreekuur inloop", description="Vragen over geld.", terms=["LD01"])
    ScheduleFactory(service=walk_in, byday="WE", opens_at=dt.time(8), closes_at=dt.time(17), attending_type="inloop")
    appointment = ServiceFactory(name="Budgetcoach afspraak", description="Vragen over geld.", terms=["LD01"])
    ScheduleFactory(service=appointment, byday="WE", opens_at=dt.time(8), closes_at=dt.time(17),
                    attending_type="op afspraak")
    reindex_all()
    page = client.get(reverse("sociale_kaart_public:search"), {"q": "geld", "nu_open": "on"}).content.decode()
    assert "Geldspreekuur inloop" in page
    assert "Budgetcoach afspraak" not in page
