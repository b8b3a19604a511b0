# SPDX-License-Identifier: EUPL-1.2
"""Hulpvragen's example objects for the role-by-URL matrix: a request in team A's queue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests import factories as f
from tests.factories_hulpvragen import HulpvraagFactory


def objects(place: Any, users: Any, named: dict[str, Any]) -> dict[str, Any]:
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    return {"hulpvraag": HulpvraagFactory(persoon=person, team=place.team_a)}


def _request(world: Any) -> dict[str, Any]:
    return {"pk": world.objects["hulpvraag"].pk}


EXAMPLES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "hulpvragen:hulpvraag_detail": _request,
    "hulpvragen:assign": _request,
    "hulpvragen:change_status": _request,
    "hulpvragen:link_person": _request,
    "hulpvragen:confirm_consents": _request,
    "hulpvragen:route": _request,
    "hulpvragen:triage": _request,
}
