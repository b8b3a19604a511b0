# SPDX-License-Identifier: EUPL-1.2
"""Two browsers edit the same plan (issue 19, "what will be checked"): the regisseur and the team lead both open
the plan form; the team lead saves first; the regisseur's save is refused with a clear Dutch message and their
own text shown to redo; the team lead's save is intact in the database and on the plan page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.casussen.models import Plan

from .support import case_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def second_page(browser: Any, live_server: Any) -> Iterator[Any]:
    """Another browser context: its own cookies, its own login."""
    context = browser.new_context(locale="nl-NL", base_url=live_server.url, bypass_csp=True)
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    context.close()


def test_the_second_save_is_refused_and_the_first_is_intact(page: Any, second_page: Any, place: Any,
                                                            users: Any) -> None:
    w = case_world(place, users)
    regisseur, lead = page, second_page
    login_in_browser(regisseur, "medewerker", TEST_PASSWORD, TEST_TOTP_KEY)
    login_in_browser(lead, "teamleider", TEST_PASSWORD, TEST_TOTP_KEY)
    url = f"/werk/casussen/{w.casus.pk}/plan/"
    regisseur.goto(url)
    lead.goto(url)

    lead.locator("#id_situatie").fill("Versie van de teamleider: huur is geregeld.")
    lead.get_by_role("button", name="Plan opslaan").click()
    lead.wait_for_load_state()
    assert "NIET opgeslagen" not in lead.locator("body").inner_text()

    regisseur.locator("#id_situatie").fill("Versie van de regisseur.")
    regisseur.get_by_role("button", name="Plan opslaan").click()
    regisseur.wait_for_load_state()
    body = regisseur.locator("body").inner_text()
    assert "NIET opgeslagen" in body
    assert "Versie van de regisseur." in body  # their own text is shown to take over, not lost
    # The form now holds the saved plan (the team lead's), so a new save starts from the current version.
    assert regisseur.locator("#id_situatie").input_value() == "Versie van de teamleider: huur is geregeld."
    assert_accessible(regisseur)

    plan = Plan.objects.get(casus=w.casus)
    assert plan.situatie == "Versie van de teamleider: huur is geregeld."
    lead.goto(url)
    assert lead.locator("#id_situatie").input_value() == "Versie van de teamleider: huur is geregeld."
