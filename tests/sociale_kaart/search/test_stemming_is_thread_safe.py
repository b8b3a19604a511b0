# SPDX-License-Identifier: EUPL-1.2
"""Stemming from many threads at once gives the same stems as a fresh stemmer (gunicorn runs threads).

A Snowball stemmer keeps its working word on the object; one shared stemmer per process gave wrong
stems and IndexError under concurrent searches. These tests hammer stem() from several threads with
a tiny switch interval, so threads interleave inside stemWord as they do under load.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
import snowballstemmer

from wijkteam.sociale_kaart.search import text

WORDS = [
    "mantelzorgers", "vrijwilligerswerk", "schuldhulpverlening", "eenzaamheid", "opvoedingsondersteuning",
    "huurachterstand", "betalingsregeling", "dagbesteding", "jongerenwerkers", "buurthuizen",
    "voedselbanken", "taalcafés", "inloopspreekuren", "thuisadministratie", "wijkverpleegkundigen",
    "schulden", "betalen", "eenzame", "opvoeding", "kinderen", "ouderen", "bewoners", "gezinnen",
]
THREADS = 8
ROUNDS = 300


@pytest.fixture
def fast_switching() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def _hammer(work) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def run() -> None:
        start.wait()
        try:
            work()
        except BaseException as exc:  # collected and reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_concurrent_stemming_equals_a_fresh_stemmer(fast_switching):
    fresh = snowballstemmer.stemmer("dutch")
    expected = {word: fresh.stemWord(word) for word in WORDS}
    wrong: list[tuple[str, str]] = []

    def work() -> None:
        for i in range(ROUNDS):
            # Past the stem() cache on purpose: every call runs the stemmer itself.
            for word in WORDS[i % 3 :: 2]:
                got = text._stemmer().stemWord(word)
                if got != expected[word]:
                    wrong.append((word, got))

    errors = _hammer(work)
    assert errors == []
    assert wrong == []


def test_cached_stems_stay_correct_under_concurrency(fast_switching):
    """What stem() caches for the worker's life must be what a fresh stemmer says."""
    text.stem.cache_clear()
    errors = _hammer(lambda: [text.stem(w) for _ in range(50) for w in WORDS])
    fresh = snowballstemmer.stemmer("dutch")
    assert errors == []
    assert {w: text.stem(w) for w in WORDS} == {w: fresh.stemWord(w) for w in WORDS}
    text.stem.cache_clear()
