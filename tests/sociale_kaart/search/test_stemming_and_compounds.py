# SPDX-License-Identifier: EUPL-1.2
"""Dutch stemming and compounds: inflected and split or joined words still find the service."""

from __future__ import annotations

import pytest

from tests.sociale_kaart.search.conftest import make_service, names
from wijkteam.sociale_kaart.search import reindex_all

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ["schuldhulpverlening", "schuldhulp verlening", "schulden", "schuld"])
def test_compound_written_whole_split_or_as_its_head_finds_it(kaart, search, text):
    assert names(search(text))[0] == "Schuldhulpverlening"


def test_eenzaamheid_and_eenzame_meet_eenzaam(db, search):
    make_service("Koffie-uurtje", "Voor wie zich eenzaam voelt: elke week samen koffie.", ["SA05"])
    make_service("Fietsreparatie", "Wij maken uw fiets.", ["LD10"])
    reindex_all()
    for text in ["eenzaamheid", "eenzame", "eenzaam"]:
        assert names(search(text)) == ["Koffie-uurtje"], text


def test_verb_forms_meet(db, search):
    make_service("Betaalhulp", "Wij helpen u rekeningen op tijd betalen.", ["SA06"])
    reindex_all()
    for text in ["betaalt", "betalen", "betaal"]:
        assert names(search(text)) == ["Betaalhulp"], text


def test_a_word_inside_a_compound_finds_it(db, search):
    make_service("Gokverslavingszorg", "Behandeling en advies.", ["SA07"])
    make_service("Taalcafé", "Nederlands oefenen.", ["SA05"])
    reindex_all()
    assert names(search("verslaving")) == ["Gokverslavingszorg"]


def test_unknown_compound_is_split_into_known_words(db, search):
    make_service("Buurtbemiddeling", "Ruzie met de buren? Vrijwilligers helpen u praten.", ["SA04"])
    make_service("Ruzie thuis", "Hulp bij spanningen in het gezin.", ["SA07"])
    reindex_all()
    result = search("burenruzie")
    # Both words of the compound occur only in Buurtbemiddeling: it comes first.
    assert names(result)[0] == "Buurtbemiddeling"
