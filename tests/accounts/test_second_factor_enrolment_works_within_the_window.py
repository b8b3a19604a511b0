# SPDX-License-Identifier: EUPL-1.2
"""Making an account opens its enrolment window (default 7 days): within it, the new user binds an
authenticator at their first login (password, then the code from the app) and gets in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests import factories as f
from tests.accounts.enrolment_support import SETUP, enrol, password_step
from wijkteam.accounts.models import User
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def _beheerder_makes_an_account(beheerder: Client, place) -> User:
    made = beheerder.post(reverse("admin:accounts_user_add"), {
        "username": "nieuwe_collega", "usable_password": "true",
        "password1": f.TEST_PASSWORD, "password2": f.TEST_PASSWORD})
    assert made.status_code == 302, made.content.decode()[:2000]
    user = User.objects.get(username="nieuwe_collega")
    changed = beheerder.post(reverse("admin:accounts_user_change", args=[user.pk]), {
        "username": user.username, "first_name": "Nina", "last_name": "Nieuw", "email": "", "is_active": "on",
        "role": "medewerker", "organisatie": "", "teams": [place.team_a.pk],
        "date_joined_0": "2026-11-25", "date_joined_1": "10:15:00",
        "initial-date_joined_0": "2026-11-25", "initial-date_joined_1": "10:15:00"})
    assert changed.status_code == 302, changed.content.decode()[:2000]
    user.refresh_from_db()
    return user


def test_a_new_user_enrols_on_the_last_day_of_the_window(place, users, client_for, frozen_time):
    user = _beheerder_makes_an_account(client_for(users.beheerder), place)
    assert user.totp_enrolment_until == timezone.now() + dt.timedelta(days=7)

    frozen_time.shift(dt.timedelta(days=6, hours=23))
    client = Client()
    assert password_step(client, "nieuwe_collega").startswith(SETUP)
    done, _secret = enrol(client)

    assert done.status_code == 302
    assert client.get(reverse("accounts:werkomgeving")).status_code == 200
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="otp_totp.totpdevice",
                                     username="nieuwe_collega").exists()
