# SPDX-License-Identifier: EUPL-1.2
"""Verwijzingen's example objects for the role-by-URL matrix: a second-line referral from the case of team A
(users.medewerker is its regisseur; Scope.CASE reaches the regisseur and team A's team lead) to partner
organisation A (Scope.ORGANISATION: users.partner). The API's URLs answer 401 to every role: the matrix
sends no API token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests import factories as f
from tests import factories_casussen as fc
from tests import factories_verwijzingen as fv


def objects(place: Any, users: Any, named: dict[str, Any]) -> dict[str, Any]:
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker,
                            huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a))
    verwijzing = fv.VerwijzingFactory(casus=casus, organisatie=users.partner.organisatie, tweede_lijn=True)
    return {"verwijzing": verwijzing}


def _referral(w: Any) -> dict[str, Any]:
    return {"pk": w.objects["verwijzing"].pk}


EXAMPLES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "verwijzingen:casus_lijst": lambda w: {"pk": w.objects["verwijzing"].casus_id},
    "verwijzingen:detail": _referral,
    "verwijzingen:stoppen": _referral,
    "verwijzingen:datums": _referral,
    "verwijzingen:overbrugging": _referral,
    "verwijzingen:risico": _referral,
    "verwijzingen_partner:detail": _referral,
    "verwijzingen_partner:antwoord": _referral,
    "verwijzingen_api:detail": _referral,
    "verwijzingen_api:status": _referral,
}
