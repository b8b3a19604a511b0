# SPDX-License-Identifier: EUPL-1.2
"""Opening times: weekly ("elke dinsdag") and monthly ("elke 2e dinsdag") rules through the form,
changed and deleted, each change a metadata row of the schedule."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ScheduleFactory
from wijkteam.sociale_kaart.models import Schedule, Service

from .conftest import metadata_rows

pytestmark = pytest.mark.django_db


def management(total: int, initial: int) -> dict[str, str]:
    return {"tijd-TOTAL_FORMS": str(total), "tijd-INITIAL_FORMS": str(initial), "tijd-MIN_NUM_FORMS": "0",
            "tijd-MAX_NUM_FORMS": "30"}


def row(i: int, **values: str) -> dict[str, str]:
    base = {"id": "", "freq": "WEEKLY", "week": "", "day": "TU", "opens_at": "", "closes_at": "", "description": ""}
    base.update(values)
    return {f"tijd-{i}-{k}": v for k, v in base.items()}


def test_weekly_and_monthly_rules(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {
        **management(2, 0),
        **row(0, freq="WEEKLY", day="TU", opens_at="09:00", closes_at="12:00"),
        **row(1, freq="MONTHLY", week="2", day="TU", opens_at="19:00", closes_at="21:00",
              description="Niet in augustus."),
    })
    assert response.status_code == 302
    rules = {(s.freq, s.byday, s.opens_at.strftime("%H:%M"), s.closes_at.strftime("%H:%M"))
             for s in Schedule.objects.filter(service=own_service)}
    assert rules == {("WEEKLY", "TU", "09:00", "12:00"), ("MONTHLY", "2TU", "19:00", "21:00")}
    monthly = Schedule.objects.get(service=own_service, freq="MONTHLY")
    assert ("schedule", "create", "byday", "", "2TU", "partner") in metadata_rows(resource_id=monthly.pk)

    # The service page describes them in words (the schedules module's wording).
    page = client.get(reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])).content.decode()
    assert "dinsdag" in page

    weekly = Schedule.objects.get(service=own_service, freq="WEEKLY")
    ordered = list(Schedule.objects.filter(service=own_service).order_by("created", "id"))
    index = {s.pk: i for i, s in enumerate(ordered)}
    forms = {}
    forms.update(row(index[weekly.pk], id=str(weekly.pk), freq="WEEKLY", day="TU", opens_at="09:00",
                     closes_at="13:00"))
    forms.update(row(index[monthly.pk], id=str(monthly.pk), freq="MONTHLY", week="2", day="TU", opens_at="19:00",
                     closes_at="21:00", description="Niet in augustus.", DELETE="on"))
    response = client.post(url, {**management(2, 2), **forms})
    assert response.status_code == 302
    weekly.refresh_from_db()
    assert weekly.closes_at.strftime("%H:%M") == "13:00"
    assert not Schedule.objects.filter(pk=monthly.pk).exists()
    assert metadata_rows(resource_id=weekly.pk, last_action_type="update") == {
        ("schedule", "update", "closes_at", "12:00", "13:00", "partner"),
        # The rule in words follows the hours, for HSDS readers that only show the description.
        ("schedule", "update", "description", "Elke dinsdag, 9:00\u201312:00.", "Elke dinsdag, 9:00\u201313:00.",
         "partner"),
    }
    assert ("schedule", "delete", "byday", "2TU", "", "partner") in metadata_rows(resource_id=monthly.pk)


def test_schedule_errors_name_the_field(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    response = client.post(url, {
        **management(1, 0),
        **row(0, freq="MONTHLY", week="", day="TU", opens_at="12:00", closes_at="09:00"),
    })
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies bij „Welke week van de maand” de week" in html
    assert "De tijd bij „Tot” moet later zijn dan de tijd bij „Van”." in html
    assert not Schedule.objects.exists()


def test_imported_rules_the_form_cannot_edit_are_shown_and_kept(
    users: Any, own_service: Service, client_for: Any
) -> None:
    # Week numbers of the year: a rule this form cannot express, so it is shown and kept as it is.
    imported = ScheduleFactory(service=own_service, byday="MO", byweekno="1,2", description="Begin januari.")
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    html = client.get(url).content.decode()
    assert "kun je hier niet wijzigen" in html
    response = client.post(url, {**management(1, 0), **row(0, day="SA", opens_at="10:00", closes_at="11:00")})
    assert response.status_code == 302
    imported.refresh_from_db()
    assert (imported.byday, imported.byweekno) == ("MO", "1,2")
