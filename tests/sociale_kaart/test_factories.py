# SPDX-License-Identifier: EUPL-1.2
"""The sociale-kaart factories build what their traits promise (other tests lean on them)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories_sociale_kaart import (
    STALE_ASSURED_DATE,
    LocationFactory,
    ScheduleFactory,
    ServiceFactory,
)
from wijkteam.sociale_kaart.models import Frequency, Location, LocationType, ServiceStatus

pytestmark = pytest.mark.django_db


def test_default_service_is_active_and_fresh():
    service = ServiceFactory()
    assert service.status == ServiceStatus.ACTIVE
    assert service.assured_date > STALE_ASSURED_DATE


def test_stale_service():
    assert ServiceFactory(stale=True).assured_date == STALE_ASSURED_DATE


def test_free_service_has_a_zero_cost_option():
    service = ServiceFactory(free=True)
    assert [c.amount for c in service.cost_options.all()] == [Decimal(0)]


def test_wheelchair_service_is_offered_at_an_accessible_location():
    service = ServiceFactory(wheelchair=True)
    location = service.service_at_locations.get().location
    assert location.organization == service.organization
    assert Location.objects.wheelchair_accessible().filter(pk=location.pk).exists()
    assert not Location.objects.wheelchair_accessible().filter(pk=LocationFactory().pk).exists()


def test_location_has_coordinates_and_an_address():
    location = LocationFactory(address__postal_code="3511 AB")
    assert location.latitude is not None and location.longitude is not None
    address = location.addresses.get()
    assert (address.postal_code, address.country) == ("3511 AB", "NL")


def test_virtual_location_has_no_address():
    location = LocationFactory(virtual=True)
    assert location.location_type == LocationType.VIRTUAL
    assert not location.addresses.exists()


def test_schedules_weekly_and_monthly():
    weekly = ScheduleFactory(weekly=True)
    monthly = ScheduleFactory(monthly=True)
    assert (weekly.freq, weekly.byday, weekly.opens_at) == (Frequency.WEEKLY, "WE", dt.time(9, 0))
    assert (monthly.freq, monthly.byday) == (Frequency.MONTHLY, "1MO")
