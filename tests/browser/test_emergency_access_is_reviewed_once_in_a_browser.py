# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer reviews an emergency access in a real browser (with and without JavaScript): the list of
unreviewed accesses, the access with its reason and the review form, marking it reviewed with a finding, the
list again (nothing left; the reviewed one under "Ook beoordeelde tonen" with its finding and no way to review
it), and the reviewed access itself, which shows who reviewed it and the finding instead of the form. A second
officer who had the form open before sends it after all: refused with a Dutch message, the first finding stays.
axe-core finds nothing on any of these page states.

Only the privacy officer reviews (`may_review_emergency_access`); that a team lead and the other roles get a
403 is the HTTP test tests/casussen/test_breaking_the_glass.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, cast

import pytest

from tests import factories as f
from tests.browser.as_served_support import assert_accessible_as_served
from tests.browser.chain_support import body, go
from tests.browser_support import assert_accessible, login_in_browser
from tests.casussen.support import case_world
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.accounts.models import User
from wijkteam.accounts.services import set_totp_secret
from wijkteam.casussen import services
from wijkteam.casussen.models import Noodtoegang

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "Crisis bij het gezin: de politie belt, de regisseur is vandaag ziek"
FINDING = "Terecht: de regisseur was ziek en er was acuut gevaar."
LIST = "/werk/casussen/noodtoegang/"


def _world(place: Any, users: Any) -> Noodtoegang:
    w = case_world(place, users)
    toegang = services.break_glass(w.casus, by=w.outsider, reden=REASON)
    second_officer = cast(User, f.UserFactory(username="privacy2", first_name="Paul", last_name="Privacyman",
                                              privacy=True))
    set_totp_secret(second_officer, TEST_TOTP_KEY)
    return toegang


@contextmanager
def _second_officer(page: Any, base_url: str, *, javascript: bool) -> Iterator[Any]:
    """The other privacy officer, in a browser of their own (the same JavaScript setting as the first)."""
    context = page.context.browser.new_context(locale="nl-NL", base_url=base_url, java_script_enabled=javascript,
                                               bypass_csp=True)
    try:
        other = context.new_page()
        other.set_default_timeout(10_000)
        login_in_browser(other, "privacy2", TEST_PASSWORD, TEST_TOTP_KEY)
        yield other
    finally:
        context.close()


def _walk(officer: Any, base_url: str, toegang: Noodtoegang, check: Callable[[Any], None], *,
          javascript: bool) -> None:
    item = f"{LIST}{toegang.pk}/"
    review_link = f"Beoordelen (noodtoegang {toegang.pk})"
    login_in_browser(officer, "privacy", TEST_PASSWORD, TEST_TOTP_KEY)
    officer.goto(LIST)
    assert officer.locator("h1").inner_text() == "Noodtoegang beoordelen"
    assert "Er is 1 noodtoegang nog niet beoordeeld." in body(officer)
    row = officer.locator("tbody tr")
    assert row.count() == 1 and REASON in row.inner_text() and "Bas Buiten (buitenstaander)" in row.inner_text()
    check(officer)

    with _second_officer(officer, base_url, javascript=javascript) as other:
        other.goto(item)
        assert other.get_by_role("button", name="Markeren als beoordeeld").count() == 1  # both have the form open

        go(officer, lambda: officer.get_by_role("link", name=review_link).click())
        assert officer.locator("h1").inner_text() == f"Noodtoegang {toegang.pk}"
        assert REASON in body(officer)
        finding = officer.get_by_label("Bevinding")
        assert finding.get_attribute("aria-describedby") == "id_bevinding-help"
        check(officer)

        finding.fill(FINDING)
        go(officer, lambda: officer.get_by_role("button", name="Markeren als beoordeeld").click())
        assert officer.url.endswith(LIST)
        assert "De noodtoegang is als beoordeeld gemarkeerd." in body(officer)
        assert "Er is niets te beoordelen." in body(officer)
        assert officer.get_by_role("link", name=review_link).count() == 0
        check(officer)

        go(officer, lambda: officer.get_by_role("link", name="Ook beoordeelde tonen").click())
        row = officer.locator("tbody tr")
        assert row.count() == 1 and FINDING in row.inner_text()
        assert officer.get_by_role("link", name=review_link).count() == 0  # reviewed once: not offered again
        check(officer)

        officer.goto(item)
        main = officer.locator("main")
        assert "Pia Privacyhof" in main.inner_text() and FINDING in main.inner_text()
        assert main.locator("form").count() == 0
        assert officer.get_by_role("button", name="Markeren als beoordeeld", include_hidden=True).count() == 0
        check(officer)

        # The second officer's page was opened before the review; sending it now is refused, nothing changes.
        other.get_by_label("Bevinding").fill("Niet terecht.")
        go(other, lambda: other.get_by_role("button", name="Markeren als beoordeeld").click())
        main = other.locator("main")
        assert other.get_by_role("alert").inner_text().strip() == "Deze noodtoegang is al beoordeeld."
        assert "Pia Privacyhof" in main.inner_text() and FINDING in main.inner_text()
        assert main.locator("form").count() == 0
        check(other)

    toegang.refresh_from_db()
    assert toegang.beoordeling == FINDING and toegang.beoordeeld_door is not None
    assert toegang.beoordeeld_door.username == "privacy"


def test_with_javascript(page: Any, live_server: Any, place: Any, users: Any) -> None:
    _walk(page, live_server.url, _world(place, users), assert_accessible, javascript=True)


def test_without_javascript(page_without_js: Any, live_server: Any, place: Any, users: Any) -> None:
    _walk(page_without_js, live_server.url, _world(place, users), assert_accessible_as_served, javascript=False)
