# SPDX-License-Identifier: EUPL-1.2
"""The signal partners' API's example object for the role-by-URL matrix: a signal partner A sent by API.

Every role meets these URLs without an API token (the matrix logs in with a session, which the API
ignores), so the expected answer is a 401 for all of them: allowed by the rule (`public`), refused by the
token check inside the view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from wijkteam.vroegsignalering.models import Bron, Signaal, Signaalpartner


def objects(place: Any, users: Any, named: dict[str, Any]) -> dict[str, Any]:
    signaal = Signaal.objects.create(partnertype=Signaalpartner.ENERGIE, partnernaam=users.partner.organisatie.naam,
                                     bedrag=450, ontstaansdatum=dt.date(2026, 10, 1),
                                     signaaldatum=dt.date(2026, 11, 5), bron=Bron.API,
                                     organisatie=users.partner.organisatie, ontvangen=timezone.now())
    return {"api_signaal": signaal}


EXAMPLES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "vroegsignalering_api:signal_outcome": lambda w: {"pk": w.objects["api_signaal"].pk},
}
