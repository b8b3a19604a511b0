# SPDX-License-Identifier: EUPL-1.2
"""axe-core finds no WCAG 2.1 AA violations on the login page, the public home, the staff home and the
privacy officer's audit page (also with a field error)."""

from __future__ import annotations

import pytest

from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_home_is_accessible(page):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Hulp en activiteiten in uw wijk"
    assert_accessible(page)


def test_login_page_is_accessible(page):
    page.goto("/inloggen/")
    assert_accessible(page)


def test_medewerker_logs_in_with_totp_and_staff_home_is_accessible(page, users):
    login_in_browser(page, "medewerker", TEST_PASSWORD, None)
    assert "/inloggen/tweestaps/" in page.url
    assert_accessible(page)  # the code page too

    from django_otp.oath import totp

    page.get_by_label("Code uit je authenticator-app").fill(f"{totp(bytes.fromhex(TEST_TOTP_KEY)):06d}")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url("**/werk/")
    assert "Welkom" in page.locator("h1").inner_text()
    assert_accessible(page)


def test_person_search_works_without_javascript(page_without_js, users, place):
    from tests import factories as f

    f.PersoonFactory(achternaam="Smit", huishouden__adres__buurt=place.buurt_a)
    login_in_browser(page_without_js, "medewerker", TEST_PASSWORD, TEST_TOTP_KEY)
    page_without_js.goto("/werk/personen/")
    page_without_js.get_by_label("Achternaam of postcode").fill("Smit")
    page_without_js.get_by_role("button", name="Zoeken").click()
    assert page_without_js.get_by_role("link", name="Smit").count() >= 1


def test_privacy_officers_audit_page_and_its_field_error_are_accessible(page, users):
    login_in_browser(page, "privacy", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/audit/")
    assert_accessible(page)

    page.get_by_label("Persoon (id)").fill("99999999999999999999999")
    page.get_by_role("button", name="Zoeken", exact=True).click()

    assert "te groot" in page.locator("#id_person-error").inner_text()
    assert page.get_by_label("Persoon (id)").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
