# SPDX-License-Identifier: EUPL-1.2
"""The collective share in a real browser: the analist reads chart and tables (no JavaScript needed), the CSV
link is there, and axe-core finds 0 WCAG 2.1 AA violations; also with a period error on the form, and for a
teamleider whose small figures are mostly hidden."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from tests.hulpvragen.collective_share_support import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@override_settings(WIJKTEAM_RAPPORTAGE_MIN_NOEMER=20)
def test_the_analist_reads_the_collective_share(page: Any, place: Any, users: Any) -> None:
    build_world(place, per_month=25)
    login_in_browser(page, "analist", TEST_PASSWORD, None)  # aggregates only: no second factor for this role
    page.goto("/werk/hulpvragen/rapportage/?van=2026-08&tot=2026-10")
    assert page.locator("h1").inner_text() == "Collectief aandeel"
    assert page.locator("svg[role=img] rect").count() >= 3 * 2  # three months, at least two routes shown
    assert page.locator("#per-maand tbody tr").count() == 3 + 1  # three months and the whole period
    assert page.locator("#per-domein tbody tr").count() == 13 + 1  # every levensdomein and all together
    shares = page.locator("#per-maand tbody tr").last.locator("td").nth(6).inner_text()
    assert shares and shares != "\N{EN DASH}"  # the whole period has enough decisions for a percentage
    assert page.get_by_role("link", name="Cijfers downloaden (CSV)").count() == 1
    assert_accessible(page)
    page.get_by_label("Vanaf maand").fill("2026-11")  # after the last month
    page.get_by_role("button", name="Toon cijfers").click()
    page.wait_for_load_state()
    assert "De laatste maand ligt voor de eerste maand." in page.locator("body").inner_text()
    assert_accessible(page)


def test_a_teamleider_sees_small_figures_hidden(page: Any, place: Any, users: Any) -> None:
    build_world(place, per_month=4)
    login_in_browser(page, "teamleider", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/hulpvragen/rapportage/?van=2026-08&tot=2026-10")
    assert "de wijken van uw team" in page.locator("main").inner_text()
    assert "<10" in page.locator("#per-domein-maand").inner_text()
    assert page.get_by_role("link", name="Collectief aandeel").count() >= 1  # the menu offers it
    assert_accessible(page)
