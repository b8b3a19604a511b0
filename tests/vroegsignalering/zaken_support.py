# SPDX-License-Identifier: EUPL-1.2
"""Shared by the zaak page tests: a zaak of team A with a household of two and one signal, and an intake
handoff swapped in for one test (the real one of hulpvragen is put back afterwards)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from tests import factories as f
from tests.factories_vroegsignalering import SignaalFactory, VroegsignaalzaakFactory
from wijkteam.huishoudens.models import Persoon
from wijkteam.vroegsignalering import handoff
from wijkteam.vroegsignalering.models import Signaal, Vroegsignaalzaak, ZaakStatus, ZaakStatusHistorie


@dataclass
class ZaakWorld:
    zaak: Vroegsignaalzaak
    jan: Persoon
    els: Persoon
    signaal: Signaal


def zaak_world(place: Any, *, status: str = ZaakStatus.NIEUW, **zaak_fields: Any) -> ZaakWorld:
    """Team A's team (phone, e-mail) and a zaak in its buurt: Jan (the signal) and Els at Havenstraat 12."""
    place.team_a.telefoon, place.team_a.email = "030 123 45 67", "centrum@wijkteam.test"
    place.team_a.save()
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a, adres__straat="Havenstraat", adres__huisnummer=12,
                                    adres__postcode="3511 AB", adres__woonplaats="Voorbeeld")
    jan = f.PersoonFactory(huishouden=household, voornamen="Jan", voorletters="J.", tussenvoegsel="de",
                           achternaam="Vries", geboortedatum=dt.date(1970, 3, 1))
    els = f.PersoonFactory(huishouden=household, voornamen="Els", voorletters="E.", achternaam="Bakker",
                           geboortedatum=dt.date(1972, 8, 9))
    zaak = VroegsignaalzaakFactory(huishouden=household, team=place.team_a, status=status, **zaak_fields)
    ZaakStatusHistorie.objects.create(zaak=zaak, van="", naar=ZaakStatus.NIEUW, door_systeem="upload",
                                      tijdstip=dt.datetime(2026, 11, 5, 9, tzinfo=dt.UTC))
    signaal = SignaalFactory(persoon=jan, zaak=zaak, partnertype="Huur", partnernaam="Woonstichting Haven",
                             bedrag=1234, crisissignaal=True, warme_overdracht=True)
    return ZaakWorld(zaak, jan, els, signaal)


@contextmanager
def intake_handoff(replacement: handoff.IntakeHandoff | None) -> Iterator[None]:
    """Run with `replacement` as the registered intake (None: none registered), then restore what was there."""
    before = handoff.intake()
    handoff.register_intake(replacement)
    try:
        yield
    finally:
        handoff.register_intake(before)
