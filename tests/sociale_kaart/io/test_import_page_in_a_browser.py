# SPDX-License-Identifier: EUPL-1.2
"""The import page in a real browser: upload without JavaScript, the Dutch error list, the progress
page of a running import with its "Vernieuwen" link, and 0 axe-core WCAG 2.1 AA violations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.sociale_kaart.models import HsdsImport, HsdsImportStatus, Service

from .conftest import example_files, package_files, small_tables, zip_of

# Not serialized_rollback: restoring the serialised database re-inserts content types that an earlier
# transactional test's flush already recreated; tests/conftest.py reloads the shipped taxonomies instead.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.sociale_kaart.io.urls"),
]


def test_upload_without_javascript_shows_errors_then_imports(page_without_js: Any, users: Any, tmp_path: Path) -> None:
    page = page_without_js
    login_in_browser(page, "beheerder", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/sociale-kaart/import/")
    assert page.locator("h1").inner_text() == "Sociale kaart importeren en exporteren"

    rows = small_tables()
    rows["service"][2]["status"] = "open"
    bad = tmp_path / "kaart.zip"
    bad.write_bytes(zip_of(package_files(rows)))
    page.get_by_label("Bestand").set_input_files(str(bad))
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_url("**/werk/sociale-kaart/import/*/")
    assert "services.csv, rij 4, veld 'status': 'open' is geen geldige waarde" in page.locator("main").inner_text()
    assert not Service.objects.exists()

    good = tmp_path / "voorbeeld.zip"
    good.write_bytes(zip_of(example_files()))
    page.goto("/werk/sociale-kaart/import/")
    page.get_by_label("Bestand").set_input_files(str(good))
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_url("**/werk/sociale-kaart/import/*/")
    assert "Klaar: 21 rijen zijn verwerkt." in page.locator("main").inner_text()
    assert Service.objects.filter(name="Community Counselling").exists()


def test_pages_are_accessible(page: Any, users: Any, tmp_path: Path) -> None:
    """axe-core needs JavaScript, so the same pages are checked here with it on."""
    login_in_browser(page, "beheerder", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/sociale-kaart/import/")
    assert_accessible(page)
    rows = small_tables()
    rows["service"][2]["status"] = "open"
    rows["organization"][0]["website"] = "www.buurtwerk"
    bad = tmp_path / "kaart.zip"
    bad.write_bytes(zip_of(package_files(rows)))
    page.get_by_label("Bestand").set_input_files(str(bad))
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_url("**/werk/sociale-kaart/import/*/")
    assert page.get_by_role("alert").count() == 1
    assert_accessible(page)
    page.goto("/werk/sociale-kaart/import/")
    assert page.get_by_role("link", name="kaart.zip").count() == 1  # in the list of earlier imports
    assert_accessible(page)


def test_running_import_page_is_accessible_and_refreshes(page: Any, users: Any) -> None:
    item = HsdsImport.objects.create(filename="groot.zip", format="csv", status=HsdsImportStatus.WRITING,
                                     rows_total=400, rows_done=100, created_by=users.beheerder)
    login_in_browser(page, "beheerder", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto(f"/werk/sociale-kaart/import/{item.pk}/")
    assert "100 van 400 rijen" in page.locator("main").inner_text()
    assert_accessible(page)
    # The worker finishes; htmx polling (every 2 s) swaps in the result without a reload.
    HsdsImport.objects.filter(pk=item.pk).update(status=HsdsImportStatus.DONE, rows_done=400,
                                                 summary={"service": {"created": 3, "updated": 0, "unchanged": 0}})
    page.get_by_text("Klaar: 400 rijen zijn verwerkt.").wait_for(timeout=6000)
    assert_accessible(page)
