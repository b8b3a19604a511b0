# SPDX-License-Identifier: EUPL-1.2
"""Calls with a missing or unknown API token are counted per client address before the token is looked up:
past the limit (30 refusals a minute by default) the address gets 429 with Retry-After, without a database
lookup of the token and without one audit row per call (one row says the limit was reached). Another address
is not affected, and the next minute the address is heard again."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from tests.vroegsignalering.partner_api_support import call, signal_json
from wijkteam.accounts.api_tokens import refusals_per_minute
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db
UNKNOWN = "wt_" + "x" * 43


def test_an_address_guessing_tokens_is_slowed_down(frozen_time, django_assert_max_num_queries) -> None:
    limit = refusals_per_minute()
    assert limit == 30
    guesser = Client(HTTP_USER_AGENT="pytest-partner", REMOTE_ADDR="203.0.113.7")
    for _n in range(limit):
        assert call(UNKNOWN, "signal_create", signal_json(), client=guesser).status_code == 401
    refused = AuditEvent.objects.filter(action=Action.DENIED, username="api-token:onbekend")
    assert refused.count() == limit

    first = call(UNKNOWN, "signal_create", signal_json(), client=guesser)
    assert first.status_code == 429 and int(first["Retry-After"]) > 0
    assert "Te veel geweigerde verzoeken" in first.json()["melding"]
    assert refused.count() == limit + 1  # one row: the limit was reached
    assert refused.latest("pk").detail["reden"] == "te veel geweigerde verzoeken"
    for _n in range(5):
        # Past the limit: no token lookup and no audit row per call, one read of the limits cache.
        with django_assert_max_num_queries(1):
            assert call(UNKNOWN, "signal_create", signal_json(), client=guesser).status_code == 429
    assert call(None, "signal_create", signal_json(), client=guesser).status_code == 429
    assert refused.count() == limit + 1

    # A partner at another address is not slowed down by the guesser.
    other = Client(HTTP_USER_AGENT="pytest-partner", REMOTE_ADDR="198.51.100.2")
    assert call(UNKNOWN, "signal_create", signal_json(), client=other).status_code == 401

    with time_machine.travel(dt.datetime(2026, 11, 25, 9, 17, tzinfo=dt.UTC)):
        assert call(UNKNOWN, "signal_create", signal_json(), client=guesser).status_code == 401
