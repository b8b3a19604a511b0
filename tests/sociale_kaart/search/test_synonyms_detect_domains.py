# SPDX-License-Identifier: EUPL-1.2
"""Synonyms of the taxonomy terms detect levensdomeinen, also from words the services never use."""

from __future__ import annotations

import pytest

from tests.factories_sociale_kaart import term
from tests.sociale_kaart.search.conftest import make_service, names
from wijkteam.sociale_kaart.search import reindex_all

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("geldzorgen", "LD01"),
        ("rood staan", "LD01"),
        ("rekeningen", "LD01"),
        ("eenzaam", "LD11"),
        ("alleen", "LD11"),
        ("niemand om mee te praten", "LD11"),
        ("blowen", "LD08"),
    ],
)
def test_synonym_detects_the_domain_and_finds_its_services(kaart, search, text, domain):
    result = search(text)
    assert result.interpretation.domains[0] == domain
    assert result.hits, text
    assert domain in result.hits[0].matched_domains


def test_interpretation_names_the_domain(kaart, search):
    interpretation = search("geldzorgen").interpretation
    assert interpretation.domain_names[0] == "Financiën"


def test_domain_found_although_the_text_never_says_the_word(db, search):
    # Neither "geldzorgen" nor any form of it appears in the service: only its levensdomein links it.
    make_service("Stichting Papierwinkel", "Wij zetten samen met u uw papieren op orde.", ["LD01"])
    make_service("Papierfabriek rondleiding", "Zien hoe papier wordt gemaakt.", ["LD03"])
    reindex_all()
    assert names(search("geldzorgen")) == ["Stichting Papierwinkel"]


def test_multi_word_synonym_needs_all_its_words(kaart, search):
    assert "LD11" in search("niemand om mee te praten").interpretation.domains
    assert "niemand om mee te praten" in search("ik heb niemand om mee te praten").interpretation.expanded_terms
    assert "LD01" not in search("staan").interpretation.domains  # "rood staan" needs "rood" too


def test_longer_synonym_wins_within_a_taxonomy(kaart, search):
    # "huur" alone is Huisvesting; "huur ... betalen" is about money.
    assert search("huur").interpretation.domains == ("LD04",)
    assert search("ik kan mijn huur niet betalen").interpretation.domains == ("LD01",)


def test_new_synonym_takes_effect_without_reindex(kaart, search):
    assert search("pietepeuterig").interpretation.domains == ()
    financien = term("LD01")
    financien.synonyms = [*financien.synonyms, "pietepeuterig"]
    financien.save()
    assert search("pietepeuterig").interpretation.domains == ("LD01",)


def test_doelgroep_words_are_recognised_and_boost(kaart, search):
    result = search("eenzaamheid ouderen")
    assert result.interpretation.other_codes == ("DG05",)
    # Ontmoetingsochtend carries Ouderen (DG05) as well as Sociaal netwerk: before the Maatjesproject.
    assert names(result)[:2] == ["Ontmoetingsochtend in het buurthuis", "Maatjesproject"]
