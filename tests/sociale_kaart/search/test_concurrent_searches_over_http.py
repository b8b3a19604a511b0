# SPDX-License-Identifier: EUPL-1.2
"""Many clients searching at once over HTTP (the live server runs a thread per request, as gunicorn's
gthread workers do): no 5xx, and every answer equals the one the same query got when asked alone.

The stem cache is emptied between the two phases and every request carries made-up words of its own,
so the concurrent phase runs the stemmer itself (with one shared stemmer this test saw ~40 of 180
answers fail with 500), and a tiny switch interval makes the threads interleave inside it as they do under load.
"""

from __future__ import annotations

import json
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from typing import Any

import pytest

from wijkteam.sociale_kaart.search import text

pytestmark = pytest.mark.django_db(transaction=True)

QUERIES = [
    "schulden", "ik kan mijn huur niet betalen", "eenzaam", "eenzaamheid ouderen", "vrijwilligers",
    "taalcafe", "somber", "jongeren blowen", "werk zoeken", "thuisadministratie", "buurthuis koffie",
    "mantelzorgers", "schuldhulpverlening", "woning verhuizen", "neerslachtig",
]
CLIENTS = 12
PER_CLIENT = 10
# Made-up long words make every request stem words of its own (cached stems would skip the stemmer).
_PARTS = ["buurt", "zorg", "huur", "school", "geld", "werk", "taal", "hulp", "wonen", "gezin"]


def _query(client: int, i: int) -> str:
    base = QUERIES[(client + i) % len(QUERIES)]
    extra = [f"{_PARTS[(client + k) % 10]}{_PARTS[(i + 3 * k) % 10]}verlenersgroepen{client}x{i}x{k}" for k in range(6)]
    return " ".join([base, *extra])


def _answer(base: str, query: str) -> tuple[int, list[str]]:
    url = f"{base}/api/hsds/services?search={urllib.parse.quote(query)}&per_page=50"
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the test's own live server
            return response.status, [item["id"] for item in json.load(response)["contents"]]
    except urllib.error.HTTPError as error:
        return error.code, []


def test_concurrent_searches_answer_as_when_asked_alone(live_server: Any, kaart: Any, settings: Any) -> None:
    settings.WIJKTEAM_PUBLIC_CACHE_SECONDS = 0
    queries = [_query(n, i) for n in range(CLIENTS) for i in range(PER_CLIENT)]
    reference = {q: _answer(live_server.url, q) for q in queries}
    assert all(status == 200 for status, _ in reference.values())
    assert any(ids for _, ids in reference.values())

    text.stem.cache_clear()
    statuses: Counter[int] = Counter()
    differ: list[str] = []
    lock = threading.Lock()

    def client(offset: int) -> None:
        for i in range(PER_CLIENT):
            query = _query(offset, i)
            status, ids = _answer(live_server.url, query)
            with lock:
                statuses[status] += 1
                if status == 200 and ids != reference[query][1]:
                    differ.append(query)

    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(before)
        text.stem.cache_clear()
    assert statuses == Counter({200: CLIENTS * PER_CLIENT})
    assert differ == []
