# SPDX-License-Identifier: EUPL-1.2
"""The residents' pages at /hulp/ in a real browser: 0 axe-core WCAG 2.1 AA violations on every page a
resident meets (start, each questionnaire step, the postcode step, results, the filled-in form, its errors,
the acknowledgement), and the whole way from the first question to a sent request works without JavaScript."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser_support import assert_accessible
from tests.factories_sociale_kaart import LocationFactory, ServiceAtLocationFactory, ServiceFactory
from tests.vroegsignalering.support import place_postcode
from wijkteam.hulpvragen.models import Hulpvraag
from wijkteam.hulpvragen.public import questionnaire as q
from wijkteam.sociale_kaart.search import reindex_all
from wijkteam.sociale_kaart.taxonomies import load_taxonomies

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def kaart(place: Any, settings: Any) -> None:
    # A transactional test starts from empty tables: the taxonomies come back first.
    load_taxonomies()
    place_postcode(place)
    for name, terms in (("Inloop geldzaken", ["LD01", "SA01"]), ("Koffieochtend", ["LD11", "SA05"])):
        service = ServiceFactory(name=name, terms=terms)
        location = LocationFactory(organization=service.organization, latitude=52.0905, longitude=5.1205)
        ServiceAtLocationFactory(service=service, location=location)
    reindex_all()
    settings.WIJKTEAM_HULPVRAAG_MIN_SECONDS = 0  # a browser fills the form in faster than a person


def answer(page: Any, question: str, choice: str) -> None:
    page.get_by_role("group", name=question).get_by_label(choice, exact=True).check()


def fill_in_the_rest(page: Any) -> None:
    page.get_by_label("Uw voornaam").fill("Samira")
    page.get_by_label("Uw achternaam").fill("El Amrani")
    page.get_by_label("Uw huisnummer").fill("12")
    page.get_by_label("Uw telefoonnummer").fill("06 12345678")
    page.get_by_label("Ja, het wijkteam mag mijn gegevens gebruiken").check()


def test_every_resident_page_is_accessible(page: Any, kaart: None) -> None:
    page.goto("/hulp/")
    assert_accessible(page)
    page.get_by_role("link", name="Begin met de vragen van 'Wat speelt er?'").click()
    assert_accessible(page)
    page.get_by_role("button", name="Begin").click()
    answer(page, "Komt u geld tekort aan het eind van de maand?", "Ja")
    page.get_by_role("button", name="Direct naar de uitkomst").click()
    assert page.get_by_label("Wilt u zien wat dichtbij is?").count() == 1  # results without a postcode
    assert_accessible(page)
    page.get_by_role("button", name="Mijn antwoorden veranderen").click()
    for number in range(1, q.LAST_STEP):
        assert page.locator("h1").inner_text() == str(q.STEPS[number - 1].title)
        assert_accessible(page)
        page.get_by_role("button", name="Volgende").click()
    assert page.locator("h1").inner_text() == "Waar woont u?"
    page.get_by_label("Uw postcode").fill("3511 AB")
    assert_accessible(page)
    page.get_by_role("button", name="Toon de uitkomst").click()
    assert page.get_by_role("link", name="Inloop geldzaken").count() == 1
    assert_accessible(page)

    page.get_by_role("button", name="Ik wil graag contact met het wijkteam").click()
    assert page.locator("h1").inner_text() == "Vraag hulp aan het wijkteam"
    assert_accessible(page)
    page.get_by_role("button", name="Versturen").click()
    assert page.locator("#foutmeldingen").is_visible()
    assert_accessible(page)
    fill_in_the_rest(page)
    page.get_by_role("button", name="Versturen").click()
    assert page.locator("h1").inner_text() == "Bedankt, Samira"
    assert_accessible(page)


def test_from_first_question_to_a_sent_request_without_javascript(page_without_js: Any, kaart: None,
                                                                   place: Any) -> None:
    page = page_without_js
    page.goto("/hulp/wat-speelt-er/")
    page.get_by_role("button", name="Begin").click()
    answer(page, "Heeft u rekeningen die u niet op tijd kunt betalen?", "Soms")
    page.get_by_role("button", name="Volgende").click()
    page.get_by_role("button", name="Vorige").click()  # back: the answer is still chosen
    assert page.get_by_role("group", name="Heeft u rekeningen die u niet op tijd kunt betalen?").get_by_label(
        "Soms", exact=True).is_checked()
    for _ in range(4):
        page.get_by_role("button", name="Volgende").click()
    answer(page, "Voelt u zich alleen?", "Ja")
    page.get_by_role("button", name="Direct naar de uitkomst").click()
    # The postcode step was skipped: the results offer to show what is near.
    page.get_by_label("Wilt u zien wat dichtbij is?").fill("3511 AB")
    page.get_by_role("button", name="Toon wat dichtbij is").click()
    assert page.get_by_text(re.compile(r"km van u")).count() >= 1
    assert page.get_by_role("heading", name="Geld en schulden").count() == 1
    assert page.get_by_role("heading", name="Contact met anderen").count() == 1
    assert page.get_by_role("link", name="Koffieochtend").count() == 1

    page.get_by_role("button", name="Ik wil graag contact met het wijkteam").click()
    assert "Voelt u zich alleen? Ja" in page.get_by_label("Wat speelt er?").input_value()
    assert page.get_by_label("Uw postcode").input_value() == "3511 AB"
    fill_in_the_rest(page)
    page.get_by_role("button", name="Versturen").click()
    assert page.locator("h1").inner_text() == "Bedankt, Samira"
    hulpvraag = Hulpvraag.objects.get()
    assert hulpvraag.team_id == place.team_a.pk and hulpvraag.levensdomeinen == ["LD01", "LD11"]
