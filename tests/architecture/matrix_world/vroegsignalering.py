# SPDX-License-Identifier: EUPL-1.2
"""Vroegsignalering's example objects for the role-by-URL matrix."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.factories_vroegsignalering import SignaalFactory, VroegsignaalzaakFactory
from wijkteam.vroegsignalering.models import MatchWerklijstItem, Upload


def objects(place: Any, users: Any, named: dict[str, Any]) -> dict[str, Any]:
    return {
        "signal_upload": Upload.objects.create(bestandsnaam="signalen.csv", team=place.team_a,
                                               geupload_door=users.teamleider, status="klaar"),
        **_zaak_objects(place),
    }


def _zaak_objects(place: Any) -> dict[str, Any]:
    # A zaak with one signal in team A's buurt whose person is undecided (the zaak page and the worklist).
    zaak = VroegsignaalzaakFactory(huishouden__adres__buurt=place.buurt_a, team=place.team_a)
    signaal = SignaalFactory(persoon=None, huishouden=zaak.huishouden, adres=zaak.huishouden.adres, zaak=zaak)
    item = MatchWerklijstItem.objects.create(signaal=signaal, aangeleverd={"achternaam": "Jansen"})
    return {"vs_zaak": zaak, "vs_werklijst_item": item}


EXAMPLES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "vroegsignalering:upload_detail": lambda w: {"pk": w.objects["signal_upload"].pk},
    "vroegsignalering:upload_errors_csv": lambda w: {"pk": w.objects["signal_upload"].pk},
    **{f"vroegsignalering:{name}": (lambda w: {"pk": w.objects["vs_zaak"].pk}) for name in (
        "zaak_detail", "zaak_contactpoging", "zaak_sluiten", "zaak_hulp_geaccepteerd", "zaak_brief")},
    "vroegsignalering:werklijst_item": lambda w: {"pk": w.objects["vs_werklijst_item"].pk},
}
