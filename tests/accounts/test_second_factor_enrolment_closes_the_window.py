# SPDX-License-Identifier: EUPL-1.2
"""Enrolling closes the window: once a user has bound an authenticator, nobody binds another one with the
password alone, not even within the days the window had left (when a device disappears, say deleted in
/beheer/, only the beheerder's reset lets the user enrol again)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories as f
from tests.accounts.enrolment_support import CLOSED_MESSAGE, SETUP, enrol, password_step
from wijkteam.audit.models import Action, AuditEvent, Outcome

pytestmark = pytest.mark.django_db


def test_after_enrolling_the_setup_page_stays_shut(place, users, client_for, frozen_time):
    user = f.UserFactory(username="nieuwe_collega", medewerker=True, teams=[place.team_a])
    first = Client()
    password_step(first, "nieuwe_collega")
    done, _secret = enrol(first)
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.totp_enrolment_until is None

    # The beheerder deletes the device (a stolen phone); the window stays shut.
    device = TOTPDevice.objects.get(user=user)
    client_for(users.beheerder).post(reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"})
    assert not TOTPDevice.objects.filter(user=user).exists()

    someone = Client()  # whoever knows the password, on the same day
    assert password_step(someone, "nieuwe_collega").startswith(SETUP)
    page = someone.get(SETUP)

    assert page.status_code == 403
    assert CLOSED_MESSAGE in page.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert AuditEvent.objects.filter(action=Action.LOGIN_FAILED, outcome=Outcome.FAILURE,
                                     username="nieuwe_collega", detail__step="otp_setup").exists()
