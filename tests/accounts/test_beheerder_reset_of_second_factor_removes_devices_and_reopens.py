# SPDX-License-Identifier: EUPL-1.2
"""Lost phone: the beheerder resets the user's second step on the user list in /beheer/. That removes the
user's authenticator (a session that used it loses its second step) and opens a new enrolment window,
both on the audit trail; the user then binds a new app, with a new secret, at their next login."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.accounts.enrolment_support import SETUP, enrol, password_step
from tests.conftest import TEST_TOTP_KEY
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def test_reset_removes_the_device_and_the_user_enrols_anew(users, client_for, frozen_time):
    target = users.medewerker
    frozen_time.shift(dt.timedelta(days=30))  # long after the account's own window
    old_device = target.totpdevice_set.get()
    old_session = client_for(target)
    assert old_session.get(reverse("accounts:werkomgeving")).status_code == 200

    response = client_for(users.beheerder).post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [str(target.pk)]}, follow=True)

    assert response.status_code == 200
    assert "opnieuw" in response.content.decode()
    assert not target.totpdevice_set.exists()
    target.refresh_from_db()
    assert target.totp_enrolment_until == timezone.now() + dt.timedelta(days=7)
    assert AuditEvent.objects.filter(action=Action.DELETE, object_type="otp_totp.totpdevice",
                                     object_id=str(old_device.pk), username="beheerder").exists()
    opened = AuditEvent.objects.get(action=Action.UPDATE, object_type="accounts.user", object_id=str(target.pk),
                                    detail__second_factor="enrolment_opened")
    assert opened.username == "beheerder"
    # The session that had passed the second step with the old phone no longer counts as past it.
    assert old_session.get(reverse("accounts:werkomgeving"))["Location"].startswith(reverse("accounts:two_factor"))

    frozen_time.shift(dt.timedelta(days=2))
    client = Client()
    assert password_step(client, "medewerker").startswith(SETUP)
    done, secret = enrol(client)

    assert done.status_code == 302
    assert client.get(reverse("accounts:werkomgeving")).status_code == 200
    assert secret != base64.b32encode(bytes.fromhex(TEST_TOTP_KEY)).decode()  # a new secret, not the lost one
    assert target.totpdevice_set.get(confirmed=True).key != TEST_TOTP_KEY
    target.refresh_from_db()
    assert target.totp_enrolment_until is None


def test_the_users_page_shows_until_when_the_user_may_enrol(users, client_for, frozen_time):
    target = users.medewerker
    target.totpdevice_set.all().delete()
    client_for(users.beheerder).post(reverse("admin:accounts_user_changelist"),
                                     {"action": "reset_second_factor", "_selected_action": [str(target.pk)]})

    page = client_for(users.beheerder).get(reverse("admin:accounts_user_change", args=[target.pk]))

    assert page.status_code == 200
    assert "tweede stap zelf instellen kan tot" in page.content.decode().lower()
    assert 'name="totp_enrolment_until"' not in page.content.decode()  # shown, not editable
