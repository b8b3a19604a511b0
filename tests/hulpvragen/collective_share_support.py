# SPDX-License-Identifier: EUPL-1.2
"""Shared by the collective-share tests: a seeded world of triage decisions in two wijken over three months
(August-October 2026), some triages redone later (only the newest decision counts), one request without a
wijk, and a direct count in plain Python to hold the page's figures against."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Iterable
from typing import Any, cast

from django.utils import timezone

from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.hulpvragen.models import Hulpvraag, TriageBesluit
from wijkteam.hulpvragen.triage.choices import Ondersteuning

MONTHS = (dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 10, 1))
PARAMS = {"van": "2026-08", "tot": "2026-10"}
DOMAINS = ("LD01", "LD04", "LD06", "LD11")
# Decisions lean collective, as the policy wants; the proposal is followed four times in five.
WEIGHTS = {Ondersteuning.COLLECTIEF: 5, Ondersteuning.BEIDE: 2, Ondersteuning.INDIVIDUEEL: 2,
           Ondersteuning.GEEN: 1, Ondersteuning.TWEEDE_LIJN: 1}


def _moment(month: dt.date, rng: random.Random) -> dt.datetime:
    day = month + dt.timedelta(days=rng.randrange(0, 28))
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9 + rng.randrange(0, 8), 0)))


def build_world(place: Any, *, per_month: int = 12, seed: int = 11) -> None:
    rng = random.Random(seed)
    routes, weights = list(WEIGHTS), list(WEIGHTS.values())
    buurten = ((place.buurt_a, place.team_a), (place.buurt_b, place.team_b), (None, None))
    for buurt, team in buurten:
        for month in MONTHS:
            for _ in range(per_month if buurt is not None else 2):
                hulpvraag = cast(Hulpvraag, HulpvraagFactory(buurt=buurt, team=team, status="getrieerd",
                                                             **({"centraal": True} if buurt is None else {})))
                moment = _moment(month, rng)
                for domein in rng.sample(DOMAINS, rng.randint(1, 3)):
                    voorstel = rng.choices(routes, weights)[0]
                    besluit = voorstel if rng.random() < 0.8 else rng.choice(routes)
                    TriageBesluit.objects.create(hulpvraag=hulpvraag, domein=domein, voorstel=voorstel,
                                                 besluit=besluit, reden="" if besluit == voorstel else "Reden",
                                                 buurt=buurt, tijdstip=moment)
                if rng.random() < 0.15:  # redone later: the newer decision replaces the older one
                    first = TriageBesluit.objects.filter(hulpvraag=hulpvraag).order_by("id").first()
                    assert first is not None
                    TriageBesluit.objects.create(hulpvraag=hulpvraag, domein=first.domein, voorstel=first.voorstel,
                                                 besluit=Ondersteuning.TWEEDE_LIJN, reden="Toch specialistisch",
                                                 buurt=buurt, tijdstip=moment + dt.timedelta(days=20))


def direct_counts(wijk_ids: Iterable[int] | None) -> dict[tuple[str, str], Counter[str]]:
    """(month "yyyy-mm", domain) → Counter of routes plus "afwijkend", counted row by row in Python."""
    wanted = set(wijk_ids) if wijk_ids is not None else None
    latest: dict[tuple[int, str], TriageBesluit] = {}
    for row in TriageBesluit.objects.select_related("buurt").order_by("id"):
        latest[(row.hulpvraag_id, row.domein)] = row
    result: dict[tuple[str, str], Counter[str]] = {}
    for row in latest.values():
        if wanted is not None and (row.buurt is None or row.buurt.wijk_id not in wanted):
            continue
        month = timezone.localtime(row.tijdstip).strftime("%Y-%m")
        if not PARAMS["van"] <= month <= PARAMS["tot"]:
            continue
        cell = result.setdefault((month, row.domein), Counter())
        cell[row.besluit] += 1
        cell["afwijkend"] += row.besluit != row.voorstel
    return result
