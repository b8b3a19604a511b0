# SPDX-License-Identifier: EUPL-1.2
"""A verification mail that fails for one recipient never makes a retry mail the others again:
the tasks are marked as mailed before any mail leaves, and the mails go out once that is committed.
A task that no mail reached is unmarked again, so the next daily run retries just that one."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends import locmem

from tests.factories import UserFactory
from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.freshness import create_due_tasks
from wijkteam.sociale_kaart.models import Organization
from wijkteam.sociale_kaart.models.werk import VerificationTask

pytestmark = pytest.mark.django_db

LAST_CHECK = dt.date(2026, 5, 25)


class SecondSendFails(locmem.EmailBackend):
    """The locmem backend (mail.outbox), except that the second mail handed to it fails."""

    sends = 0

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        type(self).sends += 1
        if type(self).sends == 2:
            raise ConnectionResetError("mail server hung up")
        return super().send_messages(messages)


@pytest.fixture
def second_send_fails(settings: Any) -> Iterator[None]:
    SecondSendFails.sends = 0
    settings.EMAIL_BACKEND = f"{__name__}.SecondSendFails"
    yield


def run_check(on: str, capture: Any) -> None:
    with time_machine.travel(on, tick=False), capture(execute=True):
        create_due_tasks()


def mails_per_address() -> Counter[str]:
    return Counter(address for message in mail.outbox for address in message.to)


def test_partner_colleagues_are_each_mailed_at_most_once(
    users: Any, own_org: Organization, second_send_fails: None, django_capture_on_commit_callbacks: Any
) -> None:
    UserFactory(username="partner2", partner=True, organisatie=users.partner.organisatie)
    ServiceFactory(organization=own_org, name="Taalcafé De Brug", assured_date=LAST_CHECK)

    run_check("2026-11-26T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1  # the first colleague's mail went out, the second one's failed
    first = mail.outbox[0].to[0]

    # The next daily runs retry whatever was not mailed: the first colleague hears nothing again.
    run_check("2026-11-27T06:15:00+01:00", django_capture_on_commit_callbacks)
    run_check("2026-11-28T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert mails_per_address()[first] == 1
    assert max(mails_per_address().values()) == 1
    # The one mail that went out was about the task: it counts as mailed.
    assert VerificationTask.objects.get().mailed_at is not None


def test_only_the_task_no_mail_reached_is_retried(
    own_org: Organization, second_send_fails: None, django_capture_on_commit_callbacks: Any
) -> None:
    # No partner account: the organisation's address hears of both services, the service's own
    # address of its service only (freshness.recipients); that second mail fails.
    own_org.organisatie = None
    own_org.email = "info@buurtkracht.test"
    own_org.save()
    ServiceFactory(organization=own_org, name="Koffieochtend", assured_date=LAST_CHECK, email="")
    ServiceFactory(organization=own_org, name="Maatjesproject", assured_date=LAST_CHECK,
                   email="maatje@buurtkracht.test")

    run_check("2026-11-26T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert mails_per_address() == {"info@buurtkracht.test": 1}
    # Both tasks reached someone (the organisation's address covers both): nothing to retry.
    assert not VerificationTask.objects.filter(mailed_at__isnull=True).exists()

    run_check("2026-11-27T06:15:00+01:00", django_capture_on_commit_callbacks)
    assert mails_per_address() == {"info@buurtkracht.test": 1}
