# SPDX-License-Identifier: EUPL-1.2
"""A partner changes the opening hours in a real browser and the public service page shows them.
A mistake first: the error summary at the top gets the focus, links to the field and the page
has 0 axe-core violations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from tests.factories_sociale_kaart import OrganizationFactory, ScheduleFactory, ServiceFactory
from wijkteam.sociale_kaart.search import reindex_all
from wijkteam.sociale_kaart.taxonomies import load_taxonomies

# Not serialized_rollback, for the reason in test_sociale_kaart_partner.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_partner_changes_hours_and_residents_see_them(page: Any, users: Any, settings: Any) -> None:
    settings.MAP_TILE_URL = ""
    load_taxonomies()
    org = OrganizationFactory(name="Stichting Buurtkracht", organisatie=users.partner.organisatie)
    service = ServiceFactory(organization=org, name="Taalcafé De Brug", terms=["LD11", "SA05"])
    # The demo's shapes the old form could not edit: several days, 2nd and 4th Friday.
    ScheduleFactory(service=service, byday="MO,TU,WE", opens_at=dt.time(9), closes_at=dt.time(12),
                    description="Maandag tot en met woensdag van 9.00 tot 12.00 uur.")
    ScheduleFactory(service=service, freq="MONTHLY", byday="2FR,4FR", opens_at=dt.time(14), closes_at=dt.time(16))
    reindex_all()

    login_in_browser(page, "partner", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto(f"/werk/sociale-kaart/aanbod/{service.pk}/openingstijden/")
    assert page.get_by_text("kun je hier niet wijzigen").count() == 0
    first = page.get_by_role("group", name="Openingstijd 1", exact=True)
    second = page.get_by_role("group", name="Openingstijd 2", exact=True)

    # A mistake: "Tot" emptied. Nothing is saved, the summary says so and has the focus.
    first.get_by_label("Tot", exact=True).fill("")
    page.get_by_role("button", name="Opslaan").click()
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    # The summary takes the focus from a script after load: wait for it (a busy machine runs it later).
    page.wait_for_function("() => document.activeElement?.matches('[data-error-summary]')")
    assert "Er is 1 fout" in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link", name="Openingstijd 1: Vul het veld „Tot” in.").click()
    assert page.evaluate("document.activeElement.id") == "id_tijd-0-closes_at"

    # The real change: Thursday too, until 13:00; and the monthly rule becomes the last Friday.
    first = page.get_by_role("group", name="Openingstijd 1", exact=True)
    second = page.get_by_role("group", name="Openingstijd 2", exact=True)
    first.get_by_label("Tot", exact=True).fill("13:00")
    first.get_by_label("donderdag").check()
    second.get_by_label("vierde").uncheck()
    second.get_by_label("laatste").check()
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("De openingstijden zijn opgeslagen.").is_visible()

    page.goto(f"/sociale-kaart/aanbod/{service.pk}/")
    hours = page.locator("main").inner_text()
    assert "Maandag t/m donderdag, 9:00\u201313:00" in hours
    assert "Elke 2e en laatste vrijdag van de maand, 14:00\u201316:00" in hours
    assert "9:00\u201312:00" not in hours
