# SPDX-License-Identifier: EUPL-1.2
"""A worker of the team who is not on the case breaks the glass in a real browser (with and without
JavaScript): the refusal offers emergency access, a reason too short is refused at its field, a real reason opens
the case, and from the case the worker walks to the household's referral. Emergency access reads a referral, it
does not act on it: the referral is shown, but no form that changes it (dates, bridging plan, risk signal,
stopping) and no way to make a new referral is offered. axe-core finds nothing on any page on the way.

That a direct POST of those forms is refused (403, audited) is the HTTP test
tests/verwijzingen/test_emergency_access_reads_referrals_but_does_not_act.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from tests import factories_verwijzingen as fv
from tests.browser.as_served_support import assert_accessible_as_served
from tests.browser.chain_support import body, go, person
from tests.browser_support import assert_accessible, login_in_browser
from tests.casussen.support import case_world
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.casussen.models import Noodtoegang

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "Crisis bij het gezin: de politie belt, de regisseur is vandaag ziek"
SERVICE = "Schuldhulp De Brug"
# What changes a referral: the buttons of its forms and the disclosures that hold them.
CHANGING_BUTTONS = ("Datums opslaan", "Overbruggingsplan opslaan", "Melden bij de teamleider", "Verwijzing stoppen")
CHANGING_DISCLOSURES = ("Datums bijwerken", "Overbruggingsplan maken", "Risicosignaal melden")


def _world(place: Any, users: Any) -> tuple[Any, Any]:
    """A case of team A with a second-line referral on the waiting list well past its norm and no bridging
    plan yet: for the people on the case the page offers every form it has."""
    w = case_world(place, users)
    referral = fv.VerwijzingFactory(
        casus=w.casus, persoon=w.ouder, organisatie=users.partner.organisatie,
        service=fv.partner_service(users.partner.organisatie, name=SERVICE), tweede_lijn=True, wachtlijst=True,
        verwezen_op=timezone.localdate() - dt.timedelta(days=45))
    return w, referral


def _walk(page: Any, w: Any, referral: Any, check: Callable[[Any], None]) -> None:
    login_in_browser(page, "buitenstaander", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto(f"/werk/casussen/{w.casus.pk}/")
    assert page.locator("h1").inner_text() == "Geen toegang tot deze casus"
    check(page)

    go(page, lambda: page.get_by_role("link", name="Noodtoegang vragen").click())
    assert page.locator("h1").inner_text() == "Noodtoegang vragen"
    check(page)

    reason = page.get_by_label("Waarom moet u deze casus nu inzien?")
    reason.fill("nood")
    go(page, lambda: page.get_by_role("button", name="Noodtoegang openen").click())
    reason = page.get_by_label("Waarom moet u deze casus nu inzien?")
    assert "Schrijf op waarom u deze casus nu moet inzien" in page.locator("#id_reden-error").inner_text()
    assert reason.get_attribute("aria-invalid") == "true"
    assert "id_reden-error" in (reason.get_attribute("aria-describedby") or "").split()
    assert not Noodtoegang.objects.exists()
    check(page)

    reason.fill(REASON)
    go(page, lambda: page.get_by_role("button", name="Noodtoegang openen").click())
    assert page.locator("h1").inner_text() == f"Casus {w.casus.pk}"
    assert "U kijkt met noodtoegang" in body(page)
    assert Noodtoegang.objects.get().reden == REASON
    # The case offers its referrals to read, not to refer the household to a partner.
    assert page.get_by_role("link", name="Verwijzen naar een voorziening of de tweede lijn").count() == 0
    check(page)

    go(page, lambda: page.get_by_role("link", name="Verwijzingen van deze casus").click())
    assert page.locator("h1").inner_text() == f"Verwijzingen van casus {w.casus.pk}"
    assert page.get_by_role("link", name="Nieuwe verwijzing").count() == 0
    check(page)

    go(page, lambda: page.get_by_role("link", name=f"Verwijzing {referral.pk}", exact=True).click())
    main = page.locator("main")
    assert page.locator("h1").inner_text() == f"Verwijzing {referral.pk}"
    assert SERVICE in main.inner_text()
    assert page.locator("#verwijzing-status").inner_text() == "Op de wachtlijst"
    assert page.locator("#wacht-intake").count() == 1  # the wait against the norm is there to read
    assert main.locator("form").count() == 0
    for name in CHANGING_BUTTONS:
        assert page.get_by_role("button", name=name, include_hidden=True).count() == 0, name
    for name in CHANGING_DISCLOSURES:
        assert main.locator("summary", has_text=name).count() == 0, name
    # The missing bridging plan is said, but no alert asks to make it "below" where there is no form.
    assert page.locator("#alert-overbrugging").inner_text().strip() == "Overbruggingsplan ontbreekt"
    check(page)


def test_with_javascript(page: Any, browser: Any, live_server: Any, place: Any, users: Any) -> None:
    w, referral = _world(place, users)
    _walk(page, w, referral, assert_accessible)
    # The same page for the regisseur does offer the forms, so their absence above is the emergency access.
    with person(browser, live_server, "medewerker") as regisseur:
        regisseur.goto(f"/werk/verwijzingen/{referral.pk}/")
        assert "Maak het plan hieronder." in regisseur.locator("#alert-overbrugging").inner_text()
        for name in CHANGING_BUTTONS:
            assert regisseur.get_by_role("button", name=name, include_hidden=True).count() == 1, name


def test_without_javascript(page_without_js: Any, place: Any, users: Any) -> None:
    w, referral = _world(place, users)
    _walk(page_without_js, w, referral, assert_accessible_as_served)
