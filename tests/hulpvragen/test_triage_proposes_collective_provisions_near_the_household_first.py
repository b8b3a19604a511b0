# SPDX-License-Identifier: EUPL-1.2
"""The issue's example: "alleenstaande moeder, huurachterstand, voelt zich sinds de scheiding erg alleen"
for a household in wijk A yields proposals for Financiën (LD01) and Sociaal netwerk (LD11): collective
provisions in or near the wijk first, each with a one-line reason; unsuitable ones are left out."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkteam.hulpvragen.triage.choices import Ondersteuning
from wijkteam.hulpvragen.triage.services import proposals_for

from .triage_support import assess, index, provision, single_mother

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaart(place):
    made = {
        "spreekuur": provision("Inloopspreekuur geldzaken Oude Haven", ["LD01", "SA01"], km=0.6, free=True,
                               byday="TU", buurt=place.buurt_a),
        "far_geld": provision("Budgetcursus Noord", ["LD01", "SA02"], km=2.4, free=False, byday="TH",
                              opens=dt.time(19, 0)),
        "too_far": provision("Schuldhulp aan de rand", ["LD01", "SA06"], km=5.0),
        "individual": provision("Schuldhulpverlening individueel", ["LD01", "SA07"], km=0.2),
        "koffie": provision("Koffieochtend De Schakel", ["LD11", "SA05"], km=1.1, free=True, byday="FR"),
        "ouders": provision("Oudercafé", ["LD11", "SA03", "DG03"], km=1.8),
        "elderly": provision("Ouderensoos", ["LD11", "SA05", "DG05"], km=0.3),
        "online": provision("Chatmaatje online", ["LD11", "SA04"], km=None),
        "hidden": provision("Gesloten buurtkamer", ["LD11", "SA05"], km=0.1, inactive=True),
    }
    index()
    return made


def _by_code(proposals):
    return {p.code: p for p in proposals}


def test_financien_and_sociaal_netwerk_get_collective_provisions_with_reasons(place, users, kaart, frozen_time):
    hulpvraag = single_mother(place)
    assessment = assess(hulpvraag, users.medewerker, {"LD01": 3, "LD11": 3})

    proposals = _by_code(proposals_for(hulpvraag, assessment))

    assert set(proposals) == {"LD01", "LD11"}
    geld, netwerk = proposals["LD01"], proposals["LD11"]
    assert (geld.naam, netwerk.naam) == ("Financiën", "Sociaal netwerk")
    assert geld.advies == netwerk.advies == Ondersteuning.COLLECTIEF
    assert "collectief aanbod" in geld.reden

    # Nearest first; individual support (SA07), services over 3 km and inactive ones are not collective options.
    assert [o.naam for o in geld.options] == ["Inloopspreekuur geldzaken Oude Haven", "Budgetcursus Noord"]
    first = geld.options[0]
    assert first.in_wijk is True
    assert first.reden == "inloopspreekuur in de wijk, 600 m verderop, dinsdagochtend, gratis"
    assert geld.options[1].reden == "cursus 2,4 km verderop, donderdagavond, kosten vanaf € 2,50"

    # The Oudercafé names the household's doelgroep (a parent with a child): lifted before the nearer coffee
    # morning; the Ouderensoos is for another doelgroep and is left out; online help comes last.
    assert [o.naam for o in netwerk.options] == ["Oudercafé", "Koffieochtend De Schakel", "Chatmaatje online"]
    assert netwerk.options[0].reden == "lotgenotengroep 1,8 km verderop, voor ouders"
    assert netwerk.options[1].reden == "activiteit 1,1 km verderop, vrijdagochtend, gratis"
    assert netwerk.options[2].reden == "maatje of vrijwilliger online of telefonisch"


def test_a_domain_named_in_the_request_is_proposed_even_without_a_score(place, users, kaart, frozen_time):
    hulpvraag = single_mother(place)
    assessment = assess(hulpvraag, users.medewerker, {"LD01": 2})  # LD11 named but not scored

    proposals = _by_code(proposals_for(hulpvraag, assessment))

    assert set(proposals) == {"LD01", "LD11"}
    assert proposals["LD11"].niveau is None and proposals["LD11"].genoemd
    assert proposals["LD11"].advies == Ondersteuning.COLLECTIEF
    # A score of 2 needs individual support; the collective provisions come beside it.
    assert proposals["LD01"].advies == Ondersteuning.BEIDE
    assert "Score 2 (niet zelfredzaam)" in proposals["LD01"].reden


def test_a_well_scored_domain_that_is_not_named_is_left_out(place, users, kaart, frozen_time):
    hulpvraag = single_mother(place, levensdomeinen=["LD01"])
    assessment = assess(hulpvraag, users.medewerker, {"LD01": 3, "LD11": 4, "LD04": 5})

    assert [p.code for p in proposals_for(hulpvraag, assessment)] == ["LD01"]


def test_the_triage_screen_shows_the_proposals_and_their_reasons(place, users, kaart, frozen_time, client_for):
    hulpvraag = single_mother(place)
    assess(hulpvraag, users.medewerker, {"LD01": 3, "LD11": 3})

    response = client_for(users.medewerker).get(f"/werk/hulpvragen/triage/{hulpvraag.pk}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Financiën" in page and "Sociaal netwerk" in page
    assert "inloopspreekuur in de wijk, 600 m verderop, dinsdagochtend, gratis" in page
    assert page.index("Inloopspreekuur geldzaken Oude Haven") < page.index("Budgetcursus Noord")
    assert "Schuldhulpverlening individueel" not in page
