# SPDX-License-Identifier: EUPL-1.2
"""The public HSDS API (no key) published the personal e-mail address of the partner who pressed "klopt nog"
(service.assurer_email) and the username of whoever changed a record (metadata.updated_by). Now assurer_email
is the organisation's own address, and the API names the organisation (the partner's, or the municipality for
staff) instead of the username. The beheerder's export, a backup, keeps the username (round trip)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from wijkteam.sociale_kaart.hsds_io import exporters
from wijkteam.sociale_kaart.models import Service
from wijkteam.sociale_kaart.search import reindex_service

pytestmark = pytest.mark.django_db


def test_confirming_a_service_publishes_no_personal_data(users: Any, own_service: Service, client_for: Any,
                                                         frozen_time: Any,
                                                         django_capture_on_commit_callbacks: Any) -> None:
    Service.objects.filter(pk=own_service.pk).update(assured_date=dt.date(2026, 3, 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(users.partner).post(
            reverse("sociale_kaart_werk:service_verify", args=[own_service.pk])).status_code == 302
    reindex_service(own_service)
    public = Client()
    bodies = [public.get(f"/api/hsds/services/{own_service.pk}"), public.get("/api/hsds/services"),
              public.get("/api/hsds/organizations", {"full": "true"})]
    assert all(response.status_code == 200 for response in bodies)
    detail = bodies[0].json()
    assert detail["assured_date"] == "2026-11-25"
    assert detail.get("assurer_email", own_service.organization.email) == own_service.organization.email
    assert {m["updated_by"] for m in detail["metadata"]} == {users.partner.organisatie.naam}
    for response in bodies:
        text = response.content.decode()
        assert users.partner.email not in text
        assert f'"{users.partner.username}"' not in text


def test_staff_changes_are_published_as_the_municipalitys(users: Any, own_service: Service, client_for: Any,
                                                          frozen_time: Any) -> None:
    from wijkteam.sociale_kaart import history

    before = history.snapshot(own_service)
    own_service.name = "Taalcafé De Brug (nieuw)"
    own_service.save()
    history.record_save(own_service, before, user=users.beheerder)
    detail = Client().get(f"/api/hsds/services/{own_service.pk}").json()
    assert {m["updated_by"] for m in detail["metadata"]} == {settings.WIJKTEAM_GEMEENTE_NAAM}
    # The beheerder's export keeps who it was (export -> import -> export stays the same).
    (exported,) = [item for item in exporters.json_items() if item["id"] == str(own_service.pk)]
    assert {m["updated_by"] for m in exported["metadata"]} == {users.beheerder.username}
