# SPDX-License-Identifier: EUPL-1.2
"""Behind a proxy, failures from one client do not lock the user out from another: the lockout
counts (username, client address) with the address taken as the audit trail takes it."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import TEST_PASSWORD
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


def _via_proxy(client_address: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_address)


@pytest.fixture
def behind_proxy(settings):
    settings.WIJKTEAM_TRUSTED_PROXY_COUNT = 1


def test_an_attacker_elsewhere_does_not_lock_the_user_out(behind_proxy, users):
    attacker = _via_proxy("203.0.113.66")
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        attacker.post(reverse("accounts:login"), {"username": "medewerker", "password": "verkeerd"})
    assert attacker.post(reverse("accounts:login"),
                         {"username": "medewerker", "password": TEST_PASSWORD}).status_code == 429

    response = _via_proxy("198.51.100.7").post(reverse("accounts:login"),
                                               {"username": "medewerker", "password": TEST_PASSWORD})

    assert response.status_code == 302


def test_the_audit_trail_and_the_lockout_see_the_same_client(behind_proxy, users):
    _via_proxy("203.0.113.66").post(reverse("accounts:login"), {"username": "medewerker", "password": "verkeerd"})

    assert AccessAttempt.objects.get().ip_address == "203.0.113.66"
    assert AuditEvent.objects.get(action=Action.LOGIN_FAILED).ip_address == "203.0.113.66"


def test_a_forged_leftmost_address_does_not_help(behind_proxy, users):
    # The client prepends its own X-Forwarded-For; the proxy appends the real address. Only the
    # address the trusted proxy saw counts, so changing the forged part does not reset the count.
    for n in range(settings.AXES_FAILURE_LIMIT):
        _via_proxy(f"192.0.2.{n}, 203.0.113.66").post(reverse("accounts:login"),
                                                      {"username": "medewerker", "password": "verkeerd"})

    response = _via_proxy("192.0.2.200, 203.0.113.66").post(
        reverse("accounts:login"), {"username": "medewerker", "password": TEST_PASSWORD})

    assert response.status_code == 429
