# SPDX-License-Identifier: EUPL-1.2
"""The results of "Wat speelt er?" show, per domain that plays a part, collective provisions from the
sociale kaart (nearest first with a postcode), each linking to its service page; individual guidance
only where nothing collective exists; the resident's wijkteam to call; and the safety numbers when the
safety question was answered "ja" or "soms"."""

from __future__ import annotations

import re
from typing import Any, cast

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import LocationFactory, OrganizationFactory, ServiceAtLocationFactory, ServiceFactory
from tests.vroegsignalering.support import place_postcode
from wijkteam.hulpvragen.public import questionnaire as q
from wijkteam.sociale_kaart.models import Service
from wijkteam.sociale_kaart.search import reindex_all

from .support import walk_self_help

pytestmark = pytest.mark.django_db


def service(name: str, terms: list[str], lat: float, lon: float) -> Service:
    made = cast(Service, ServiceFactory(organization=OrganizationFactory(name=f"Organisatie {name}"), name=name,
                                        description=f"{name}: wat we doen.", terms=terms))
    location = LocationFactory(organization=made.organization, name=f"Locatie {name}", latitude=lat, longitude=lon)
    ServiceAtLocationFactory(service=made, location=location)
    return made


@pytest.fixture
def kaart(place: Any) -> dict[str, Service]:
    place_postcode(place)  # 3511 AB at (52.09, 5.12), buurt A
    place.team_a.telefoon = "030 111 22 33"
    place.team_a.save()
    made = {
        "geld_ver": service("Geldcafé Noord", ["LD01", "SA05"], 52.20, 5.30),
        "geld_dichtbij": service("Inloop geldzaken", ["LD01", "SA01"], 52.0905, 5.1205),
        "geld_individueel": service("Budgetcoach aan huis", ["LD01", "SA07"], 52.0901, 5.1201),
        "contact": service("Koffieochtend De Schakel", ["LD11", "SA05"], 52.0910, 5.1210),
        "gezin": service("Gezinscoach", ["LD05", "SA07"], 52.0920, 5.1220),
        "wonen": service("Woonspreekuur", ["LD04", "SA01"], 52.0920, 5.1220),
    }
    reindex_all()
    return made


def section(html: str, code: str) -> str:
    match = re.search(rf'<section class="wt-uitkomst" aria-labelledby="domein-{code}">(.*?)</section>', html, re.S)
    assert match, f"no results for {code}"
    return match.group(1)


def test_collective_provisions_per_domain_nearest_first(client: Any, kaart: dict[str, Service]) -> None:
    answers = {"v_geld_rekeningen": "ja", "v_contact_alleen": "soms", "v_wonen_kwijt": "nee"}
    html = walk_self_help(client, answers, postcode="3511AB")[-1].content.decode()

    geld = section(html, "LD01")
    assert "Geld en schulden" in geld
    assert geld.index("Inloop geldzaken") < geld.index("Geldcafé Noord")
    assert "Budgetcoach aan huis" not in geld  # individual guidance: not while collective help exists
    assert reverse("sociale_kaart_public:service", args=[kaart["geld_dichtbij"].pk]) in geld
    assert "van u" in geld  # the distance badge
    assert "Koffieochtend De Schakel" in section(html, "LD11")
    # "Nee" on housing: no housing section.
    assert 'aria-labelledby="domein-LD04"' not in html
    # Their wijkteam, to call.
    assert "Wijkteam Centrum" in html and 'href="tel:0301112233"' in html
    assert "Veilig Thuis" not in html


def test_without_collective_help_other_help_is_shown_and_safety_numbers_appear(client: Any,
                                                                                kaart: dict[str, Service]) -> None:
    html = walk_self_help(client, {"v_veilig_thuis": "ja"})[-1].content.decode()
    gezin = section(html, "LD05")
    assert "We vonden geen inloop, groep of activiteit. Wel deze hulp:" in gezin
    assert "Gezinscoach" in gezin
    assert "Veilig Thuis" in html and 'href="tel:08002000"' in html and 'href="tel:112"' in html


def test_an_unknown_postcode_is_said_and_help_shown_without_distance(client: Any, kaart: dict[str, Service]) -> None:
    html = walk_self_help(client, {"v_geld_tekort": "ja"}, postcode="9999 ZZ")[-1].content.decode()
    assert "Postcode 9999 ZZ kennen we niet" in html
    assert "Inloop geldzaken" in section(html, "LD01") and "van u" not in section(html, "LD01")


def test_results_cost_a_bounded_number_of_queries(client: Any, kaart: dict[str, Service],
                                                  django_assert_max_num_queries: Any) -> None:
    # Every question "ja": all ten domains of the questionnaire, most without collective help (two searches).
    data = {question.field: "ja" for question in q.QUESTIONS.values()}
    client.post("/hulp/wat-speelt-er/", {**data, "ga": "uitkomst", "postcode": "3511 AB"})  # warm the vocabulary
    domains = len({question.domain for question in q.QUESTIONS.values()})
    with django_assert_max_num_queries(5 * domains + 5):
        response = client.post("/hulp/wat-speelt-er/", {**data, "ga": "uitkomst", "postcode": "3511 AB"})
    assert response.content.decode().count('<section class="wt-uitkomst"') == domains
