# SPDX-License-Identifier: EUPL-1.2
"""Shared by the residents' page tests: walking "Wat speelt er?" and filling in the request form over HTTP."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.urls import reverse

from wijkteam.hulpvragen.public import questionnaire as q

SELF_HELP = "hulpvragen_public:zelftest"
FORM = "hulpvragen_public:vraag"

# A whole walk: "ja" or "soms" on money, loneliness and safety, "nee" on housing, the rest skipped.
ANSWERS = {
    "v_geld_tekort": "ja",
    "v_geld_rekeningen": "soms",
    "v_wonen_kwijt": "nee",
    "v_contact_alleen": "ja",
    "v_veilig_thuis": "soms",
}


def hidden_inputs(html: str, form_action: str) -> list[tuple[str, str]]:
    """(name, value) of the hidden inputs of the form posting to `form_action` (the page's own markup)."""
    for form in re.findall(r"<form\b[^>]*>.*?</form>", html, flags=re.S):
        if f'action="{form_action}"' in form:
            return [(name, _unescape(value)) for name, value in
                    re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form, flags=re.S)]
    raise AssertionError(f"no form posting to {form_action}")


def _unescape(value: str) -> str:
    return value.replace("&#x27;", "'").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace(
        "&amp;", "&")


def walk_self_help(client: Client, answers: dict[str, str], postcode: str = "") -> list[Any]:
    """Go through every step as a resident does: each POST carries the hidden fields of the page before."""
    url = reverse(SELF_HELP)
    responses = [client.get(url)]
    carried: list[tuple[str, str]] = []
    for number in range(1, q.LAST_STEP + 1):
        data: dict[str, Any] = {}
        for name, value in carried:
            data.setdefault(name, value)
        data["ga"] = str(number)
        response = client.post(url, data)
        responses.append(response)
        carried = hidden_inputs(response.content.decode(), url)
        on_screen = q.step(number)
        if on_screen is not None:
            for question in on_screen.questions:
                if question.field in answers:
                    carried.append((question.field, answers[question.field]))
    data = dict(carried)
    if postcode:
        data["postcode"] = postcode
    data["ga"] = q.RESULTS
    responses.append(client.post(url, data))
    return responses


def form_token(client: Client) -> str:
    html = client.get(reverse(FORM)).content.decode()
    match = re.search(r'name="formulier" value="([^"]+)"', html)
    assert match, "the form carries its signed start time"
    return match.group(1)


def filled(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "voornaam": "Samira",
        "tussenvoegsel": "",
        "achternaam": "El Amrani",
        "postcode": "3511 AB",
        "huisnummer": "12",
        "telefoon": "06 12345678",
        "email": "",
        "bereikbaar": "na 15.00 uur",
        "vraag": "Ik heb een huurachterstand en voel me sinds de scheiding erg alleen.",
        "domeinen": ["LD01", "LD11"],
        "toestemming_contact": "on",
        "kenmerk": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def submit(client: Client, traveller: Any, *, wait: float = 10, **overrides: Any) -> Any:
    """Open the form, take `wait` seconds to fill it in (time travel), send it."""
    token = form_token(client)
    traveller.shift(wait)
    return client.post(reverse(FORM), {**filled(**overrides), "formulier": token})


def as_post(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Hidden inputs as the test client posts them: a name that repeats (domeinen) keeps every value."""
    data: dict[str, list[str]] = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data
