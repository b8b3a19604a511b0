# SPDX-License-Identifier: EUPL-1.2
"""Rows a beheerder changes, adds or deletes in the admin's inlines (opening times, phones,
languages... on the service page) are recorded like any other edit: HSDS metadata per field, an
audit row, and the service's search row (its result card) refreshed."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import LocationFactory, ScheduleFactory, ServiceAtLocationFactory, ServiceFactory
from tests.sociale_kaart.admin_form import admin_form
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.models import Language, Metadata, Phone, Schedule, Service
from wijkteam.sociale_kaart.search import reindex_service
from wijkteam.sociale_kaart.search.backends import read_cards
from wijkteam.sociale_kaart.search.cards import parse_card

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(db: None) -> Service:
    service = ServiceFactory(name="Taalcafé De Brug")
    ScheduleFactory(service=service, byday="WE", opens_at="09:00", closes_at="12:00")
    Phone.objects.create(service=service, number="030 123 45 67")
    reindex_service(service)
    return service


def _save(client: Any, service: Service, capture: Any, **changes: Any) -> None:
    url = reverse("admin:sociale_kaart_service_change", args=[service.pk])
    form = admin_form(client.get(url))
    with capture(execute=True):
        response = client.post(url, {**form, **changes})
    assert response.status_code == 302, response.content.decode()[:2000]


def _rows(obj: Any) -> set[tuple[str, str, str, str, str]]:
    return {
        (m.last_action_type, m.field_name, m.previous_value, m.replacement_value, m.updated_by)
        for m in Metadata.objects.filter(resource_id=obj.pk, resource_type=obj.hsds_table)
    }


def _card_schedules(service: Service) -> list[dict[str, Any]]:
    card = parse_card(read_cards([service.pk])[service.pk])
    assert card is not None
    return list(card.schedules)


def test_changed_schedule_row_is_recorded_and_reindexed(users, client_for, service, django_capture_on_commit_callbacks):
    schedule = service.schedules.get()
    assert _card_schedules(service)[0]["closes_at"] == "12:00:00"

    _save(client_for(users.beheerder), service, django_capture_on_commit_callbacks,
          **{"schedules-0-closes_at": "13:00"})

    schedule.refresh_from_db()
    assert schedule.closes_at.isoformat() == "13:00:00"
    assert _rows(schedule) == {("update", "closes_at", "12:00", "13:00", "beheerder")}
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(schedule.pk), username="beheerder").exists()
    assert _card_schedules(service)[0]["closes_at"] == "13:00:00"


def test_added_row_is_recorded_as_created(users, client_for, service, django_capture_on_commit_callbacks):
    _save(client_for(users.beheerder), service, django_capture_on_commit_callbacks, **{
        "languages-TOTAL_FORMS": "1", "languages-0-name": "Arabisch", "languages-0-code": "ar",
        "languages-0-service": str(service.pk),
    })

    language = Language.objects.get(service=service)
    assert _rows(language) >= {
        ("create", "name", "", "Arabisch", "beheerder"),
        ("create", "code", "", "ar", "beheerder"),
    }
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(language.pk), username="beheerder").exists()


def test_deleted_row_is_recorded_as_deleted(users, client_for, service, django_capture_on_commit_callbacks):
    schedule = service.schedules.get()
    phone = service.phones.get()

    _save(client_for(users.beheerder), service, django_capture_on_commit_callbacks, **{
        "phones-0-DELETE": "on", "schedules-0-DELETE": "on",
    })

    assert not Phone.objects.filter(pk=phone.pk).exists()
    assert ("delete", "number", "030 123 45 67", "", "beheerder") in _rows(phone)
    assert ("delete", "closes_at", "12:00", "", "beheerder") in _rows(schedule)
    assert AuditEvent.objects.filter(action=Action.DELETE, object_id=str(phone.pk), username="beheerder").exists()
    assert not Schedule.objects.filter(service=service).exists()
    assert _card_schedules(service) == []


def test_changed_address_on_the_location_page_shows_on_the_service_card(
    users, client_for, service, django_capture_on_commit_callbacks
):
    location = LocationFactory(organization=service.organization, address__address_1="Havenstraat 1")
    ServiceAtLocationFactory(service=service, location=location)
    reindex_service(service)
    address = location.addresses.get()
    url = reverse("admin:sociale_kaart_location_change", args=[location.pk])
    client = client_for(users.beheerder)
    form = admin_form(client.get(url))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**form, "addresses-0-address_1": "Havenstraat 2"})
    assert response.status_code == 302, response.content.decode()[:2000]

    assert _rows(address) == {("update", "address_1", "Havenstraat 1", "Havenstraat 2", "beheerder")}
    card = parse_card(read_cards([service.pk])[service.pk])
    assert card is not None
    assert [loc.address.split(",")[0] for loc in card.locations] == ["Havenstraat 2"]
