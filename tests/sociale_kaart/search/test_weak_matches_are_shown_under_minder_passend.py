# SPDX-License-Identifier: EUPL-1.2
"""Issue 16: "taalcafe" gave the two taalcafés and then sixty services that share only the
levensdomein. Those weak matches come after every fitting result, under "Minder passend"; they are
not hidden (for a vague request they are what helps)."""

from __future__ import annotations

import pytest

from wijkteam.gebieden.models import Postcode
from wijkteam.sociale_kaart.search import reindex_all

from .conftest import make_service
from .http_results import names_before_and_after_minder_passend, result_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def taal_kaart(place):
    make_service("Taalcafé De Brug", "Oefen Nederlands spreken met vrijwilligers.", ["LD12"],
                 organisation="Bibliotheek Voorbeeld", lat=52.1300, lon=5.1600)
    make_service("Taalcafé Oost", "Oefen Nederlands spreken in een kleine groep.", ["LD12"],
                 organisation="Bibliotheek Voorbeeld", lat=52.1300, lon=5.1600)
    for buurt in ("Binnenstad", "Molenwijk", "Oosterhof"):
        # Right next to the postcode below: distance must not lift them above the taalcafés.
        make_service(f"Bewonersoverleg {buurt}", "Praat mee over plannen voor de buurt.", ["LD12"],
                     organisation=f"Bewonerscommissie {buurt}", lat=52.0901, lon=5.1201)
    Postcode.objects.create(pc6="3511 AB", latitude=52.0900, longitude=5.1200, buurt=place.buurt_a)
    reindex_all()


@pytest.mark.parametrize("postcode", ["", "3511ab"])
def test_taalcafe_lists_the_taalcafes_then_the_weak_matches(client, taal_kaart, postcode):
    page = result_page(client, q="taalcafe", postcode=postcode)
    fitting, weak = names_before_and_after_minder_passend(page)
    assert sorted(fitting) == ["Taalcafé De Brug", "Taalcafé Oost"]
    assert sorted(weak) == ["Bewonersoverleg Binnenstad", "Bewonersoverleg Molenwijk", "Bewonersoverleg Oosterhof"]


def test_results_that_all_fit_have_no_minder_passend_heading(client, taal_kaart):
    page = result_page(client, q="bewonersoverleg")
    fitting, weak = names_before_and_after_minder_passend(page)
    assert len(fitting) == 3 and weak == []
    assert "Minder passend" not in page
