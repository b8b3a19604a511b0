# SPDX-License-Identifier: EUPL-1.2
"""The in-app "klopt nog" button (POST) sets assured_date to today, records a "verify" metadata row,
closes the open task and empties the badge; a GET changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.models import Service
from wijkteam.sociale_kaart.models.werk import VerificationStatus, VerificationTask

from ..partner.conftest import metadata_rows

pytestmark = pytest.mark.django_db


def test_klopt_nog_button(users: Any, own_service: Service, client_for: Any, frozen_time: Any) -> None:
    Service.objects.filter(pk=own_service.pk).update(assured_date=dt.date(2026, 3, 1))
    task = VerificationTask.objects.create(service=own_service, checked_on=dt.date(2026, 3, 1),
                                           due_on=dt.date(2026, 9, 1))
    client = client_for(users.partner)
    page = client.get(reverse("sociale_kaart_werk:mijn_aanbod")).content.decode()
    assert "1 te controleren" in page
    assert "Klopt nog: Taalcafé De Brug" in page

    url = reverse("sociale_kaart_werk:service_verify", args=[own_service.pk])
    assert client.get(url).status_code == 405
    own_service.refresh_from_db()
    assert own_service.assured_date == dt.date(2026, 3, 1)

    response = client.post(url, {"next": reverse("sociale_kaart_werk:mijn_aanbod")})
    assert response.status_code == 302
    assert response["Location"] == reverse("sociale_kaart_werk:mijn_aanbod")
    own_service.refresh_from_db()
    assert own_service.assured_date == dt.date(2026, 11, 25)
    # HSDS publishes it: the organisation's own address, not the partner's personal one.
    assert own_service.assurer_email == own_service.organization.email != users.partner.email
    assert metadata_rows(resource_id=own_service.pk) == {
        ("service", "verify", "assured_date", "2026-03-01", "2026-11-25", "partner"),
    }
    task.refresh_from_db()
    assert (task.status, task.completed_by) == (VerificationStatus.DONE, "partner")
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(own_service.pk)).exists()

    page = client.get(reverse("sociale_kaart_werk:mijn_aanbod")).content.decode()
    assert "te controleren</span>" not in page
    assert "Er is niets te controleren." in page

    # Twice on one day: one metadata row.
    client.post(url)
    assert own_service.hsds_metadata().count() == 1


def test_next_parameter_cannot_leave_the_site(users: Any, own_service: Service, client_for: Any) -> None:
    response = client_for(users.partner).post(
        reverse("sociale_kaart_werk:service_verify", args=[own_service.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("sociale_kaart_werk:mijn_aanbod")
