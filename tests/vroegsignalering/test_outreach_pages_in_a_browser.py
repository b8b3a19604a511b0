# SPDX-License-Identifier: EUPL-1.2
"""The queue, the teamleider's overview and the routing editor in a real browser: the teamleider assigns a
zaak from the queue, adds a rule and moves it, without JavaScript-only controls; 0 axe-core WCAG 2.1 AA
violations on each page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests import factories as f
from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from tests.factories_vroegsignalering import SignaalFactory, VroegsignaalzaakFactory
from wijkteam.vroegsignalering.models import RoutingRegel

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_queue_overview_and_rules(page: Any, place: Any, users: Any) -> None:
    for naam, termijn, crisis in (("Jansen", dt.date(2020, 1, 6), False), ("Bakker", dt.date(2099, 1, 5), True)):
        household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
        person = f.PersoonFactory(huishouden=household, achternaam=naam)
        zaak = VroegsignaalzaakFactory(huishouden=household, team=place.team_a, crisis=crisis, prioriteit=100,
                                       prioriteit_uitleg="2 soorten schuldeisers.", termijn_eerste_contact=termijn,
                                       termijn_afsluiten=dt.date(2099, 3, 1))
        SignaalFactory(persoon=person, zaak=zaak)
    login_in_browser(page, "teamleider", TEST_PASSWORD, TEST_TOTP_KEY)

    page.goto("/werk/vroegsignalering/wachtrij/")
    assert page.locator("h1").inner_text() == "Wachtrij vroegsignalering"
    rows = page.locator("#wachtrij tbody tr")
    assert "Jansen" in rows.nth(0).inner_text() and "Te laat" in rows.nth(0).inner_text()
    assert_accessible(page)
    rows.nth(0).get_by_role("combobox").select_option(label=users.medewerker.get_full_name())
    rows.nth(0).get_by_role("button", name="Toewijzen").click()
    page.wait_for_load_state()
    assert "De zaak is toegewezen aan" in page.locator("body").inner_text()

    page.goto("/werk/vroegsignalering/overzicht/")
    assert "Te laat met de eerste contactpoging" in page.locator("body").inner_text()
    assert_accessible(page)

    page.goto(f"/werk/vroegsignalering/teams/{place.team_a.pk}/instellingen/")
    assert_accessible(page)
    for buurt in ("Oude Haven (Centrum)", "Alle andere buurten"):
        page.get_by_label("Buurt").select_option(label=buurt)
        page.get_by_role("button", name="Regel toevoegen").click()
        page.wait_for_load_state()
    page.get_by_role("button", name="Regel 2 omhoog").click()
    page.wait_for_load_state()
    assert list(RoutingRegel.objects.order_by("volgorde").values_list("buurt", flat=True)) == [None, place.buurt_a.pk]
    assert_accessible(page)
