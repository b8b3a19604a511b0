# SPDX-License-Identifier: EUPL-1.2
"""The beheerder's list of organisations the verification mail cannot reach, reached from the
outdated-entries worklist in a real browser, with 0 axe-core WCAG 2.1 AA violations."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.sociale_kaart.freshness import create_due_tasks

from .imported_kaart import import_kaart

# Not serialized_rollback: restoring the serialised database re-inserts content types that an earlier
# transactional test's flush already recreated; tests/conftest.py reloads the shipped taxonomies instead.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_the_worklist_to_the_list(page: Any, users: Any, client_for: Any,
                                       django_capture_on_commit_callbacks: Any) -> None:
    import_kaart(client_for(users.beheerder), django_capture_on_commit_callbacks)
    with time_machine.travel("2026-11-26T06:15:00+01:00", tick=False):
        create_due_tasks()
    login_in_browser(page, "beheerder", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/sociale-kaart/verouderd/")
    assert_accessible(page)
    page.get_by_role("link", name="1 organisatie kunnen we niet mailen om haar aanbod te controleren").click()
    page.wait_for_url("**/werk/sociale-kaart/onbereikbaar/")
    assert "Klusjesclub Oost" in page.locator("main").inner_text()
    assert_accessible(page)
