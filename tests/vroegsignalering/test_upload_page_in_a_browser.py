# SPDX-License-Identifier: EUPL-1.2
"""The upload page in a real browser: the teamleider uploads a file with one bad row and reads the report
(counts and the row error), with 0 axe-core WCAG 2.1 AA violations on both pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from tests.factories_vroegsignalering import SignaalRijFactory, csv_bytes
from wijkteam.vroegsignalering.models import Signaal

from .support import place_postcode

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_teamleider_uploads_and_reads_the_report(page: Any, place: Any, users: Any, tmp_path: Path) -> None:
    place_postcode(place)
    file = tmp_path / "signalen-november.csv"
    file.write_bytes(csv_bytes([SignaalRijFactory(), SignaalRijFactory(crisis=True), SignaalRijFactory(bedrag="-5")]))
    login_in_browser(page, "teamleider", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/vroegsignalering/uploads/")
    assert page.locator("h1").inner_text() == "Signalen uploaden"
    assert_accessible(page)
    page.get_by_label("Bestand met signalen").set_input_files(str(file))
    page.get_by_role("button", name="Uploaden").click()
    page.wait_for_load_state()
    # The immediate task backend has run the upload by the time the report page loads.
    assert page.locator("#aantal-nieuw").inner_text() == "2"
    assert page.locator("#aantal-ongeldig").inner_text() == "1"
    assert "Het bedrag mag niet negatief zijn." in page.locator("body").inner_text()
    assert_accessible(page)
    assert Signaal.objects.count() == 2
