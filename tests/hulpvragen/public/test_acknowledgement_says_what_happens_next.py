# SPDX-License-Identifier: EUPL-1.2
"""After sending, the resident reads what happens next and by which day (working days: weekends and Dutch
public holidays do not count), addressed by first name only: nothing else they typed is shown back. Sending
the same form again (a reload, a double click) shows the same page and stores no second request."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from tests.vroegsignalering.support import place_postcode
from wijkteam.hulpvragen.models import Hulpvraag

from .support import FORM, filled, form_token

pytestmark = pytest.mark.django_db


def test_first_name_and_the_day_we_contact_them_nothing_else(client: Any, place: Any, frozen_time: Any) -> None:
    place_postcode(place)
    token = form_token(client)
    frozen_time.shift(30)  # Wednesday 25 November 2026
    data = {**filled(email="samira@voorbeeld.nl"), "formulier": token}
    response = client.post(reverse(FORM), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bedankt, Samira" in html
    # Three working days after Wednesday: Monday 30 November.
    assert "Binnen 3 werkdagen nemen we contact met u op. Dat is uiterlijk maandag 30 november." in html
    main = re.search(r"<main.*?</main>", html, re.S)
    assert main is not None
    for typed in ("El Amrani", "3511", "06 12345678", "0612345678", "samira@voorbeeld.nl", "huurachterstand",
                  "15.00", "Centrum"):
        assert typed not in main.group(0)

    again = client.post(reverse(FORM), data)
    assert again.status_code == 200 and "Bedankt, Samira" in again.content.decode()
    assert Hulpvraag.objects.count() == 1


def test_urgent_is_one_working_day_and_holidays_do_not_count(client: Any, place: Any, time_machine: Any) -> None:
    # Thursday 24 December 2026: Christmas (25th, 26th) and the weekend do not count → Monday 28 December.
    time_machine.move_to("2026-12-24 10:00 +01:00", tick=False)
    token = form_token(client)
    time_machine.shift(30)
    response = client.post(reverse(FORM), {**filled(dringend="on"), "formulier": token})
    assert "Binnen 1 werkdag nemen we contact met u op. Dat is uiterlijk maandag 28 december." in \
        response.content.decode()
    assert Hulpvraag.objects.get().urgent
