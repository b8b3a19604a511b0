# SPDX-License-Identifier: EUPL-1.2
"""A session ends after the idle timeout; activity keeps it alive."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_idle_session_expires(users, client_for):
    with time_machine.travel(dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC), tick=False) as traveller:
        client = client_for(users.medewerker)
        assert client.get(reverse("accounts:werkomgeving")).status_code == 200

        traveller.shift(dt.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60))
        assert client.get(reverse("accounts:werkomgeving")).status_code == 200  # still active: renewed

        traveller.shift(dt.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60))
        response = client.get(reverse("accounts:werkomgeving"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
