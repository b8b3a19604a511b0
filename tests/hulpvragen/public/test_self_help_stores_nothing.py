# SPDX-License-Identifier: EUPL-1.2
"""Walking "Wat speelt er?" from start to results leaves nothing behind: no row in any table, no session
(cookie), no log line with an answer. The answers only ever travel in the resident's own POSTs."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from structlog.testing import capture_logs

from tests.vroegsignalering.support import place_postcode
from wijkteam.hulpvragen.public import questionnaire as q

from .support import ANSWERS, walk_self_help

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()
            if model._meta.managed and not model._meta.proxy}


def test_walking_the_whole_questionnaire_stores_and_logs_nothing(client: Any, place: Any, caplog: Any) -> None:
    place_postcode(place)
    before = row_counts()
    caplog.set_level(logging.DEBUG)
    with capture_logs() as logs:
        responses = walk_self_help(client, ANSWERS, postcode="3511 AB")

    assert [r.status_code for r in responses] == [200] * (q.LAST_STEP + 2)
    assert "De uitkomst" in responses[-1].content.decode()
    assert row_counts() == before
    for response in responses:
        assert settings.SESSION_COOKIE_NAME not in response.cookies
        assert "no-store" in response["Cache-Control"]
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    written = str(logs) + caplog.text
    for needle in ("3511", *ANSWERS, *(name.removeprefix("v_") for name in ANSWERS), "LD01", "LD11", "LD05"):
        assert needle not in written


def test_every_step_carries_the_earlier_answers_in_hidden_fields(client: Any, place: Any) -> None:
    responses = walk_self_help(client, ANSWERS)
    place_step = responses[q.PLACE_STEP].content.decode()
    for name, value in ANSWERS.items():
        assert f'<input type="hidden" name="{name}" value="{value}">' in place_step
    # Back to the first step: the answer shows as chosen, not hidden.
    first = client.post("/hulp/wat-speelt-er/", {**ANSWERS, "ga": "1"}).content.decode()
    assert 'name="v_geld_tekort" value="ja" id="v_geld_tekort-ja" checked' in first
    assert '<input type="hidden" name="v_geld_tekort"' not in first
    assert '<input type="hidden" name="v_contact_alleen" value="ja">' in first


def test_skipping_everything_still_ends_in_results(client: Any, place: Any) -> None:
    responses = walk_self_help(client, {})
    html = responses[-1].content.decode()
    assert responses[-1].status_code == 200
    assert "U zei bij geen enkele vraag ja of soms" in html
    # Jumping to the results from the first step works too.
    assert client.post("/hulp/wat-speelt-er/", {"ga": "uitkomst"}).status_code == 200


def test_odd_input_is_ignored_not_an_error(client: Any, place: Any) -> None:
    response = client.post("/hulp/wat-speelt-er/", {"ga": "999", "v_geld_tekort": "<script>", "v_bestaat_niet": "ja"})
    assert response.status_code == 200 and "<script>" not in response.content.decode()
    bad_postcode = client.post("/hulp/wat-speelt-er/", {"ga": "uitkomst", "postcode": "abc"})
    assert bad_postcode.status_code == 200
    assert "Uw postcode: vul een postcode in zoals 1234 AB" in bad_postcode.content.decode()
