# SPDX-License-Identifier: EUPL-1.2
"""An organisation without a partner account (every imported one) gets the "klopt dit nog?" mail
at its own e-mail address from the HSDS data, or at its service's; the one-click link confirms the
service without a login, with that address as who confirmed it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client

from wijkteam.sociale_kaart.freshness import create_due_tasks
from wijkteam.sociale_kaart.models import Service
from wijkteam.sociale_kaart.models.werk import VerificationStatus, VerificationTask

from .imported_kaart import SERVICES, import_kaart

pytestmark = pytest.mark.django_db

CHECK_RUN = "2026-11-26T06:15:00+01:00"
LINK = re.compile(r"https?://[^/\s]+(/werk/sociale-kaart/klopt-nog/[^\s]+/)")


@pytest.fixture
def mailed(users, client_for, django_capture_on_commit_callbacks):
    import_kaart(client_for(users.beheerder), django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with time_machine.travel(CHECK_RUN, tick=False), django_capture_on_commit_callbacks(execute=True):
        create_due_tasks()
    return {message.to[0]: message for message in mail.outbox}


def test_each_reachable_address_gets_one_mail_about_its_services(mailed):
    assert sorted(mailed) == ["info@thuis.test", "inloop@kern.test", "maatje@thuis.test"]
    # The organisation's address hears of all its services; a service's address of that service only.
    assert "Thuisadministratie" in mailed["info@thuis.test"].body and "Maatjesproject" in mailed["info@thuis.test"].body
    assert "Maatjesproject" in mailed["maatje@thuis.test"].body
    assert "Thuisadministratie" not in mailed["maatje@thuis.test"].body
    body = mailed["inloop@kern.test"].body
    assert "Beste medewerker van Buurthuis De Kern" in body
    assert len(LINK.findall(body)) == 1
    # No partner login, so no edit link: a reply is the way to report a change.
    assert "/aanbod/" not in body and "Beantwoord dan deze e-mail" in body
    assert not VerificationTask.objects.filter(mailed_at__isnull=True).exclude(
        service__name="Klussendienst").exists()


def test_the_link_confirms_without_a_login(mailed):
    (path,) = LINK.findall(mailed["inloop@kern.test"].body)
    client = Client()
    with time_machine.travel("2026-11-28T20:00:00+01:00", tick=False):
        assert "Ja, dit klopt nog" in client.get(path).content.decode()
        response = client.post(path)
    assert response.status_code == 200 and "Dank u wel" in response.content.decode()
    service = Service.objects.get(id=SERVICES["inloop"][0])
    assert (service.assured_date, service.assurer_email) == (dt.date(2026, 11, 28), "inloop@kern.test")
    assert service.hsds_metadata().get().updated_by == "e-maillink:Buurthuis De Kern"
    assert VerificationTask.objects.get(service=service).status == VerificationStatus.DONE


def test_a_second_run_mails_nothing_again(mailed, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with time_machine.travel("2026-11-27T06:15:00+01:00", tick=False), django_capture_on_commit_callbacks(
        execute=True
    ):
        create_due_tasks()
    assert mail.outbox == []
