# SPDX-License-Identifier: EUPL-1.2
"""Shared by the triage tests: a household in team A's wijk and a small sociale kaart around it.

The household's address point is HOME; provisions are placed at a known distance north of it
(0.001° latitude ≈ 111 m), so reasons like "600 m verderop" are exact.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tests import factories as f
from tests.factories_hulpvragen import HulpvraagFactory
from tests.factories_sociale_kaart import (
    CostOptionFactory,
    LocationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from wijkteam.hulpvragen.assessment.services import DomainScore, record_assessment
from wijkteam.hulpvragen.models import Assessment, Hulpvraag
from wijkteam.hulpvragen.triage.choices import Veiligheid
from wijkteam.sociale_kaart.models import Service
from wijkteam.sociale_kaart.search import reindex_all

HOME = (52.0900, 5.1200)
KM_PER_DEGREE_LAT = 111.2


def north(km: float) -> tuple[float, float]:
    return (HOME[0] + km / KM_PER_DEGREE_LAT, HOME[1])


def single_mother(place: Any, **kwargs: Any) -> Hulpvraag:
    """The issue's example: an alleenstaande moeder (34) with a child (6) in wijk A, behind on the rent and
    lonely since the divorce; the request names Financiën (LD01) and Sociaal netwerk (LD11)."""
    adres = f.AdresFactory(buurt=place.buurt_a, latitude=HOME[0], longitude=HOME[1])
    huishouden = f.HuishoudenFactory(adres=adres)
    moeder = f.PersoonFactory(huishouden=huishouden, geboortedatum=dt.date(1992, 5, 1))
    f.PersoonFactory(huishouden=huishouden, achternaam=moeder.achternaam, geboortedatum=dt.date(2020, 9, 1))
    values = {
        "persoon": moeder,
        "huishouden": huishouden,
        "buurt": place.buurt_a,
        "team": place.team_a,
        "omschrijving": "Alleenstaande moeder, huurachterstand, voelt zich sinds de scheiding erg alleen.",
        "levensdomeinen": ["LD01", "LD11"],
    }
    values.update(kwargs)
    return HulpvraagFactory(**values)


def provision(
    name: str,
    codes: list[str],
    *,
    km: float | None,
    buurt: Any = None,
    free: bool | None = None,
    byday: str = "",
    opens: dt.time = dt.time(9, 0),
    attending: str = "",
    **service: Any,
) -> Service:
    """A service with one location `km` north of HOME (None: online only), terms by code, and optionally
    a cost option (free or €2,50) and a weekly opening on `byday`."""
    made = ServiceFactory(name=name, terms=codes, **service)
    if km is not None:
        lat, lon = north(km)
        location = LocationFactory(organization=made.organization, latitude=lat, longitude=lon, buurt=buurt)
        ServiceAtLocationFactory(service=made, location=location)
    if free is not None:
        CostOptionFactory(service=made, amount=Decimal(0) if free else Decimal("2.50"))
    if byday:
        ScheduleFactory(service=made, byday=byday, opens_at=opens,
                        closes_at=dt.time(opens.hour + 3, 0), attending_type=attending)
    return made


def index() -> None:
    reindex_all()


def assess(hulpvraag: Hulpvraag, by: Any, levels: dict[str, int], *, veiligheid: str = Veiligheid.VEILIG,
           toelichting: str = "") -> Assessment:
    return record_assessment(
        hulpvraag,
        {code: DomainScore(level) for code, level in levels.items()},
        veiligheid=veiligheid,
        veiligheid_toelichting=toelichting or ("Zorgen over de ex-partner." if veiligheid != Veiligheid.VEILIG else ""),
        by=by,
    )
