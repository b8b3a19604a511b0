# SPDX-License-Identifier: EUPL-1.2
"""Bad input in the request form: a Dutch error per field that names the field, an error summary linking to
each field, what was typed kept in the form, nothing stored, and nothing the resident typed in the URL."""

from __future__ import annotations

import re
from typing import Any

import pytest

from wijkteam.huishoudens.models import Persoon
from wijkteam.hulpvragen.models import Hulpvraag

from .support import submit

pytestmark = pytest.mark.django_db


def summary(html: str) -> list[tuple[str, str]]:
    block = re.search(r'<div class="utrecht-alert utrecht-alert--error wt-error-summary".*?</ul>', html, re.S)
    assert block, "an error summary at the top"
    return re.findall(r'<a class="utrecht-link" href="#([^"]+)">([^<]+)</a>', block.group(0))


def test_required_fields_are_named(client: Any, place: Any, frozen_time: Any) -> None:
    response = submit(client, frozen_time, voornaam="", achternaam="", vraag="", telefoon="", email="",
                      toestemming_contact=None, postcode="", huisnummer="")
    html = response.content.decode()
    assert response.status_code == 200
    links = dict(summary(html))
    assert links["id_voornaam"] == "Vul uw voornaam in."
    assert links["id_achternaam"] == "Vul uw achternaam in."
    assert links["id_vraag"].startswith("Wat speelt er:")
    assert links["id_telefoon"].startswith("Uw telefoonnummer of e-mailadres: vul er minstens één in")
    assert links["id_toestemming_contact"].startswith("Toestemming: zonder uw toestemming")
    assert "Er zijn 5 fouten. Er is nog niets opgeslagen." in html
    assert 'aria-invalid="true"' in html
    assert Hulpvraag.objects.count() == 0 and Persoon.objects.count() == 0


def test_wrong_values_are_named_and_what_was_typed_stays(client: Any, place: Any, frozen_time: Any) -> None:
    response = submit(client, frozen_time, postcode="12345", huisnummer="twaalf", telefoon="123",
                      email="samira@", domeinen=["LD01", "LD99"])
    html = response.content.decode()
    links = dict(summary(html))
    assert links["id_postcode"] == "Uw postcode: vul een postcode in zoals 1234 AB."
    assert links["id_huisnummer"].startswith("Uw huisnummer: vul een huisnummer in")
    assert links["id_telefoon"].startswith("Uw telefoonnummer: vul een telefoonnummer in van 10 cijfers")
    assert links["id_email"].startswith("Uw e-mailadres: vul een e-mailadres in")
    assert links["id_domeinen_0"].startswith("Waar gaat uw vraag over:")
    # Kept: the typed values, the chosen domain and the consent.
    for kept in ('value="Samira"', 'value="El Amrani"', 'value="12345"', 'value="twaalf"', 'value="samira@"',
                 "Ik heb een huurachterstand"):
        assert kept in html
    assert re.search(r'name="domeinen" value="LD01" [^>]*checked', html)
    assert re.search(r'name="toestemming_contact" id="id_toestemming_contact"[^>]*checked', html)
    assert Hulpvraag.objects.count() == 0


def test_a_postcode_needs_a_house_number(client: Any, place: Any, frozen_time: Any) -> None:
    links = dict(summary(submit(client, frozen_time, huisnummer="").content.decode()))
    assert links == {"id_huisnummer": "Uw huisnummer: vul ook uw huisnummer in."}


def test_the_form_posts_and_nothing_typed_goes_in_the_url(client: Any, place: Any, frozen_time: Any) -> None:
    response = submit(client, frozen_time, voornaam="")
    html = response.content.decode()
    assert re.search(r'<form method="post" action="/hulp/vraag/"', html)
    assert response.request["QUERY_STRING"] == ""
