# SPDX-License-Identifier: EUPL-1.2
"""A date typed into the case page or the absence form outside 1900-2999 (year 1, year 9999) was stored as
typed: a contact moment in year 1, a task due in 9999, an absence from 0001 to 9999. It is now refused beside
its field in Dutch ("Kies een datum tussen 1900 en 2999."), with nothing written. A contact moment keeps its own
rule for the future, which answers a year after 2999 first."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.html_support import field_error
from wijkteam.casussen.models import Afwezigheid, Contactmoment, Taak

from .continuiteit_support import leaving_team
from .support import case_world

pytestmark = pytest.mark.django_db

YEARS = "Kies een datum tussen 1900 en 2999."
FUTURE_CONTACT = "Een contactmoment kan niet in de toekomst liggen."
TOO_EARLY = ["0001-01-01", "1899-12-31"]
TOO_LATE = ["3000-01-01", "9999-12-31"]


@pytest.mark.parametrize("value", TOO_EARLY + TOO_LATE)
def test_a_contact_moment_outside_the_years_is_refused(value: str, place: Any, users: Any, client_for: Any,
                                                       frozen_time: Any) -> None:
    w = case_world(place, users)
    response = client_for(users.medewerker).post(reverse("casussen:casus_contact", args=[w.casus.pk]), {
        "contact-soort": "telefoon", "contact-datum": value, "contact-verslag": "Gebeld over de post."})

    assert response.status_code == 400
    expected = YEARS if value in TOO_EARLY else FUTURE_CONTACT
    assert expected in field_error(response.content.decode(), "id_contact-datum")
    assert not Contactmoment.objects.exists()


@pytest.mark.parametrize("value", TOO_EARLY + TOO_LATE)
def test_a_task_deadline_outside_the_years_is_refused(value: str, place: Any, users: Any, client_for: Any,
                                                      frozen_time: Any) -> None:
    w = case_world(place, users)
    response = client_for(users.medewerker).post(reverse("casussen:casus_taak", args=[w.casus.pk]), {
        "taak-titel": "Bewindvoerder bellen", "taak-deadline": value})

    assert response.status_code == 400
    assert YEARS in field_error(response.content.decode(), "id_taak-deadline")
    assert not Taak.objects.exists()


@pytest.mark.parametrize("value", TOO_EARLY + TOO_LATE)
@pytest.mark.parametrize("field", ["vanaf", "tot"])
def test_an_absence_date_outside_the_years_is_refused(field: str, value: str, place: Any, users: Any,
                                                      client_for: Any, frozen_time: Any) -> None:
    team = leaving_team(place)
    data = {"medewerker": team.leaver.pk, "soort": "verlof", "vanaf": "2026-11-30", "tot": "2026-12-11",
            field: value}
    response = client_for(users.teamleider).post(reverse("casussen:afwezigheden"), data)

    assert response.status_code == 400
    assert YEARS in field_error(response.content.decode(), f"id_{field}")
    assert not Afwezigheid.objects.exists()


def test_the_edges_of_the_years_are_accepted(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    w = case_world(place, users)
    client = client_for(users.medewerker)
    assert client.post(reverse("casussen:casus_contact", args=[w.casus.pk]), {
        "contact-soort": "telefoon", "contact-datum": "1900-01-01", "contact-verslag": "Oud verslag."}
    ).status_code == 302
    assert client.post(reverse("casussen:casus_taak", args=[w.casus.pk]), {
        "taak-titel": "Ver vooruit", "taak-deadline": "2999-12-31"}).status_code == 302
    assert Contactmoment.objects.get().datum.year == 1900 and Taak.objects.get().deadline.year == 2999
