# SPDX-License-Identifier: EUPL-1.2
"""Issue 16: "ik kan mijn huur niet betalen" with a postcode put the voedselbank next door at 2 and
the huurteam across town at 8. Distance orders within similar relevance only."""

from __future__ import annotations

import pytest

from wijkteam.gebieden.models import Postcode
from wijkteam.sociale_kaart.search import reindex_all

from .conftest import make_service
from .http_results import result_names, result_page

pytestmark = pytest.mark.django_db

HOME = (52.0900, 5.1200)


@pytest.fixture
def huur_kaart(place):
    # The services that fit: about huur, up to 2 km away.
    make_service("Huurteam: check je huur", "Betaalt u te veel huur? Wij checken uw huur en helpen bij achterstand.",
                 ["LD01", "LD04"], organisation="Huurteam Voorbeeld", lat=52.1080, lon=5.1200)
    make_service("Hulp bij huurachterstand", "Kunt u de huur niet betalen? Bel ons voor een betalingsregeling.",
                 ["LD01", "LD04"], organisation="Woonstichting Thuis", lat=52.0913, lon=5.1200)
    # Financiën services without a word about huur, all right next door.
    for name in ("Uitgiftepunt voedselbank", "Hulp bij de belastingaangifte", "Schoolspullen voor ieder kind",
                 "Geldcursus voor jongeren", "Juridisch spreekuur", "Inloopspreekuur geldzaken",
                 "Hulp bij formulieren"):
        make_service(name, "Voor mensen met een laag inkomen: wij helpen u op weg.", ["LD01"],
                     organisation=f"Stichting {name}", lat=52.0902, lon=5.1201)
    Postcode.objects.create(pc6="3511 AB", latitude=HOME[0], longitude=HOME[1], buurt=place.buurt_a)
    reindex_all()


def test_huurteam_stays_in_the_top_three_with_a_postcode(client, huur_kaart):
    without = result_names(result_page(client, q="ik kan mijn huur niet betalen"))
    near = result_names(result_page(client, q="ik kan mijn huur niet betalen", postcode="3511ab"))
    assert set(without[:2]) == {"Huurteam: check je huur", "Hulp bij huurachterstand"}
    # With the postcode the nearer of the two fitting services comes first; the one 2 km away
    # stays above every service that only shares the levensdomein, however close those are.
    assert near[:2] == ["Hulp bij huurachterstand", "Huurteam: check je huur"]


def test_equally_fitting_services_are_ordered_nearest_first(client, place):
    for name, lat in (("Geldloket Ver", 52.1300), ("Geldloket Dichtbij", 52.0905), ("Geldloket Midden", 52.1050)):
        make_service(name, "Hulp bij rekeningen en schulden.", ["LD01"], lat=lat, lon=5.1200)
    Postcode.objects.create(pc6="3511 AB", latitude=HOME[0], longitude=HOME[1], buurt=place.buurt_a)
    reindex_all()
    assert result_names(result_page(client, q="schulden", postcode="3511ab")) == [
        "Geldloket Dichtbij", "Geldloket Midden", "Geldloket Ver",
    ]
