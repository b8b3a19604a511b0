# SPDX-License-Identifier: EUPL-1.2
"""A client's X-Request-ID is only used when it looks like an id; anything else is replaced, so
the audit trail and the logs never store what a client typed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("incoming", [
    "short",
    "x" * 65,
    "abcdefgh\n",
    "abcdefgh\nforged log line",
    "<script>alert(1)</script>",
    "äbcdefghij",
])
def test_an_odd_request_id_is_replaced(incoming):
    client = Client(HTTP_X_REQUEST_ID=incoming)

    response = client.post(reverse("accounts:login"), {"username": "niemand", "password": "x"})

    event = AuditEvent.objects.get(action=Action.LOGIN_FAILED)
    assert event.request_id != incoming
    assert len(event.request_id) == 32 and event.request_id.isalnum()
    assert response["X-Request-ID"] == event.request_id


def test_a_proxys_id_is_kept():
    response = Client(HTTP_X_REQUEST_ID="lb-0123456789abcdef").get("/")
    assert response["X-Request-ID"] == "lb-0123456789abcdef"
