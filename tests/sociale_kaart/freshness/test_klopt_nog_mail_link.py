# SPDX-License-Identifier: EUPL-1.2
"""The signed link in the mail leads to a confirmation page (GET changes nothing); its POST button
confirms. Tampered links are refused (400), expired ones too (410), and neither changes anything."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.freshness import create_due_tasks
from wijkteam.sociale_kaart.models import Organization, Service
from wijkteam.sociale_kaart.models.werk import VerificationStatus, VerificationTask

from ..partner.conftest import metadata_rows

pytestmark = pytest.mark.django_db

MAILED_AT = "2026-11-26T06:15:00+01:00"


@pytest.fixture
def mailed(users: Any, own_org: Organization, django_capture_on_commit_callbacks: Any) -> tuple[Service, str]:
    service = ServiceFactory(organization=own_org, name="Taalcafé De Brug", assured_date=dt.date(2026, 5, 1))
    with time_machine.travel(MAILED_AT, tick=False), django_capture_on_commit_callbacks(execute=True):
        create_due_tasks()
    (message,) = mail.outbox
    match = re.search(r"https?://[^/\s]+(/werk/sociale-kaart/klopt-nog/[^\s]+/)", message.body)
    assert match is not None
    return service, match.group(1)


def test_confirm_page_then_post(users: Any, mailed: tuple[Service, str]) -> None:
    service, path = mailed
    client = Client()  # not logged in: the mail link works on its own
    with time_machine.travel("2026-11-28T20:00:00+01:00", tick=False):
        page = client.get(path)
        assert page.status_code == 200
        assert "Ja, dit klopt nog" in page.content.decode()
        service.refresh_from_db()
        assert service.assured_date == dt.date(2026, 5, 1)

        response = client.post(path)
    assert response.status_code == 200
    assert "Dank u wel" in response.content.decode()
    service.refresh_from_db()
    assert service.assured_date == dt.date(2026, 11, 28)
    assert metadata_rows(resource_id=service.pk) == {
        ("service", "verify", "assured_date", "2026-05-01", "2026-11-28", "partner"),
    }
    assert VerificationTask.objects.get().status == VerificationStatus.DONE
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(service.pk))
    assert event.user_id == users.partner.pk

    # Using the link again: "al bevestigd", nothing new.
    with time_machine.travel("2026-11-29T09:00:00+01:00", tick=False):
        again = client.post(path)
    assert "al bevestigd" in again.content.decode()
    assert service.hsds_metadata().count() == 1


def test_tampered_link_is_refused(mailed: tuple[Service, str]) -> None:
    service, path = mailed
    token = path.rstrip("/").rsplit("/", 1)[1]
    tampered = path.replace(token, token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"))
    client = Client()
    with time_machine.travel("2026-11-28T20:00:00+01:00", tick=False):
        assert client.get(tampered).status_code == 400
        assert client.post(tampered).status_code == 400
    service.refresh_from_db()
    assert service.assured_date == dt.date(2026, 5, 1)
    assert AuditEvent.objects.filter(action=Action.DENIED, object_type="sociale_kaart.verificationtask").count() == 2


def test_expired_link_is_refused(settings: Any, mailed: tuple[Service, str]) -> None:
    service, path = mailed
    client = Client()
    # Valid for WIJKTEAM_FRESHNESS_LINK_DAYS (30) days after the mail.
    with time_machine.travel("2026-12-25T06:00:00+01:00", tick=False):
        assert client.get(path).status_code == 200
    with time_machine.travel("2026-12-26T07:00:00+01:00", tick=False):
        response = client.post(path)
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()
    service.refresh_from_db()
    assert service.assured_date == dt.date(2026, 5, 1)


def test_link_of_a_user_who_left_no_longer_works(users: Any, mailed: tuple[Service, str]) -> None:
    service, path = mailed
    users.partner.is_active = False
    users.partner.save()
    with time_machine.travel("2026-11-28T20:00:00+01:00", tick=False):
        assert Client().post(path).status_code == 400
    service.refresh_from_db()
    assert service.assured_date == dt.date(2026, 5, 1)
