# SPDX-License-Identifier: EUPL-1.2
"""The current TOTP code of a demo user, and the guard that keeps this out of production.

Knowing a user's code defeats the second factor, so this only works where settings.DEBUG is on or
WIJKTEAM_ENV is "demo" (run.py sets both for `run.py demo`).
"""

from __future__ import annotations

import os

from django.conf import settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


class NotADemoEnvironment(Exception):
    pass


def demo_environment() -> bool:
    env = getattr(settings, "WIJKTEAM_ENV", None) or os.environ.get("WIJKTEAM_ENV", "")
    return bool(settings.DEBUG) or env == "demo"


def require_demo_environment() -> None:
    if not demo_environment():
        raise NotADemoEnvironment("Only available with DEBUG on or WIJKTEAM_ENV=demo (never in production).")


def current_code(device: TOTPDevice) -> str:
    """The code the user's authenticator app shows right now, zero-padded to the device's digits."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"
