# SPDX-License-Identifier: EUPL-1.2
"""Only a live token with the scope `signalen` gets in: none, unknown, revoked and expired are 401, another
scope 403, past the rate limit 429 with Retry-After; each refusal is a DENIED row on the audit trail and
stores nothing."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from wijkteam.accounts.api_tokens import revoke_token
from wijkteam.audit.models import Action, AuditEvent, Outcome
from wijkteam.vroegsignalering.models import Signaal

from .partner_api_support import call, energy_company, signal_json, token_for
from .support import place_postcode

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def partner(place, users, frozen_time):
    place_postcode(place)
    return energy_company()


def _refused(response, status, melding):
    assert (response.status_code, response.json()) == (status, {"status": status, "melding": melding})


@pytest.mark.parametrize("name", ["signal_create", "signal_batch"])
def test_without_a_known_token_nothing_is_stored(partner, name):
    body = signal_json() if name == "signal_create" else [signal_json()]
    missing = call(None, name, body)
    unknown = call("wt_" + "x" * 43, name, body)

    _refused(missing, 401, "Stuur uw API-sleutel mee in de kop Authorization: Bearer <sleutel>.")
    assert missing["WWW-Authenticate"] == 'Bearer realm="wijkteam", error="invalid_request"'
    _refused(unknown, 401, "Deze API-sleutel kennen we niet.")
    assert not Signaal.objects.exists()
    assert AuditEvent.objects.filter(action=Action.DENIED, username="api-token:onbekend").count() == 2


def test_a_revoked_token_is_refused(partner, users):
    token, secret = token_for(partner, users.beheerder)
    assert call(secret, "signal_create", signal_json(huisnummer="1")).status_code == 201
    revoke_token(token, by=users.beheerder)

    response = call(secret, "signal_create", signal_json(huisnummer="2"))
    outcome = call(secret, "signal_outcome", pk=Signaal.objects.get().pk)

    _refused(response, 401, "Deze API-sleutel is ingetrokken. Vraag de gemeente om een nieuwe.")
    assert response["WWW-Authenticate"] == 'Bearer realm="wijkteam", error="invalid_token"'
    assert outcome.status_code == 401
    assert Signaal.objects.count() == 1
    denied = AuditEvent.objects.filter(action=Action.DENIED, username=f"api-token:{token.prefix}")
    assert denied.count() == 2 and {e.detail["reden"] for e in denied} == {"ingetrokken"}
    assert all(e.outcome == Outcome.DENIED and e.object_id == str(token.pk) for e in denied)


def test_an_expired_token_is_refused(partner, users):
    _token, secret = token_for(partner, users.beheerder, valid_days=30)
    assert call(secret, "signal_create", signal_json(huisnummer="1")).status_code == 201
    # Made at 25 November 10:15, valid 30 days: until 25 December 10:15.
    with time_machine.travel(dt.datetime(2026, 12, 25, 10, 14, 59, tzinfo=AMSTERDAM), tick=False):
        assert call(secret, "signal_create", signal_json(huisnummer="2")).status_code == 201
    with time_machine.travel(dt.datetime(2026, 12, 25, 10, 15, 0, tzinfo=AMSTERDAM), tick=False):
        response = call(secret, "signal_create", signal_json(huisnummer="3"))
    _refused(response, 401, "Deze API-sleutel is verlopen. Vraag de gemeente om een nieuwe.")
    assert Signaal.objects.count() == 2


def test_a_token_for_another_purpose_is_forbidden(partner, users):
    _token, secret = token_for(partner, users.beheerder, scopes=("verwijzingen",))

    response = call(secret, "signal_create", signal_json())

    _refused(response, 403, "Deze API-sleutel mag hier niet voor gebruikt worden.")
    assert response["WWW-Authenticate"] == 'Bearer realm="wijkteam", error="insufficient_scope"'
    assert not Signaal.objects.exists()
    assert AuditEvent.objects.get(action=Action.DENIED).detail["reden"] == "andere scope"


def test_past_the_rate_limit_calls_are_refused_until_the_next_minute(partner, users, settings, frozen_time):
    settings.WIJKTEAM_API_RATE_PER_MINUTE = 3
    token, secret = token_for(partner, users.beheerder)
    other_token, other_secret = token_for(partner, users.beheerder)

    answers = [call(secret, "signal_create", signal_json(huisnummer=str(n))).status_code for n in range(1, 5)]

    assert answers == [201, 201, 201, 429]
    frozen_time.shift(dt.timedelta(seconds=15))
    limited = call(secret, "signal_outcome", pk=Signaal.objects.order_by("pk").first().pk)
    # Windows are whole minutes: at 10:15:15 the next one starts in 45 seconds.
    _refused(limited, 429, "Te veel verzoeken: hoogstens 3 per minuut. Probeer het over 45 seconden opnieuw.")
    assert limited["Retry-After"] == "45"
    assert call(other_secret, "signal_create", signal_json(huisnummer="9")).status_code == 201  # per token
    assert Signaal.objects.count() == 4
    assert AuditEvent.objects.filter(action=Action.DENIED, username=f"api-token:{token.prefix}").count() == 2
    frozen_time.shift(dt.timedelta(seconds=45))
    assert call(secret, "signal_create", signal_json(huisnummer="5")).status_code == 201
    assert other_token.pk != token.pk
