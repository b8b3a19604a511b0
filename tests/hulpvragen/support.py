# SPDX-License-Identifier: EUPL-1.2
"""Shared by the hulpvragen tests: postcodes that lie in team A's and team B's wijk, and one outside."""

from __future__ import annotations

from typing import Any

from wijkteam.gebieden.models import Postcode
from wijkteam.hulpvragen.services import AdresInvoer

POSTCODE_A = "3511 AB"  # buurt A → team A
POSTCODE_B = "3522 CD"  # buurt B → team B
POSTCODE_ELDERS = "9999 ZZ"  # in no team's wijk → central queue


def postcodes(place: Any) -> None:
    Postcode.objects.create(pc6=POSTCODE_A, latitude=52.09, longitude=5.12, buurt=place.buurt_a)
    Postcode.objects.create(pc6=POSTCODE_B, latitude=52.10, longitude=5.13, buurt=place.buurt_b)


def adres(postcode: str = POSTCODE_A, huisnummer: str = "12") -> AdresInvoer:
    return AdresInvoer(postcode=postcode, huisnummer=huisnummer, straat="Havenstraat", woonplaats="Voorbeeld")
