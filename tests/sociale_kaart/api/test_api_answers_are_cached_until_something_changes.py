# SPDX-License-Identifier: EUPL-1.2
"""HSDS API answers come from the per-process answer cache until the sociale kaart changes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wijkteam.sociale_kaart.partner import services

from .conftest import API

pytestmark = pytest.mark.django_db


def _get(path: str, **params) -> tuple[object, int]:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(f"{API}{path}", params)
    return response, len(queries)


def test_the_same_question_again_is_answered_from_the_cache(kaart, answer_cache_on):
    first, first_queries = _get("/services", search="geld")
    again, again_queries = _get("/services", search="geld")
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again["Access-Control-Allow-Origin"] == "*"
    assert again["Content-Type"] == "application/json"
    assert again_queries == 1 < first_queries  # only the check that nothing changed


def test_a_change_is_in_the_next_answer(kaart, answer_cache_on, django_capture_on_commit_callbacks):
    before, _ = _get(f"/services/{kaart.geld.pk}")
    assert before.json()["name"] == "Inloop geldzaken"
    with django_capture_on_commit_callbacks(execute=True):
        services.update_service(kaart.geld, services.ServiceInput(fields={"name": "Geldspreekuur"}))
    after, _ = _get(f"/services/{kaart.geld.pk}")
    assert after.json()["name"] == "Geldspreekuur"


def test_errors_and_ndjson_are_not_kept(kaart, answer_cache_on):
    _get("/services", per_page="veel")
    _response, queries = _get("/services", per_page="veel")
    assert _response.status_code == 400 and queries >= 1
    _get("/services", format="ndjson")
    streamed, queries = _get("/services", format="ndjson")
    assert streamed.streaming and queries >= 1  # the ids are read again: nothing was kept
    assert b"Inloop geldzaken" in b"".join(streamed.streaming_content)
