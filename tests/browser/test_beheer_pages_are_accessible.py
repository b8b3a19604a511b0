# SPDX-License-Identifier: EUPL-1.2
"""The beheer site (Django admin) as the functioneel beheerder uses it has 0 axe-core WCAG 2.1 AA
violations: the index and app pages (breadcrumb links), lists, and the forms with Django's and
select2's widgets (filter_horizontal, autocomplete, split date-time)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from tests.factories_sociale_kaart import ServiceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_beheer_pages_pass_axe(page: Any, users: Any) -> None:
    service = ServiceFactory(name="Taalcafé De Brug")
    login_in_browser(page, "beheerder", TEST_PASSWORD, TEST_TOTP_KEY)
    for url in [
        "/beheer/",
        "/beheer/sociale_kaart/",
        "/beheer/sociale_kaart/service/",
        f"/beheer/sociale_kaart/service/{service.pk}/change/",  # autocomplete, split date-time
        "/beheer/sociale_kaart/location/add/",
        "/beheer/accounts/organisatie/",
        "/beheer/accounts/team/add/",  # filter_horizontal
        "/beheer/auth/group/add/",
    ]:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.locator("#content").count() == 1, url
        assert_accessible(page)
