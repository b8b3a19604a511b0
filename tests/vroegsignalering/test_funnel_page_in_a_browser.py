# SPDX-License-Identifier: EUPL-1.2
"""The funnel page in a real browser: the analist reads chart and tables (no JavaScript needed), the CSV
link is there, and axe-core finds 0 WCAG 2.1 AA violations; also with every small cell hidden and with a
period error on the form."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from tests.browser_support import assert_accessible, login_in_browser
from tests.factories import TEST_PASSWORD
from tests.vroegsignalering.rapportage_support import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@override_settings(WIJKTEAM_RAPPORTAGE_MIN_NOEMER=10)
def test_the_analist_reads_the_funnel(page: Any, place: Any, users: Any) -> None:
    build_world(place, per_month=12)
    login_in_browser(page, "analist", TEST_PASSWORD, None)  # aggregates only: no second factor for this role
    page.goto("/werk/vroegsignalering/rapportage/?van=2026-08&tot=2026-10")
    assert page.locator("h1").inner_text() == "Vroegsignalering in cijfers"
    assert page.locator("svg[role=img] rect").count() == 9  # three months, three series
    assert page.locator("#trechter tbody tr").count() == 4 * 3  # (3 months + whole period) x (2 wijken + total)
    assert page.get_by_role("link", name="Cijfers downloaden (CSV)").count() == 1
    assert_accessible(page)
    page.get_by_label("Vanaf maand").fill("2026-11")  # after the last month
    page.get_by_role("button", name="Toon cijfers").click()
    page.wait_for_load_state()
    assert "De laatste maand ligt voor de eerste maand." in page.locator("body").inner_text()
    assert_accessible(page)
