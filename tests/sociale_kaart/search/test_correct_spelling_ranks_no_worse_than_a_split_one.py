# SPDX-License-Identifier: EUPL-1.2
"""Issue 16: "schuldhulpverlening" (spelled right) ranked the schuldhulp services below a
dierenvoedselbank, while "schuldhulp verlening" (split) found them first. A compound the index
does not know as a whole is searched through the pieces it does know."""

from __future__ import annotations

import pytest

from wijkteam.sociale_kaart.search import reindex_all

from .conftest import make_service
from .http_results import result_names, result_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def geld_kaart(db):
    make_service("Hulp bij schulden", "Samen maken we een plan voor uw schulden.", ["LD01"],
                 organisation="Schuldhulp Voorbeeld")
    make_service("Cursus Grip op je geld", "Leer rondkomen van uw inkomen.", ["LD01"],
                 organisation="Schuldhulp Voorbeeld")
    make_service("Dierenvoedselbank", "Voer voor uw huisdier als het geld op is.", ["LD01"],
                 organisation="Dierenvoedselbank Voorbeeld")
    make_service("Toeslagencheck", "Krijgt u alle toeslagen waar u recht op heeft?", ["LD01"],
                 organisation="Sociaal Raadslieden Voorbeeld")
    make_service("Energiecoach aan huis", "Tips om te besparen op energie.", ["LD01", "LD04"],
                 organisation="Woonstichting Thuis")
    reindex_all()


def test_correct_spelling_finds_the_schuldhulp_services_first(client, geld_kaart):
    correct = result_names(result_page(client, q="schuldhulpverlening"))
    split = result_names(result_page(client, q="schuldhulp verlening"))
    fitting = {"Hulp bij schulden", "Cursus Grip op je geld"}
    assert set(split[:2]) == fitting
    assert set(correct[:2]) == fitting
    for name in fitting:
        assert correct.index(name) <= split.index(name)
