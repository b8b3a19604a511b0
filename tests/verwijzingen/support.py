# SPDX-License-Identifier: EUPL-1.2
"""Shared set-up of the verwijzingen tests: a case of team A (users.medewerker is its regisseur) with a resident,
and a service of partner organisation A (users.partner) in the sociale kaart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests import factories as f
from tests import factories_casussen as fc
from tests import factories_verwijzingen as fv


@dataclass
class World:
    casus: Any
    persoon: Any
    service: Any


def case_and_service(place: Any, users: Any) -> World:
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker,
                            huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a, adres__straat="Havenstraat"))
    persoon = f.PersoonFactory(huishouden=casus.huishouden, voornamen="Fatima", achternaam="El Amrani",
                               telefoon="0612345678", email="fatima@example.test")
    users.partner.organisatie.email = "verwijzingen@partner-a.test"
    users.partner.organisatie.save(update_fields=["email"])
    service = fv.partner_service(users.partner.organisatie, name="Maatjesproject Samen")
    return World(casus, persoon, service)
