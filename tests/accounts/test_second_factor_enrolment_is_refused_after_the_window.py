# SPDX-License-Identifier: EUPL-1.2
"""After the enrolment window, knowing the password is not enough to bind a phone: the setup page refuses
in plain Dutch, shows no secret, binds nothing, and the refusal is on the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories as f
from tests.accounts.enrolment_support import CLOSED_MESSAGE, SETUP, code_for, password_step, secret_on
from wijkteam.audit.models import Action, AuditEvent, Outcome

pytestmark = pytest.mark.django_db


def _refusals(username):
    return AuditEvent.objects.filter(action=Action.LOGIN_FAILED, outcome=Outcome.FAILURE, username=username,
                                     detail__step="otp_setup")


def test_the_setup_page_refuses_once_the_window_has_passed(place, frozen_time):
    user = f.UserFactory(username="nieuwe_collega", medewerker=True, teams=[place.team_a])
    frozen_time.shift(dt.timedelta(days=7, seconds=1))
    client = Client()

    assert password_step(client, "nieuwe_collega").startswith(SETUP)
    page = client.get(SETUP)

    assert page.status_code == 403
    html = page.content.decode()
    assert CLOSED_MESSAGE in html
    assert "wt-secret" not in html and "<svg" not in html
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert _refusals("nieuwe_collega").count() == 1
    assert client.get(reverse("accounts:werkomgeving")).status_code == 302


def test_a_code_typed_after_the_window_binds_nothing(place, frozen_time):
    user = f.UserFactory(username="nieuwe_collega", medewerker=True, teams=[place.team_a])
    frozen_time.shift(dt.timedelta(days=7, minutes=-1))
    client = Client()
    password_step(client, "nieuwe_collega")
    secret = secret_on(client.get(SETUP).content.decode())  # the page was opened in time...

    frozen_time.shift(dt.timedelta(minutes=2))  # ...the code is typed too late
    response = client.post(SETUP, {"token": code_for(secret)})

    assert response.status_code == 403
    assert CLOSED_MESSAGE in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert _refusals("nieuwe_collega").count() == 1
    assert client.get(reverse("accounts:werkomgeving")).status_code == 302


def test_the_window_length_is_a_setting(place, frozen_time, settings):
    settings.WIJKTEAM_TOTP_ENROLMENT_DAYS = 2
    f.UserFactory(username="nieuwe_collega", medewerker=True, teams=[place.team_a])
    frozen_time.shift(dt.timedelta(days=2, seconds=1))
    client = Client()
    password_step(client, "nieuwe_collega")

    assert client.get(SETUP).status_code == 403
