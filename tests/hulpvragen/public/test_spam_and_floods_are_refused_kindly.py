# SPDX-License-Identifier: EUPL-1.2
"""Spam and flood protection without a third-party captcha: a filled-in honeypot, a form sent faster than a
person can type, a form without our signed start time, and too many requests from one client are each
refused with a kind Dutch message (never a 500), keep what the resident typed, and store nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from structlog.testing import capture_logs

from tests.vroegsignalering.support import place_postcode
from wijkteam.huishoudens.models import Persoon
from wijkteam.hulpvragen.models import Hulpvraag

from .support import FORM, filled, form_token, submit

pytestmark = pytest.mark.django_db

NOT_SENT = "We konden uw vraag niet versturen."


def assert_refused_and_kept(response: Any, message: str, status: int = 400) -> None:
    html = response.content.decode()
    assert response.status_code == status
    assert message in html
    # What they typed is still there, with a fresh signed start time; the honeypot is empty again.
    assert 'value="Samira"' in html and "huurachterstand" in html
    assert 'name="kenmerk" id="id_kenmerk" value=""' in html
    assert Hulpvraag.objects.count() == 0 and Persoon.objects.count() == 0


def test_a_filled_in_honeypot_is_refused(client: Any, place: Any, frozen_time: Any) -> None:
    with capture_logs() as logs:
        response = submit(client, frozen_time, kenmerk="http://spam.example")
    assert_refused_and_kept(response, NOT_SENT)
    assert [line["reason"] for line in logs if line["event"] == "hulpvragen.web_request_refused"] == ["honeypot"]
    assert "Samira" not in str(logs) and "spam.example" not in str(logs)


def test_sent_faster_than_a_person_types_is_refused(client: Any, place: Any, frozen_time: Any) -> None:
    assert_refused_and_kept(submit(client, frozen_time, wait=1), "Dat ging erg snel.")


def test_without_our_signed_start_time_is_refused(client: Any, place: Any, frozen_time: Any) -> None:
    response = client.post(reverse(FORM), {**filled(), "formulier": "1:2:3"})
    assert_refused_and_kept(response, NOT_SENT)
    response = client.post(reverse(FORM), filled())
    assert_refused_and_kept(response, NOT_SENT)


def test_a_form_left_open_for_more_than_a_day_is_asked_again(client: Any, place: Any, frozen_time: Any) -> None:
    assert_refused_and_kept(submit(client, frozen_time, wait=25 * 3600), "Het formulier stond lang open.")


def test_after_a_refusal_the_resident_can_send_it(client: Any, place: Any, frozen_time: Any) -> None:
    place_postcode(place)
    refused = submit(client, frozen_time, wait=1)
    assert refused.status_code == 400
    token = refused.content.decode().split('name="formulier" value="')[1].split('"')[0]
    frozen_time.shift(10)
    assert client.post(reverse(FORM), {**filled(), "formulier": token}).status_code == 200
    assert Hulpvraag.objects.count() == 1


def test_too_many_requests_from_one_client_are_refused(client: Any, place: Any, frozen_time: Any,
                                                       settings: Any) -> None:
    place_postcode(place)
    settings.WIJKTEAM_HULPVRAAG_PER_HOUR = 3
    for number in range(3):
        assert submit(client, frozen_time, achternaam=f"Bewoner{number}").status_code == 200
    assert Hulpvraag.objects.count() == 3
    response = submit(client, frozen_time)
    html = response.content.decode()
    assert response.status_code == 429 and "Probeer het over een uur nog eens, of bel het wijkteam." in html
    assert Hulpvraag.objects.count() == 3
    # Another client is not affected; an hour later this one may send again.
    other = Client(REMOTE_ADDR="192.0.2.77")
    assert submit(other, frozen_time, achternaam="Ander").status_code == 200
    frozen_time.shift(3600)
    assert submit(client, frozen_time, achternaam="Later").status_code == 200
    assert Hulpvraag.objects.count() == 5


def test_a_flood_of_attempts_is_refused_before_anything_is_read(client: Any, place: Any, frozen_time: Any,
                                                                 settings: Any) -> None:
    settings.WIJKTEAM_HULPVRAAG_ATTEMPTS_PER_HOUR = 5
    token = form_token(client)
    frozen_time.shift(10)
    for _ in range(5):
        assert client.post(reverse(FORM), {**filled(), "vraag": "", "formulier": token}).status_code == 200
    response = client.post(reverse(FORM), {**filled(), "formulier": token})
    assert response.status_code == 429
    assert Hulpvraag.objects.count() == 0
