# SPDX-License-Identifier: EUPL-1.2
"""The form asks consent per purpose, each with what we do, who sees it and how long; the answers (also a
"no") are recorded on the request through create_request; without consent to handle the request nothing
is stored."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from tests.vroegsignalering.support import place_postcode
from wijkteam.huishoudens.models import Doel, Toestemming
from wijkteam.hulpvragen.models import Hulpvraag

from .support import FORM, submit

pytestmark = pytest.mark.django_db


def test_each_purpose_says_what_who_and_how_long(client: Any, place: Any) -> None:
    html = client.get(reverse(FORM)).content.decode()
    blocks = re.findall(r'<div class="wt-toestemming">(.*?)</div>\s*</div>', html, re.S)
    assert len(blocks) == 3
    for block in blocks:
        for heading in ("Wat doen we?", "Wie ziet het?", "Hoe lang?"):
            assert f"<dt>{heading}</dt>" in block
    for name in ("toestemming_contact", "toestemming_delen", "toestemming_onderzoek"):
        assert f'name="{name}"' in html and not re.search(rf'name="{name}"[^>]*checked', html)  # never pre-ticked


def test_the_answers_per_purpose_are_kept_with_the_request(client: Any, place: Any, frozen_time: Any) -> None:
    place_postcode(place)
    response = submit(client, frozen_time, toestemming_onderzoek="on")
    assert response.status_code == 200
    hulpvraag = Hulpvraag.objects.get()
    assert hulpvraag.toestemmingen == {Doel.CONTACT_OPNEMEN: True, Doel.GEGEVENS_DELEN_PARTNERS: False,
                                       Doel.ONDERZOEK: True}
    # No user recorded it: the snapshot is the record until a worker confirms it with the resident.
    assert Toestemming.objects.count() == 0


def test_without_consent_to_handle_the_request_nothing_is_stored(client: Any, place: Any, frozen_time: Any) -> None:
    response = submit(client, frozen_time, toestemming_contact=None, toestemming_delen="on")
    assert response.status_code == 200
    assert "Toestemming: zonder uw toestemming kunnen we uw vraag niet bekijken." in response.content.decode()
    assert Hulpvraag.objects.count() == 0
