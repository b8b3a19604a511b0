# SPDX-License-Identifier: EUPL-1.2
"""Casussen's example objects for the role-by-URL matrix: a case in team A with users.medewerker as its
regisseur (Scope.CASE reaches its regisseur and team A's team lead), one open task, one emergency access."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests import factories as f
from tests import factories_casussen as fc


def objects(place: Any, users: Any, named: dict[str, Any]) -> dict[str, Any]:
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker,
                            huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a))
    f.PersoonFactory(huishouden=casus.huishouden)
    return {
        "casus": casus,
        "casus_taak": fc.TaakFactory(casus=casus),
        "noodtoegang": fc.NoodtoegangFactory(casus=casus, gebruiker=users.teamleider),
        # continuiteit: users.medewerker is ill, so the team lead has a redistribution of the case above.
        "afwezigheid": fc.AfwezigheidFactory(medewerker=users.medewerker, team=place.team_a),
    }


def _case(w: Any) -> dict[str, Any]:
    return {"pk": w.objects["casus"].pk}


EXAMPLES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "casussen:casus_detail": _case,
    "casussen:casus_status": _case,
    "casussen:casus_team": _case,
    "casussen:casus_contact": _case,
    "casussen:casus_taak": _case,
    "casussen:casus_noodtoegang": _case,
    "casussen:plan_edit": _case,
    "casussen:plan_pdf": _case,
    "casussen:taak_afronden": lambda w: {"pk": w.objects["casus"].pk, "taak_pk": w.objects["casus_taak"].pk},
    "casussen:noodtoegang_item": lambda w: {"pk": w.objects["noodtoegang"].pk},
    "casussen:overdracht": _case,
    "casussen:herverdeling": lambda w: {"pk": w.objects["afwezigheid"].pk},
}
