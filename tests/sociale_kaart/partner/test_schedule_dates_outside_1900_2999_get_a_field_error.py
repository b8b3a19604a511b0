# SPDX-License-Identifier: EUPL-1.2
"""An opening time's "Vanaf" or "Tot en met" outside 1900-2999 was saved as typed: a weekly opening valid from
year 1, or until 9999, went to the public page and the HSDS API. It is now refused beside the field (and in
the summary at the top) in Dutch, and no opening time is written."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.html_support import field_error
from wijkteam.sociale_kaart.models import Schedule, Service

pytestmark = pytest.mark.django_db

YEARS = "Kies een datum tussen 1900 en 2999."


def _one_row(**values: str) -> dict[str, str]:
    row = {"id": "", "freq": "WEEKLY", "day": "TU", "opens_at": "09:00", "closes_at": "12:00", **values}
    return {"tijd-TOTAL_FORMS": "1", "tijd-INITIAL_FORMS": "0", "tijd-MIN_NUM_FORMS": "0",
            "tijd-MAX_NUM_FORMS": "30", **{f"tijd-0-{k}": v for k, v in row.items()}}


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
@pytest.mark.parametrize("field", ["valid_from", "valid_to"])
@pytest.mark.parametrize("freq", ["WEEKLY", "BIWEEKLY"])
def test_a_validity_date_outside_the_years_is_refused(freq: str, field: str, value: str, users: Any,
                                                      own_service: Service, client_for: Any) -> None:
    # "Om de week" needs its first day; the other date is a real one, so only `field` is wrong.
    dates = {"valid_from": "2026-11-24", "valid_to": "2027-06-29", field: value}
    response = client_for(users.partner).post(reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk]),
                                              _one_row(freq=freq, **dates))

    assert response.status_code == 200
    html = response.content.decode()
    error = field_error(html, f"id_tijd-0-{field}")
    assert YEARS in error
    assert "de eerste dag" not in error  # one reason, not also "choose the first day" of "Om de week"
    assert f"Openingstijd 1: {YEARS}" in html  # the summary at the top links to it
    assert not Schedule.objects.filter(service=own_service).exists()


def test_the_edges_of_the_years_are_saved(users: Any, own_service: Service, client_for: Any) -> None:
    response = client_for(users.partner).post(reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk]),
                                              _one_row(valid_from="1900-01-01", valid_to="2999-12-31"))
    assert response.status_code == 302
    schedule = Schedule.objects.get(service=own_service)
    assert (schedule.valid_from.year, schedule.valid_to.year) == (1900, 2999)
