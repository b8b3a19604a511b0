# SPDX-License-Identifier: EUPL-1.2
"""Six months after the last check the partner gets one verification task and one mail (in Dutch,
plain text and HTML, with a "klopt nog" link); running the check again creates and mails nothing."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tests.factories import UserFactory
from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.freshness import create_due_tasks
from wijkteam.sociale_kaart.models import Organization, Service
from wijkteam.sociale_kaart.models.werk import VerificationStatus, VerificationTask

pytestmark = pytest.mark.django_db

LAST_CHECK = dt.date(2026, 5, 25)


def run_check(on: str, capture: Any) -> Any:
    with time_machine.travel(on, tick=False), capture(execute=True):
        return create_due_tasks()


def test_task_and_one_mail_once(
    users: Any, own_org: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    service = ServiceFactory(organization=own_org, name="Taalcafé De Brug", assured_date=LAST_CHECK)
    fresh = ServiceFactory(organization=own_org, name="Koffieochtend", assured_date=dt.date(2026, 9, 1))

    # Exactly six months later: not yet due.
    run = run_check("2026-11-25T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert run.created == [] and mail.outbox == []

    # One day later it is.
    run = run_check("2026-11-26T06:15:00+01:00", django_capture_on_commit_callbacks)
    task = VerificationTask.objects.get()
    assert (task.service, task.checked_on, task.due_on, task.status) == (
        service, LAST_CHECK, dt.date(2026, 11, 25), VerificationStatus.OPEN)
    assert task.mailed_at is not None
    assert not VerificationTask.objects.filter(service=fresh).exists()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [users.partner.email]
    assert message.subject == "Klopt de informatie over „Taalcafé De Brug” nog?"
    assert "Taalcafé De Brug (laatst gecontroleerd op 25 mei 2026)" in message.body
    assert "/werk/sociale-kaart/klopt-nog/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Ja, de informatie over Taalcafé De Brug klopt nog" in str(html)

    # Again the same day, the next day and a week later: nothing new.
    for day in ("2026-11-26T18:00:00+01:00", "2026-11-27T06:15:00+01:00", "2026-12-03T06:15:00+01:00"):
        run = run_check(day, django_capture_on_commit_callbacks)
        assert run.created == []
    assert VerificationTask.objects.count() == 1
    assert len(mail.outbox) == 1


def test_one_mail_per_recipient_for_all_due_services(
    users: Any, own_org: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    colleague = UserFactory(username="partner2", partner=True, organisatie=users.partner.organisatie)
    ServiceFactory(organization=own_org, name="Taalcafé De Brug", assured_date=LAST_CHECK)
    ServiceFactory(organization=own_org, name="Koffieochtend", assured_date=dt.date(2026, 1, 2))
    users.partner.organisatie.email = "info@buurtkracht.test"
    users.partner.organisatie.save()

    run_check("2026-11-26T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert VerificationTask.objects.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [users.partner.email, colleague.email, "info@buurtkracht.test"])
    for message in mail.outbox:
        assert "Koffieochtend" in message.body and "Taalcafé De Brug" in message.body
        assert "(2 onderdelen)" in message.subject


def test_organisation_without_partner_or_any_address_gets_task_but_no_mail(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    # Imported organisations are mailed at their HSDS address (test_imported_organisation_...); this one has none.
    service = ServiceFactory(assured_date=LAST_CHECK, email="", organization__email="")
    run_check("2026-11-26T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert VerificationTask.objects.filter(service=service).exists()
    assert mail.outbox == []


def test_after_klopt_nog_the_next_period_gets_its_own_task(
    users: Any, own_org: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    from wijkteam.sociale_kaart.partner.services import verify_service

    service = ServiceFactory(organization=own_org, assured_date=LAST_CHECK)
    run_check("2026-11-26T06:15:00+01:00", django_capture_on_commit_callbacks)
    with time_machine.travel("2026-11-27T10:00:00+01:00", tick=False):
        verify_service(service, user=users.partner)
    assert VerificationTask.objects.get().status == VerificationStatus.DONE
    # Six months after that check: a new task and a new mail.
    run_check("2027-05-28T06:15:00+02:00", django_capture_on_commit_callbacks)
    assert VerificationTask.objects.filter(service=service).count() == 2
    assert len(mail.outbox) == 2


def test_thresholds_come_from_settings(
    settings: Any, own_org: Organization, users: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.WIJKTEAM_FRESHNESS_VERIFY_MONTHS = 3
    ServiceFactory(organization=own_org, assured_date=dt.date(2026, 8, 1))
    run = run_check("2026-11-26T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert len(run.created) == 1


def test_inactive_services_get_no_task(own_org: Organization, django_capture_on_commit_callbacks: Any) -> None:
    ServiceFactory(organization=own_org, assured_date=LAST_CHECK, inactive=True)
    run = run_check("2026-11-26T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert run.created == []


def test_management_command_is_idempotent(
    users: Any, own_service: Service, django_capture_on_commit_callbacks: Any
) -> None:
    Service.objects.filter(pk=own_service.pk).update(assured_date=LAST_CHECK)
    out = StringIO()
    with time_machine.travel("2026-11-26T06:15:00+01:00", tick=False), django_capture_on_commit_callbacks(
        execute=True
    ):
        call_command("check_freshness", stdout=out)
        call_command("check_freshness", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Controletaken: 1 nieuw")
    assert lines[1].startswith("Controletaken: 0 nieuw")
    assert len(mail.outbox) == 1


def test_the_freshness_task_runs_the_check(
    users: Any, own_service: Service, django_capture_on_commit_callbacks: Any
) -> None:
    from wijkteam.sociale_kaart.freshness.tasks import check_freshness_task

    Service.objects.filter(pk=own_service.pk).update(assured_date=LAST_CHECK)
    with time_machine.travel("2026-11-26T06:15:00+01:00", tick=False), django_capture_on_commit_callbacks(
        execute=True
    ):
        result = check_freshness_task.enqueue()
    assert result.return_value == {"created": 1, "cancelled": 0, "organizations": 1}
    assert len(mail.outbox) == 1


def test_a_failed_mail_is_retried_by_the_next_run(
    users: Any, own_org: Organization, django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.mail import EmailMultiAlternatives

    ServiceFactory(organization=own_org, assured_date=LAST_CHECK)
    original_send = EmailMultiAlternatives.send

    def down(self: Any, fail_silently: bool = False) -> int:
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", down)
    run_check("2026-11-26T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert VerificationTask.objects.get().mailed_at is None

    monkeypatch.setattr(EmailMultiAlternatives, "send", original_send)
    run = run_check("2026-11-27T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert run.created == []
    assert len(mail.outbox) == 1
    run_check("2026-11-28T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_task_lapses_when_the_service_stops(
    users: Any, own_org: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    service = ServiceFactory(organization=own_org, assured_date=LAST_CHECK)
    run_check("2026-11-26T06:15:00+01:00", django_capture_on_commit_callbacks)
    Service.objects.filter(pk=service.pk).update(status="inactive")
    run = run_check("2026-11-27T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert run.cancelled == 1
    assert VerificationTask.objects.get().status == VerificationStatus.CANCELLED
