# SPDX-License-Identifier: EUPL-1.2
"""Password, then a TOTP code, for every role that sees personal data; failures are audited."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp

from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def _current_code() -> str:
    return f"{totp(bytes.fromhex(TEST_TOTP_KEY)):06d}"


def _password_step(client: Client, username: str) -> object:
    return client.post(reverse("accounts:login"), {"username": username, "password": TEST_PASSWORD})


def test_medewerker_logs_in_with_password_and_totp(users):
    client = Client()

    first = _password_step(client, "medewerker")
    assert first.status_code == 302
    assert first["Location"].startswith(reverse("accounts:two_factor"))
    # Half logged in: the werkomgeving is still closed.
    assert client.get(reverse("accounts:werkomgeving"))["Location"].startswith(reverse("accounts:two_factor"))

    second = client.post(reverse("accounts:two_factor"), {"token": _current_code()})
    assert second.status_code == 302
    assert client.get(reverse("accounts:werkomgeving")).status_code == 200
    steps = list(AuditEvent.objects.filter(action=Action.LOGIN, username="medewerker").values_list("detail", flat=True))
    assert {"step": "password"} in steps and {"step": "otp"} in steps


def test_wrong_totp_code_is_refused_and_audited(users):
    client = Client()
    _password_step(client, "teamleider")

    wrong = "000000" if _current_code() != "000000" else "111111"
    response = client.post(reverse("accounts:two_factor"), {"token": wrong})

    assert response.status_code == 400
    assert "klopt niet" in response.content.decode()
    assert AuditEvent.objects.filter(action=Action.LOGIN_FAILED, username="teamleider").exists()
    assert client.get(reverse("accounts:werkomgeving")).status_code == 302


def test_wrong_password_is_audited_with_the_attempted_username(users):
    response = Client().post(reverse("accounts:login"), {"username": "medewerker", "password": "fout"})

    assert response.status_code == 200
    assert AuditEvent.objects.filter(action=Action.LOGIN_FAILED, username="medewerker").exists()


def test_analist_sees_no_personal_data_and_needs_no_second_factor(users):
    client = Client()
    response = _password_step(client, "analist")
    assert response.status_code == 302
    assert client.get(reverse("accounts:werkomgeving")).status_code == 200


def test_first_login_without_device_enrols_an_authenticator(users):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wijkteam.accounts.services import base32_secret

    users.medewerker.totpdevice_set.all().delete()
    client = Client()
    first = _password_step(client, "medewerker")
    assert first["Location"].startswith(reverse("accounts:two_factor_setup"))

    page = client.get(reverse("accounts:two_factor_setup"))
    device = TOTPDevice.objects.get(user=users.medewerker, confirmed=False)
    assert base32_secret(device) in page.content.decode()
    assert "<svg" in page.content.decode()

    done = client.post(reverse("accounts:two_factor_setup"), {"token": f"{totp(device.bin_key):06d}"})
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("accounts:werkomgeving")).status_code == 200


def test_logout_is_post_only_and_audited(users, client_for):
    client = client_for(users.medewerker)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert AuditEvent.objects.filter(action=Action.LOGOUT, username="medewerker").exists()
    assert client.get(reverse("accounts:werkomgeving")).status_code == 302
