# SPDX-License-Identifier: EUPL-1.2
"""Every case page in a real browser with 0 axe-core WCAG 2.1 AA violations: the case page (also after a
refused action), the plan form (also with a conflict), opening a case, the refusal with emergency access, the
emergency access form, and the privacy officer's review pages."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories as f
from tests import factories_casussen as fc
from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.casussen import services

from .support import case_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _rich(w: Any) -> None:
    plan = w.casus.plan
    plan.situatie, plan.eigen_woorden = "Huurachterstand, moeder alleen met twee kinderen.", "Rust in mijn hoofd."
    plan.save()
    doel = fc.PlanDoelFactory(plan=plan)
    fc.PlanActieFactory(plan=plan, doel=doel)
    fc.BetrokkeneFactory(plan=plan)
    fc.BetrokkeneFactory(plan=plan, professional=True)
    fc.TaakFactory(casus=w.casus, te_laat=True)
    fc.ContactmomentFactory(casus=w.casus)


def test_the_regisseurs_pages(page: Any, place: Any, users: Any) -> None:
    w = case_world(place, users)
    _rich(w)
    login_in_browser(page, "medewerker", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto(f"/werk/casussen/{w.casus.pk}/")
    assert page.locator("h1").inner_text() == f"Casus {w.casus.pk}"
    assert_accessible(page)
    # A refused action re-renders the page with the error beside its field.
    page.locator("#id_contact-verslag").fill("")
    page.get_by_role("button", name="Vastleggen").click()
    page.wait_for_load_state()
    assert "verplicht" in page.locator("body").inner_text()
    assert_accessible(page)
    page.goto(f"/werk/casussen/{w.casus.pk}/plan/")
    assert_accessible(page)
    # Someone else saves in between: the conflict page.
    services.save_plan(w.casus, versie=w.casus.plan.versie, fields={"afspraken": "Nieuw"}, by=users.teamleider)
    page.locator("#id_situatie").fill("Mijn versie")
    page.get_by_role("button", name="Plan opslaan").click()
    page.wait_for_load_state()
    assert "NIET opgeslagen" in page.locator("body").inner_text()
    assert_accessible(page)
    household = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a).huishouden_id
    page.goto(f"/werk/casussen/openen/?huishouden={household}")
    assert_accessible(page)


def test_emergency_access_and_its_review(page: Any, place: Any, users: Any) -> None:
    w = case_world(place, users)
    login_in_browser(page, "buitenstaander", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto(f"/werk/casussen/{w.casus.pk}/")
    assert page.locator("h1").inner_text() == "Geen toegang tot deze casus"
    assert_accessible(page)
    page.get_by_role("link", name="Noodtoegang vragen").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("Waarom moet u deze casus nu inzien?").fill("Crisis: politie aan de deur, regisseur ziek")
    page.get_by_role("button", name="Noodtoegang openen").click()
    page.wait_for_load_state()
    assert "noodtoegang" in page.locator("body").inner_text()
    assert_accessible(page)
    page.context.clear_cookies()
    login_in_browser(page, "privacy", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/casussen/noodtoegang/")
    assert_accessible(page)
    page.get_by_role("link", name="Beoordelen").first.click()
    page.wait_for_load_state()
    assert_accessible(page)
