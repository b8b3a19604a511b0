# SPDX-License-Identifier: EUPL-1.2
"""The term mapping page in a real browser: the beheerder picks our term for the imported one by its
label and saves, with 0 axe-core WCAG 2.1 AA violations before and after."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from bench.bench_search_relevance import UNMATCHED_TERM, build
from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import FROZEN_NOW, TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.sociale_kaart.hsds_io.services import import_bytes
from wijkteam.sociale_kaart.models import MappingMethod, TaxonomyTermMapping
from wijkteam.sociale_kaart.taxonomies import term_uuid

from .foreign_supplier import package

# Not serialized_rollback: restoring the serialised database re-inserts content types that an earlier
# transactional test's flush already recreated; tests/conftest.py reloads the shipped taxonomies instead.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_beheerder_maps_a_term_in_the_browser(page: Any, users: Any) -> None:
    with time_machine.travel(FROZEN_NOW, tick=False):
        assert import_bytes(package(build(10)), "andere-leverancier.zip").ok
    login_in_browser(page, "beheerder", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/sociale-kaart/taxonomie/")
    assert page.locator("h1").inner_text() == "Geïmporteerde termen koppelen"
    assert_accessible(page)
    page.get_by_label(f"{UNMATCHED_TERM[0]} {UNMATCHED_TERM[1]}").select_option(label="LD04 Huisvesting")
    page.get_by_role("button", name="Koppelingen opslaan").click()
    page.wait_for_load_state()
    assert "1 koppeling opgeslagen." in page.locator("body").inner_text()
    mapping = TaxonomyTermMapping.objects.get(term__code=UNMATCHED_TERM[0])
    assert (mapping.target_id, mapping.method) == (term_uuid("levensdomeinen", "LD04"), MappingMethod.BEHEERDER)
    assert_accessible(page)
