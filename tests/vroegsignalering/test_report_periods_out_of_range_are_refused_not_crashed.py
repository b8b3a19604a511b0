# SPDX-License-Identifier: EUPL-1.2
"""Hand-edited report URLs with years outside any real period (0000, 0001, 9999) overflowed Python's dates (a
500). The month and date fields now take years 1900-2999 only and say so in Dutch. The outreach queue's
team/buurt and the assign form's worker take database ids only ("²" passed `isdigit` and crashed `int`)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories_vroegsignalering as fvs

pytestmark = pytest.mark.django_db

YEARS = "Kies een datum tussen 1900 en 2999."


@pytest.mark.parametrize("url", ["vroegsignalering:rapportage_funnel", "hulpvragen:collective_share"])
@pytest.mark.parametrize("params", [{"van": "0000-01", "tot": "2026-03"}, {"van": "0001-01", "tot": "0001-01"},
                                    {"van": "9999-12", "tot": "9999-12"}])
def test_report_months_outside_real_years(place: Any, users: Any, client_for: Any, frozen_time: Any, url: str,
                                          params: dict[str, str]) -> None:
    response = client_for(users.analist).get(reverse(url), params)
    assert response.status_code in (200, 400)
    assert YEARS in response.content.decode()


@pytest.mark.parametrize("url", ["vroegsignalering:rapportage_funnel_csv", "hulpvragen:collective_share_csv"])
def test_report_csv_with_a_year_out_of_range_is_not_a_500(place: Any, users: Any, client_for: Any,
                                                          frozen_time: Any, url: str) -> None:
    response = client_for(users.analist).get(reverse(url), {"van": "0001-01", "tot": "0001-01"})
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("params", [{"van": "9999-06-01", "tot": "9999-07-01"}, {"van": "0001-01-01",
                                                                                  "tot": "0001-02-01"}])
def test_ddas_period_outside_real_years(place: Any, users: Any, client_for: Any, frozen_time: Any,
                                        params: dict[str, str]) -> None:
    response = client_for(users.analist).get(reverse("vroegsignalering:rapportage_ddas"), params)
    assert response.status_code in (200, 400)
    assert YEARS in response.content.decode()


def test_queue_filters_and_assignment_take_database_ids_only(place: Any, users: Any, client_for: Any,
                                                             frozen_time: Any) -> None:
    client = client_for(users.teamleider)
    queue = reverse("vroegsignalering:outreach_queue")
    for params in ({"team": "²"}, {"buurt": "①"}, {"team": "99999999999999999999999"}):
        assert client.get(queue, params).status_code == 200
    zaak = fvs.VroegsignaalzaakFactory(team=place.team_a, buurt=place.buurt_a)
    response = client.post(reverse("vroegsignalering:zaak_assign", args=[zaak.pk]), {"aan": "²"})
    assert response.status_code in (302, 400)
    zaak.refresh_from_db()
    assert zaak.toegewezen_aan_id is None
