# SPDX-License-Identifier: EUPL-1.2
"""Popular searches come from the per-process answer cache, and still show every change at once.

The cache key holds the search-index generation (every write starts a new one), the language, the
local minute ("nu open") and the query string; see wijkteam/sociale_kaart/answer_cache.py.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkteam.sociale_kaart.partner import services
from wijkteam.sociale_kaart.search import reindex_all

pytestmark = pytest.mark.django_db

URL = reverse("sociale_kaart_public:search")


def _search(client, **params) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    # The language form's CSRF token is masked anew on every response; the rest must be the same.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode()), len(queries)


def test_the_same_search_again_runs_no_search(client, inloop, answer_cache_on, frozen_time):
    reindex_all()
    first, first_queries = _search(client, q="geldzorgen")
    again, again_queries = _search(client, q="geldzorgen")
    assert "Inloop geldzaken" in first
    assert again == first
    # A resident without a session gets the whole page from the cache: only the check that the
    # index is unchanged remains.
    assert again_queries == 1 < first_queries


def test_with_a_session_only_the_result_list_comes_from_the_cache(client_for, users, inloop, answer_cache_on,
                                                                   frozen_time):
    reindex_all()
    client = client_for(users.medewerker)
    first, first_queries = _search(client, q="geldzorgen")
    again, again_queries = _search(client, q="geldzorgen")
    assert again == first and "Inloop geldzaken" in again
    # The page itself is rendered for this visitor (their session, any message waiting for them).
    assert 1 < again_queries < first_queries


def test_the_language_form_on_a_cached_page_carries_this_visitors_token(inloop, answer_cache_on, frozen_time):
    reindex_all()
    Client(enforce_csrf_checks=True).get(URL, {"q": "geldzorgen"})  # someone else fills the cache
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get(URL, {"q": "geldzorgen"}).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert "csrf-" not in token
    response = visitor.post(reverse("set_language"), {"language": "en", "next": URL, "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_a_partners_change_shows_on_the_next_search(
    client, inloop, answer_cache_on, frozen_time, django_capture_on_commit_callbacks
):
    reindex_all()
    assert "Inloop geldzaken" in _search(client, q="geldzorgen")[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.update_service(inloop, services.ServiceInput(fields={"name": "Geldspreekuur De Schakel"}))
    html, _ = _search(client, q="geldzorgen")
    assert "Geldspreekuur De Schakel" in html
    assert "Inloop geldzaken" not in html


def test_open_now_is_worked_out_again_each_minute(client, inloop, answer_cache_on, frozen_time):
    reindex_all()  # Wednesday 10:15; the inloop is open on Wednesdays 9:00-12:00
    assert "wt-kenmerk--open" in _search(client, q="geldzorgen")[0]
    with time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))), tick=False):
        html, _ = _search(client, q="geldzorgen")
    assert "wt-kenmerk--dicht" in html
    assert "wt-kenmerk--open" not in html


def test_each_language_has_its_own_answers(client, inloop, answer_cache_on, frozen_time):
    reindex_all()
    dutch, _ = _search(client, q="geldzorgen")
    english = client.get(URL, {"q": "geldzorgen"}, headers={"accept-language": "en"}).content.decode()
    assert "Geld en schulden" in dutch
    assert "Money and debts" in english or "Money and debt" in english
    assert _search(client, q="geldzorgen")[0] == dutch


def test_htmx_fragment_and_full_page_share_the_results(client, inloop, answer_cache_on, frozen_time):
    reindex_all()
    page, _ = _search(client, q="geldzorgen")
    fragment = client.get(URL, {"q": "geldzorgen"}, headers={"hx-request": "true"}).content.decode()
    assert "<html" in page and "<html" not in fragment
    assert "Inloop geldzaken" in fragment
    assert 'hx-swap-oob="innerHTML"' in fragment  # the status line still comes with the fragment


def test_without_the_cache_every_search_runs(client, inloop, frozen_time):
    reindex_all()
    _search(client, q="schulden")  # loads the search vocabulary
    _html, first = _search(client, q="geldzorgen")
    _html, again = _search(client, q="geldzorgen")
    assert again == first > 2
