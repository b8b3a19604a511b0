# SPDX-License-Identifier: EUPL-1.2
"""A partner cannot open or change another organisation's service, location or opening times:
403 on GET and POST, nothing changes, and each refusal is in the audit trail with the object id."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import LocationFactory, ScheduleFactory, ServiceAtLocationFactory
from wijkteam.sociale_kaart.models import Metadata, Service

from .conftest import denials, service_post_data

pytestmark = pytest.mark.django_db


def test_get_and_post_on_other_service_are_refused_and_audited(
    users: Any, own_service: Service, other_service: Service, client_for: Any
) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:service_edit", args=[other_service.pk])
    before = Service.objects.values().get(pk=other_service.pk)

    assert client.get(url).status_code == 403
    response = client.post(url, service_post_data(other_service, name="Overgenomen!", description="Gekaapt"))
    assert response.status_code == 403

    assert Service.objects.values().get(pk=other_service.pk) == before
    assert not Metadata.objects.exists()
    refused = denials(other_service.pk)
    assert len(refused) == 2
    assert {e.object_type for e in refused} == {"sociale_kaart.service"}
    assert {e.username for e in refused} == {"partner"}
    # Its own service stays editable: the refusal is about the object, not the role.
    assert client.get(reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])).status_code == 200


@pytest.mark.parametrize("name", ["schedules_edit", "location_create", "service_history"])
def test_other_service_subpages_are_refused(
    name: str, users: Any, other_service: Service, client_for: Any
) -> None:
    client = client_for(users.partner)
    url = reverse(f"sociale_kaart_werk:{name}", args=[other_service.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403
    assert len(denials(other_service.pk)) == 2


def test_klopt_nog_on_other_service_is_refused(users: Any, other_service: Service, client_for: Any) -> None:
    before = other_service.assured_date
    response = client_for(users.partner).post(reverse("sociale_kaart_werk:service_verify", args=[other_service.pk]))
    assert response.status_code == 403
    other_service.refresh_from_db()
    assert other_service.assured_date == before
    assert len(denials(other_service.pk)) == 1


def test_other_location_and_schedules_are_not_touched(
    users: Any, own_service: Service, other_service: Service, client_for: Any
) -> None:
    location = LocationFactory(organization=other_service.organization, name="Kantoor Anders")
    ServiceAtLocationFactory(service=other_service, location=location)
    schedule = ScheduleFactory(service=other_service)
    client = client_for(users.partner)

    url = reverse("sociale_kaart_werk:location_edit", args=[location.pk])
    assert client.get(url).status_code == 403
    post = {"name": "Van mij", "address_1": "Havenstraat 1", "postal_code": "3511 AK", "city": "Voorbeeld",
            "state_province": "Utrecht"}
    assert client.post(url, post).status_code == 403
    location.refresh_from_db()
    assert location.name == "Kantoor Anders"
    assert len(denials(location.pk)) == 2

    # A schedule id of another service smuggled into the partner's own schedule form is refused too.
    own_url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    data = {
        "tijd-TOTAL_FORMS": "1", "tijd-INITIAL_FORMS": "0", "tijd-MIN_NUM_FORMS": "0", "tijd-MAX_NUM_FORMS": "30",
        "tijd-0-id": str(schedule.pk), "tijd-0-freq": "WEEKLY", "tijd-0-day": "MO", "tijd-0-week": "",
        "tijd-0-opens_at": "08:00", "tijd-0-closes_at": "09:00", "tijd-0-DELETE": "on",
    }
    response = client.post(own_url, data)
    assert response.status_code == 200
    assert "intussen gewijzigd" in response.content.decode()
    schedule.refresh_from_db()
    assert schedule.byday == "WE"


def test_unknown_service_id_is_403_for_a_partner(users: Any, client_for: Any, own_org: Any) -> None:
    # Same answer as for an existing service of someone else: ids cannot be probed.
    url = reverse("sociale_kaart_werk:service_edit", args=["00000000-0000-4000-8000-000000000000"])
    assert client_for(users.partner).get(url).status_code == 403
    assert client_for(users.beheerder).get(url).status_code == 404
