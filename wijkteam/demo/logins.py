# SPDX-License-Identifier: EUPL-1.2
"""The block `demo_gemeente` ends with: where to go and how to log in as each role."""

from __future__ import annotations

import os

from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkteam.accounts.services import base32_secret

from .generator import Output
from .staff import DEMO_PASSWORD, demo_users

# run.py demo serves on 127.0.0.1:$PORT (default 8000); the banner names the same address.
DEMO_URL = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
MAIN_LOGINS = ("medewerker", "teamleider", "partner", "analist", "privacy", "beheerder")


def login_lines(url: str = DEMO_URL) -> list[str]:
    devices = {
        d.user.username: d
        for d in TOTPDevice.objects.filter(user__username__in=MAIN_LOGINS, confirmed=True).select_related("user")
    }
    lines = [
        "",
        "=" * 78,
        "Gemeente Voorbeeld is ready.",
        f"  Open {url} and log in. Password for every demo user: {DEMO_PASSWORD}",
        "",
    ]
    for username in MAIN_LOGINS:
        device = devices.get(username)
        if device is None:
            lines.append(f"  {username:<11} (missing: run `python3 run.py demo --reset`)")
            continue
        lines += [
            f"  {device.user.get_role_display():<24} username: {username:<11} "
            f"TOTP secret: {base32_secret(device)}",
            f"      {device.config_url}",
        ]
    others = [u.username for u in demo_users() if u.username not in MAIN_LOGINS]
    lines += [
        "",
        f"  More users, same password: {', '.join(others)}",
        "  Current 6-digit code for the second step: python3 run.py totp medewerker",
        "=" * 78,
    ]
    return lines


def print_logins(out: Output, url: str = DEMO_URL) -> None:
    for line in login_lines(url):
        out.write(line + "\n")
