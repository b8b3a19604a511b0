# SPDX-License-Identifier: EUPL-1.2
"""Enrolling an authenticator as a user meets it: the password step, the setup page's secret, a code."""

from __future__ import annotations

import base64
import re

from django.test import Client
from django.urls import reverse
from django_otp.oath import totp

from tests.factories import TEST_PASSWORD

SETUP = reverse("accounts:two_factor_setup")
CLOSED_MESSAGE = ("Je kunt je tweede stap niet meer zelf instellen. "
                  "Vraag de beheerder om dit opnieuw open te zetten.")


def password_step(client: Client, username: str) -> str:
    """Log in with the password; returns where the login page sends the user next."""
    response = client.post(reverse("accounts:login"), {"username": username, "password": TEST_PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return str(response["Location"])


def secret_on(page_html: str) -> str:
    """The secret the setup page shows for typing into an authenticator app."""
    found = re.search(r'<code class="wt-secret">([A-Z2-7=]+)</code>', page_html)
    assert found, "no secret on the setup page"
    return found.group(1)


def code_for(secret: str) -> str:
    """The 6 digits an authenticator app with this secret shows now."""
    return f"{totp(base64.b32decode(secret)):06d}"


def enrol(client: Client) -> tuple[object, str]:
    """Open the setup page and type the app's code; returns the confirming response and the secret."""
    page = client.get(SETUP)
    assert page.status_code == 200, page.status_code
    secret = secret_on(page.content.decode())
    return client.post(SETUP, {"token": code_for(secret)}), secret
