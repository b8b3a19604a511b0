# SPDX-License-Identifier: EUPL-1.2
"""`demo_totp USERNAME`: the code the user's authenticator shows now, and only in demo environments."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django_otp.oath import totp

from wijkteam.accounts.models import User
from wijkteam.demo.staff import totp_hex_key

from .conftest import SEED


def demo_totp(username: str) -> str:
    out = io.StringIO()
    call_command("demo_totp", username, stdout=out)
    return out.getvalue().strip()


@pytest.mark.django_db
def test_prints_the_code_an_authenticator_would_show(
    demo_town: dict[str, int], demo_env: None, frozen_time: Any
) -> None:
    expected = totp(bytes.fromhex(totp_hex_key(SEED, "teamleider")), step=30, t0=0, digits=6)

    assert demo_totp("teamleider") == f"{expected:06d}"
    device = User.objects.get(username="teamleider").totpdevice_set.get()
    assert device.verify_token(demo_totp("teamleider"))


@pytest.mark.django_db
def test_honours_the_device_settings(demo_town: dict[str, int], demo_env: None, frozen_time: Any) -> None:
    device = User.objects.get(username="analist").totpdevice_set.get()
    device.digits, device.step, device.t0 = 8, 60, 120
    device.save()

    code = demo_totp("analist")

    assert len(code) == 8
    assert code == f"{totp(device.bin_key, step=60, t0=120, digits=8):08d}"


@pytest.mark.django_db
def test_refuses_outside_a_demo_environment(
    demo_town: dict[str, int], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WIJKTEAM_ENV", raising=False)
    settings.DEBUG = False

    with pytest.raises(CommandError, match="never in production"):
        demo_totp("medewerker")


@pytest.mark.django_db
def test_allowed_with_debug_on(demo_town: dict[str, int], settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIJKTEAM_ENV", raising=False)
    settings.DEBUG = True

    assert demo_totp("medewerker").isdigit()


@pytest.mark.django_db
def test_unknown_user_is_an_error(demo_town: dict[str, int], demo_env: None) -> None:
    with pytest.raises(CommandError, match="No user"):
        demo_totp("niemand")
