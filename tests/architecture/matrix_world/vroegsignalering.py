# SPDX-License-Identifier: EUPL-1.2
"""Vroegsignalering's example objects for the role-by-URL matrix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from tests import factories as f
from tests.factories_vroegsignalering import SignaalFactory, VroegsignaalzaakFactory
from wijkteam.vroegsignalering.models import MatchWerklijstItem, RoutingRegel, Upload, Vroegsignaalzaak


def objects(place: Any, users: Any, named: dict[str, Any]) -> dict[str, Any]:
    return {
        "signal_upload": Upload.objects.create(bestandsnaam="signalen.csv", team=place.team_a,
                                               geupload_door=users.teamleider, status="klaar"),
        **_outreach_objects(place, users),
        **_zaak_objects(place),
    }


def _outreach_objects(place: Any, users: Any) -> dict[str, Any]:
    # A zaak of a household in team A's buurt (outreach queue, assignment) and one routing rule of team A.
    zaak = Vroegsignaalzaak.objects.create(huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a),
                                           buurt=place.buurt_a, team=place.team_a, ontvangen=dt.date(2026, 11, 20))
    return {"outreach_zaak": zaak, "outreach_team": place.team_a,
            "outreach_regel": RoutingRegel.objects.create(team=place.team_a, volgorde=1, buurt=place.buurt_a)}


def _zaak_objects(place: Any) -> dict[str, Any]:
    # A zaak with one signal in team A's buurt whose person is undecided (the zaak page and the worklist).
    zaak = VroegsignaalzaakFactory(huishouden__adres__buurt=place.buurt_a, team=place.team_a)
    signaal = SignaalFactory(persoon=None, huishouden=zaak.huishouden, adres=zaak.huishouden.adres, zaak=zaak)
    item = MatchWerklijstItem.objects.create(signaal=signaal, aangeleverd={"achternaam": "Jansen"})
    return {"vs_zaak": zaak, "vs_werklijst_item": item}


EXAMPLES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "vroegsignalering:upload_detail": lambda w: {"pk": w.objects["signal_upload"].pk},
    "vroegsignalering:upload_errors_csv": lambda w: {"pk": w.objects["signal_upload"].pk},
    "vroegsignalering:zaak_assign": lambda w: {"pk": w.objects["outreach_zaak"].pk},
    **{f"vroegsignalering:{name}": (lambda w: {"pk": w.objects["vs_zaak"].pk}) for name in (
        "zaak_detail", "zaak_contactpoging", "zaak_sluiten", "zaak_hulp_geaccepteerd", "zaak_brief")},
    "vroegsignalering:werklijst_item": lambda w: {"pk": w.objects["vs_werklijst_item"].pk},
    "vroegsignalering:outreach_settings": lambda w: {"team_pk": w.objects["outreach_team"].pk},
    "vroegsignalering:routing_rule": lambda w: {"team_pk": w.objects["outreach_team"].pk,
                                                "pk": w.objects["outreach_regel"].pk},
}
