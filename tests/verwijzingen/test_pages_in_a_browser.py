# SPDX-License-Identifier: EUPL-1.2
"""The referral page, the partner portal and the waiting overview in a real browser, axe-core 0 violations:
the worker sees the missing-bridging-plan alert and makes the plan; the partner accepts through the portal."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests import factories_verwijzingen as fv
from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD

from .support import case_and_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_referral_page_and_bridging_plan(page: Any, place: Any, users: Any) -> None:
    w = case_and_service(place, users)
    v = fv.VerwijzingFactory(casus=w.casus, persoon=w.persoon, organisatie=users.partner.organisatie,
                             service=w.service, tweede_lijn=True, wachtlijst=True,
                             verwezen_op=timezone.localdate() - dt.timedelta(days=45))
    login_in_browser(page, "medewerker", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto(f"/werk/verwijzingen/{v.pk}/")
    assert page.locator("h1").inner_text() == f"Verwijzing {v.pk}"
    assert page.locator("#alert-overbrugging").is_visible()
    assert_accessible(page)
    page.get_by_label("Wat doet het wijkteam zolang de bewoner wacht?").fill("Elke week bellen.")
    page.get_by_label("Bij welke signalen gaat het naar de teamleider?").fill("Niet meer opnemen.")
    page.get_by_role("button", name="Overbruggingsplan opslaan").click()
    page.wait_for_load_state()
    assert page.locator("#overbruggingsplan").is_visible()
    assert page.locator("#alert-overbrugging").count() == 0
    assert_accessible(page)


def test_partner_portal_accepts(page: Any, place: Any, users: Any) -> None:
    w = case_and_service(place, users)
    v = fv.VerwijzingFactory(casus=w.casus, persoon=w.persoon, organisatie=users.partner.organisatie,
                             service=w.service)
    login_in_browser(page, "partner", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/partner/verwijzingen/")
    assert page.locator("h1").inner_text() == "Verwijzingen aan uw organisatie"
    assert_accessible(page)
    page.get_by_role("link", name=f"Verwijzing {v.pk}").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("Nieuwe status").select_option("geaccepteerd")
    page.get_by_role("button", name="Antwoord opslaan").click()
    page.wait_for_load_state()
    assert page.locator("#verwijzing-status").inner_text() == "Geaccepteerd"
    assert_accessible(page)


def test_waiting_overview(page: Any, place: Any, users: Any) -> None:
    login_in_browser(page, "analist", TEST_PASSWORD, None)
    page.goto("/werk/verwijzingen/wachttijden/")
    assert page.locator("h1").inner_text() == "Wachttijden tweede lijn"
    assert_accessible(page)
