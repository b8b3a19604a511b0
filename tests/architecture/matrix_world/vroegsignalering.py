# SPDX-License-Identifier: EUPL-1.2
"""Vroegsignalering's example objects for the role-by-URL matrix."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wijkteam.vroegsignalering.models import Upload


def objects(place: Any, users: Any, named: dict[str, Any]) -> dict[str, Any]:
    return {
        "signal_upload": Upload.objects.create(bestandsnaam="signalen.csv", team=place.team_a,
                                               geupload_door=users.teamleider, status="klaar"),
    }


EXAMPLES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "vroegsignalering:upload_detail": lambda w: {"pk": w.objects["signal_upload"].pk},
    "vroegsignalering:upload_errors_csv": lambda w: {"pk": w.objects["signal_upload"].pk},
}
