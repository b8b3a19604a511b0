# SPDX-License-Identifier: EUPL-1.2
"""The printed `medewerker` login gets through both login steps over HTTP and reaches /werk/."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client


@pytest.mark.django_db
def test_printed_medewerker_login_reaches_the_werkomgeving(demo_env: None, frozen_time: Any) -> None:
    out = io.StringIO()
    call_command("demo_gemeente", "--scale", "50", stdout=out)
    printed = out.getvalue()
    password = re.search(r"Password for every demo user: (\S+)", printed)
    assert password is not None
    assert re.search(r"username: medewerker\s+TOTP secret: [A-Z2-7]{32}", printed)

    code = io.StringIO()
    call_command("demo_totp", "medewerker", stdout=code)
    token = code.getvalue().strip()
    assert re.fullmatch(r"\d{6}", token)

    client = Client()
    response = client.post("/inloggen/", {"username": "medewerker", "password": password.group(1)})
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/tweestaps/")

    response = client.post(response["Location"], {"token": token})
    assert response.status_code == 302

    response = client.get("/werk/")
    assert response.status_code == 200
    assert response.wsgi_request.user.username == "medewerker"
    assert response.wsgi_request.user.is_verified()


@pytest.mark.django_db
def test_a_wrong_code_does_not_pass_the_second_step(demo_env: None, frozen_time: Any) -> None:
    call_command("demo_gemeente", "--scale", "0", stdout=io.StringIO())
    code = io.StringIO()
    call_command("demo_totp", "medewerker", stdout=code)
    wrong = f"{(int(code.getvalue()) + 1) % 1_000_000:06d}"

    client = Client()
    response = client.post("/inloggen/", {"username": "medewerker", "password": "wijkteam-demo-2026"})
    response = client.post(response["Location"], {"token": wrong})

    assert response.status_code == 400
    assert client.get("/werk/").status_code == 302
