# SPDX-License-Identifier: EUPL-1.2
"""A team A with a worker who leaves and three colleagues, as the continuity tests need it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests import factories as f
from tests import factories_casussen as fc
from wijkteam.accounts.models import User
from wijkteam.casussen.models import Casus, Gewicht
from wijkteam.gebieden.models import Buurt


@dataclass
class Team:
    leaver: User
    anna: User  # knows the Havenkwartier: she has a case there
    ben: User
    cor: User
    haven: Buurt  # a second buurt of wijk A
    cases: list[Casus]  # the leaver's open cases

    @property
    def receivers(self) -> list[User]:
        return [self.anna, self.ben, self.cor]


def _household(buurt: Buurt) -> Any:
    return f.HuishoudenFactory(adres__buurt=buurt)


def leaving_team(place: Any, weights: list[str] | None = None) -> Team:
    """The leaver has cases of `weights` (default 3 heavy, 2 medium, 3 light) in buurt A, one light one in the
    Havenkwartier; Anna, Ben and Cor each start with one medium case, Anna's in the Havenkwartier."""
    haven = f.BuurtFactory(wijk=place.wijk_a, code="BU09990102", naam="Havenkwartier")
    leaver = f.UserFactory(username="vertrekker", first_name="Vera", last_name="Vertrek", medewerker=True,
                           teams=[place.team_a])
    anna = f.UserFactory(username="anna", first_name="Anna", last_name="Aa", medewerker=True, teams=[place.team_a])
    ben = f.UserFactory(username="ben", first_name="Ben", last_name="Bos", medewerker=True, teams=[place.team_a])
    cor = f.UserFactory(username="cor", first_name="Cor", last_name="Cools", medewerker=True, teams=[place.team_a])
    fc.CasusFactory(team=place.team_a, regisseur=anna, huishouden=_household(haven), gewicht=Gewicht.MIDDEL)
    for worker in (ben, cor):
        fc.CasusFactory(team=place.team_a, regisseur=worker, huishouden=_household(place.buurt_a),
                        gewicht=Gewicht.MIDDEL)
    weights = weights if weights is not None else [Gewicht.ZWAAR] * 3 + [Gewicht.MIDDEL] * 2 + [Gewicht.LICHT] * 3
    cases = [fc.CasusFactory(team=place.team_a, regisseur=leaver, huishouden=_household(place.buurt_a), gewicht=w)
             for w in weights]
    cases.append(fc.CasusFactory(team=place.team_a, regisseur=leaver, huishouden=_household(haven),
                                 gewicht=Gewicht.LICHT))
    return Team(leaver, anna, ben, cor, haven, cases)
