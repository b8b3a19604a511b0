# SPDX-License-Identifier: EUPL-1.2
"""Typo tolerance: misspelled words are corrected against the index and synonym vocabulary."""

from __future__ import annotations

import pytest

from tests.sociale_kaart.search.conftest import make_service, names
from wijkteam.sociale_kaart.search import reindex_all

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "meant", "found"),
    [
        ("shuldhulp", "schuldhulp", "Schuldhulpverlening"),
        ("eenzaamhijd", "eenzaamheid", "Maatjesproject"),
        ("sollicitatiebreif", "sollicitatiebrief", "Werkplein jobcoach"),
    ],
)
def test_misspelling_is_corrected_and_reported(kaart, search, typed, meant, found):
    result = search(typed)
    assert result.interpretation.corrected == {typed: meant}
    assert found in names(result)[:2]


def test_known_words_are_left_alone(kaart, search):
    assert search("schulden").interpretation.corrected == {}


def test_short_words_are_not_guessed(db, search):
    # "zoon" is one letter from "woon" (in the index), but a real word: guessing would mislead.
    make_service("Spreekuur wonen", "Vragen over uw woning en woon-zorg.", ["LD04"])
    reindex_all()
    result = search("zoon")
    assert result.interpretation.corrected == {}
    assert result.total == 0


def test_nothing_close_leaves_the_word_as_typed(kaart, search):
    result = search("xqzvrtp")
    assert result.interpretation.corrected == {}
    assert result.total == 0
