# SPDX-License-Identifier: EUPL-1.2
"""The zaak page in a real browser: a medewerker records a contact attempt (first with a date in the future,
which is refused next to the field), the resident is reached, and the household accepts help; 0 axe-core
WCAG 2.1 AA violations on the page in each of those states."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.vroegsignalering.models import ZaakStatus

from .zaken_support import intake_handoff, zaak_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_medewerker_records_an_attempt_and_the_household_accepts_help(page: Any, place: Any, users: Any) -> None:
    world = zaak_world(place, prioriteit_uitleg="Crisissignaal: dreigende ontruiming.",
                       ontvangen=timezone.localdate() - dt.timedelta(days=7))
    today = timezone.localdate()
    login_in_browser(page, "medewerker", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto(f"/werk/vroegsignalering/zaken/{world.zaak.pk}/")
    assert page.locator("h1").inner_text() == f"Vroegsignaalzaak {world.zaak.pk}"
    assert_accessible(page)

    page.get_by_label("Soort contact").select_option("Huisbezoek")
    page.get_by_label("Inwoner bereikt?").select_option("ja")
    page.get_by_label("Datum van de contactpoging").fill((today + dt.timedelta(days=1)).isoformat())
    page.get_by_label("Dagdeel").select_option("Middag")
    page.get_by_role("button", name="Contactpoging opslaan").click()
    page.wait_for_load_state()
    error = page.locator("#id_datum-error").inner_text()
    assert "De datum van de contactpoging mag niet in de toekomst liggen." in error
    assert_accessible(page)

    page.get_by_label("Datum van de contactpoging").fill(today.isoformat())
    page.get_by_role("button", name="Contactpoging opslaan").click()
    page.wait_for_load_state()
    assert page.locator("#zaak-status").inner_text() == "In gesprek"
    assert_accessible(page)

    with intake_handoff(None):
        page.get_by_role("button", name="Inwoner accepteert hulp: doorzetten naar intake").click()
        page.wait_for_load_state()
    assert page.locator("#zaak-status").inner_text() == "Doorgezet naar intake"
    assert "Maak een hulpvraag aan voor dit huishouden" in page.locator("#volgende-stap").inner_text()
    assert_accessible(page)
    world.zaak.refresh_from_db()
    assert (world.zaak.status, world.zaak.hulp_geaccepteerd) == (ZaakStatus.NAAR_INTAKE, True)
