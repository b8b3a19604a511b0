# SPDX-License-Identifier: EUPL-1.2
"""A partner edits its own service through the form; every changed field becomes one HSDS metadata
row, the change is audited, `modified` moves on and the search index is refreshed after commit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory, term
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart import history
from wijkteam.sociale_kaart.models import Service

from .conftest import metadata_rows, service_post_data

pytestmark = pytest.mark.django_db


def test_partner_edits_own_service_and_each_change_is_one_metadata_row(
    users: Any, own_org: Any, client_for: Any, monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with time_machine.travel(dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        service = ServiceFactory(
            organization=own_org, name="Taalcafé De Brug", description="Oefen Nederlands.", email="",
            terms=["LD11", "SA05"],
        )
    modified_before = service.modified
    reindexed: list[Any] = []
    monkeypatch.setattr(history, "_search_reindexer", lambda: reindexed.append)

    with time_machine.travel("2026-11-25T10:15:00+01:00", tick=False):
        client = client_for(users.partner)
        url = reverse("sociale_kaart_werk:service_edit", args=[service.pk])
        page = client.get(url)
        assert page.status_code == 200
        assert "Taalcafé De Brug wijzigen" in page.content.decode()

        post = service_post_data(
            service,
            description="Oefen Nederlands met buren.",
            email="taalcafe@voorbeeld.test",
            levensdomeinen=[str(term("LD11").pk), str(term("LD12").pk)],
            phone="030-1234567",
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, post)

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.description == "Oefen Nederlands met buren."
    assert service.email == "taalcafe@voorbeeld.test"
    assert sorted(service.terms().values_list("code", flat=True)) == ["LD11", "LD12", "SA05"]
    assert service.phones.get().number == "030-1234567"
    assert service.modified > modified_before

    phone = service.phones.get()
    assert metadata_rows(resource_id=service.pk) == {
        ("service", "update", "description", "Oefen Nederlands.", "Oefen Nederlands met buren.", "partner"),
        ("service", "update", "email", "", "taalcafe@voorbeeld.test", "partner"),
        ("service", "update", "levensdomeinen", "LD11", "LD11,LD12", "partner"),
    }
    assert metadata_rows(resource_id=phone.pk) == {
        ("phone", "create", "number", "", "030-1234567", "partner"),
        ("phone", "create", "type", "", "voice", "partner"),
    }
    assert set(service.hsds_metadata().values_list("last_action_date", flat=True)) == {dt.date(2026, 11, 25)}

    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(service.pk))
    assert event.username == "partner"
    assert event.object_type == "sociale_kaart.service"
    assert sorted(event.detail["fields"]) == ["description", "email", "levensdomeinen", "phones"]
    assert [s.pk for s in reindexed] == [service.pk]


def test_saving_unchanged_form_writes_nothing(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    response = client.post(url, service_post_data(own_service))
    assert response.status_code == 302
    assert not own_service.hsds_metadata().exists()
    assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()


def test_confirm_current_checkbox_also_verifies(users: Any, own_service: Service, client_for: Any,
                                                frozen_time: Any) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    old = own_service.assured_date
    response = client.post(url, service_post_data(own_service, confirm_current="on"))
    assert response.status_code == 302
    own_service.refresh_from_db()
    assert own_service.assured_date == dt.date(2026, 11, 25)
    assert metadata_rows(resource_id=own_service.pk) == {
        ("service", "verify", "assured_date", old.isoformat(), "2026-11-25", "partner"),
    }


def test_partner_changes_status_cost_and_languages(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    response = client.post(url, service_post_data(
        own_service, status="temporarily closed", alert="Gesloten tot 1 januari wegens verbouwing.",
        free="on", languages="Nederlands, Arabisch",
    ))
    assert response.status_code == 302
    own_service.refresh_from_db()
    assert own_service.status == "temporarily closed"
    assert own_service.cost_options.get().amount == 0
    assert sorted(own_service.languages.values_list("name", "code")) == [("Arabisch", "ar"), ("Nederlands", "nl")]
    assert ("service", "update", "status", "active", "temporarily closed", "partner") in metadata_rows(
        resource_id=own_service.pk)

    # Taking "gratis" and a language away deletes those rows, recorded as "delete".
    response = client.post(url, service_post_data(own_service, languages="Nederlands", free=None))
    own_service.refresh_from_db()
    assert not own_service.cost_options.exists()
    assert list(own_service.languages.values_list("name", flat=True)) == ["Nederlands"]
    deleted = metadata_rows(last_action_type="delete")
    assert ("language", "delete", "name", "Arabisch", "", "partner") in deleted
    assert ("cost_option", "delete", "amount", "0", "", "partner") in deleted


def test_saves_made_elsewhere_are_recorded_with_record_save(users: Any, own_service: Service) -> None:
    # What the admin's save_model does: snapshot, save, record.
    before = history.snapshot(own_service)
    own_service.name = "Taalcafé De Brug (Centrum)"
    own_service.save()
    assert history.record_save(own_service, before, user=users.beheerder) == 1
    assert metadata_rows(resource_id=own_service.pk) == {
        ("service", "update", "name", "Taalcafé De Brug", "Taalcafé De Brug (Centrum)", "beheerder"),
    }
