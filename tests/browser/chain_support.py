# SPDX-License-Identifier: EUPL-1.2
"""The world of the whole-chain browser test: team A's buurt with a postcode, an energy company with an API
token, two partner organisations with services in the sociale kaart (A: collective provisions near the
household; B: second-line GGZ), a partner login per organisation, and one browser context per person."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from tests import factories as f
from tests import factories_sociale_kaart as sk
from tests.browser_support import login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from tests.hulpvragen.triage_support import index, provision
from tests.vroegsignalering.partner_api_support import energy_company, token_for
from tests.vroegsignalering.support import place_postcode
from wijkteam.accounts.models import Organisatie, User
from wijkteam.accounts.services import set_totp_secret
from wijkteam.hulpvragen.assessment.instruments import load_instruments
from wijkteam.sociale_kaart.models import Service

COLLECTIVE = "Inloopspreekuur geldzaken Oude Haven"
GGZ = "Basis-GGZ De Brug"


@dataclass
class ChainWorld:
    api_secret: str
    organisatie_a: Organisatie
    organisatie_b: Organisatie
    partner_b: User
    collective: Service
    ggz: Service


def chain_world(place: Any, users: Any) -> ChainWorld:
    """Everything the chain needs before the first signal arrives; nothing of the household exists yet."""
    load_instruments()  # a transactional test starts from a flushed database
    place_postcode(place)
    place.team_a.telefoon, place.team_a.email = "030 123 45 67", "centrum@wijkteam.test"
    place.team_a.save()
    _token, secret = token_for(energy_company(), users.beheerder)
    organisatie_a = users.partner.organisatie
    organisatie_a.naam, organisatie_a.email = "Buurtwerk Oude Haven", "verwijzingen@buurtwerk.test"
    organisatie_a.save()
    partner_b = cast(User, f.UserFactory(username="partner_ggz", partner=True, organisatie__naam="GGZ De Brug",
                                         organisatie__email="aanmelden@debrug.test"))
    assert partner_b.organisatie is not None
    set_totp_secret(partner_b, TEST_TOTP_KEY)
    collective = provision(COLLECTIVE, ["LD01", "SA01"], km=0.6, free=True, byday="TU", buurt=place.buurt_a,
                           organization=sk.OrganizationFactory(organisatie=organisatie_a, name=organisatie_a.naam))
    ggz = provision(GGZ, ["LD06"], km=2.5, organization=sk.OrganizationFactory(
        organisatie=partner_b.organisatie, name=partner_b.organisatie.naam))
    index()
    return ChainWorld(secret, organisatie_a, partner_b.organisatie, partner_b, collective, ggz)


@contextmanager
def person(browser: Any, live_server: Any, username: str) -> Iterator[Any]:
    """A browser of its own for one person, logged in through the real forms (password and TOTP)."""
    context = browser.new_context(locale="nl-NL", base_url=live_server.url, bypass_csp=True)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        login_in_browser(page, username, TEST_PASSWORD, TEST_TOTP_KEY)
        page.wait_for_load_state()
        yield page
    finally:
        context.close()


def go(page: Any, action: Any) -> None:
    """Run a click that submits or navigates, and wait until the next page has loaded."""
    with page.expect_navigation():
        action()


def body(page: Any) -> str:
    return str(page.locator("main").inner_text() if page.locator("main").count() else page.locator("body").inner_text())
