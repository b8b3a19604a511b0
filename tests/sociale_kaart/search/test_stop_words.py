# SPDX-License-Identifier: EUPL-1.2
"""Stop words are ignored, negations included: "niet betalen" asks for the same help as "betalen"."""

from __future__ import annotations

import pytest

from tests.sociale_kaart.search.conftest import names

pytestmark = pytest.mark.django_db


def test_sentence_equals_its_content_words(kaart, search):
    sentence = search("ik kan mijn huur niet betalen")
    keywords = search("huur betalen")
    assert names(sentence) == names(keywords)
    assert sentence.interpretation.expanded_terms[:2] == ("huur", "betalen")


def test_negation_is_ignored(kaart, search):
    assert names(search("geen werk")) == names(search("werk"))
    assert names(search("niet eenzaam")) == names(search("eenzaam"))


def test_only_stop_words_is_a_search_without_words(kaart, search):
    result = search("ik wil graag een")
    assert result.interpretation.expanded_terms == ()
    assert result.total == len(kaart)  # browsing: everything visible
