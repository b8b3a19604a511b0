# SPDX-License-Identifier: EUPL-1.2
"""django-axes locks an account after repeated failures, even when the right password follows."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_account_is_locked_after_repeated_failures(users):
    client = Client(REMOTE_ADDR="192.0.2.10")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "medewerker", "password": "verkeerd"})

    response = client.post(reverse("accounts:login"), {"username": "medewerker", "password": TEST_PASSWORD})

    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_few_failures_do_not_lock(users):
    client = Client(REMOTE_ADDR="192.0.2.11")
    for _ in range(settings.AXES_FAILURE_LIMIT - 2):
        client.post(reverse("accounts:login"), {"username": "medewerker", "password": "verkeerd"})

    response = client.post(reverse("accounts:login"), {"username": "medewerker", "password": TEST_PASSWORD})

    assert response.status_code == 302
