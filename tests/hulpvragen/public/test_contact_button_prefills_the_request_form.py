# SPDX-License-Identifier: EUPL-1.2
""""Ik wil graag contact met het wijkteam" at the end of "Wat speelt er?" opens the request form filled in
with the answers (text, domains, postcode, urgency), stores nothing yet, and a request sent from it is
marked as coming through the self-help door."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from tests.vroegsignalering.support import place_postcode
from wijkteam.hulpvragen.models import Hulpvraag, Kanaal

from .support import ANSWERS, FORM, as_post, filled, hidden_inputs, walk_self_help

pytestmark = pytest.mark.django_db


def test_the_button_turns_the_answers_into_a_filled_in_form(client: Any, place: Any, frozen_time: Any) -> None:
    place_postcode(place)
    results = walk_self_help(client, ANSWERS, postcode="3511ab")[-1].content.decode()
    assert "Ik wil graag contact met het wijkteam" in results
    carried = hidden_inputs(results, reverse(FORM))

    form = client.post(reverse(FORM), as_post(carried))
    html = form.content.decode()
    assert form.status_code == 200 and Hulpvraag.objects.count() == 0
    assert "Er is 1 fout" not in html and "Er zijn" not in html  # a filled-in form, not a refused one
    vraag = re.search(r'<textarea name="vraag"[^>]*>(.*?)</textarea>', html, re.S)
    assert vraag is not None
    assert "Komt u geld tekort aan het eind van de maand? Ja" in vraag.group(1)
    assert "Voelt u zich alleen? Ja" in vraag.group(1)
    assert "Bent u bang dat u uw huis kwijtraakt" not in vraag.group(1)  # answered "nee"
    for code in ("LD01", "LD11", "LD05"):
        assert re.search(rf'name="domeinen" value="{code}" [^>]*checked', html)
    assert not re.search(r'name="domeinen" value="LD04" [^>]*checked', html)
    assert 'name="postcode" value="3511 AB"' in html
    assert re.search(r'name="dringend" id="id_dringend"[^>]*checked', html)  # the safety answer
    assert 'name="van" value="zelftest"' in html

    # Sending it (name, house number, phone added) is a request through the self-help door.
    token = re.search(r'name="formulier" value="([^"]+)"', html)
    assert token is not None
    frozen_time.shift(60)
    sent = client.post(reverse(FORM), {**filled(vraag=vraag.group(1).replace("&#x27;", "'"),
                                                domeinen=["LD01", "LD11", "LD05"], dringend="on"),
                                       "van": "zelftest", "formulier": token.group(1)})
    assert sent.status_code == 200 and "Bedankt, Samira" in sent.content.decode()
    hulpvraag = Hulpvraag.objects.get()
    assert hulpvraag.kanaal == Kanaal.ZELFHULP and hulpvraag.urgent
    assert hulpvraag.levensdomeinen == ["LD01", "LD05", "LD11"]
    assert "Voelt u zich alleen? Ja" in hulpvraag.omschrijving
