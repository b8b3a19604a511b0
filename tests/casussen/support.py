# SPDX-License-Identifier: EUPL-1.2
"""A case in team A as most casussen tests need it: regisseur users.medewerker, a co-worker, two members."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests import factories as f
from tests import factories_casussen as fc
from tests.conftest import TEST_TOTP_KEY
from wijkteam.accounts.models import User
from wijkteam.accounts.services import set_totp_secret
from wijkteam.casussen.models import Casus
from wijkteam.huishoudens.models import Persoon


@dataclass
class World:
    casus: Casus
    ouder: Persoon
    kind: Persoon
    coworker: User
    outsider: User  # a medewerker of team A who is not on the case


def case_world(place: Any, users: Any, **case: Any) -> World:
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    ouder = f.PersoonFactory(huishouden=household, voornamen="Samira", achternaam="Bakker")
    kind = f.PersoonFactory(huishouden=household, voornamen="Noah", achternaam="Bakker")
    coworker = f.UserFactory(username="collega", medewerker=True, teams=[place.team_a])
    outsider = f.UserFactory(username="buitenstaander", medewerker=True, teams=[place.team_a],
                             first_name="Bas", last_name="Buiten")
    for user in (coworker, outsider):
        set_totp_secret(user, TEST_TOTP_KEY)
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, huishouden=household,
                            medewerkers=[coworker], **case)
    return World(casus, ouder, kind, coworker, outsider)
