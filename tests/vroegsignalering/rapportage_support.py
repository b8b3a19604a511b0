# SPDX-License-Identifier: EUPL-1.2
"""Shared by the rapportage and retention tests: a seeded world of signals and zaken in two wijken over
three months, in every stage (new, contacted, reached, help accepted, closed with a DDAS result)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from tests import factories as f
from tests.factories_vroegsignalering import SignaalFactory, VroegsignaalzaakFactory
from wijkteam.core.working_days import add_working_days, working_days_between
from wijkteam.vroegsignalering.models import (
    Classificatie,
    Contactpoging,
    Contactsoort,
    Dagdeel,
    Eindresultaat,
    MatchWerklijstItem,
    Signaal,
    Signaalpartner,
    Vroegsignaalzaak,
    ZaakStatus,
    ZaakStatusHistorie,
)

MONTHS = (dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 10, 1))


def build_world(place: Any, *, per_month: int = 14, seed: int = 7) -> list[Vroegsignaalzaak]:
    """`per_month` zaken per wijk per month, 1-3 signals each; some in every stage."""
    rng = random.Random(seed)
    zaken = []
    for buurt in (place.buurt_a, place.buurt_b):
        team = place.team_a if buurt == place.buurt_a else place.team_b
        for month in MONTHS:
            for _ in range(per_month):
                household = f.HuishoudenFactory(adres=f.AdresFactory(buurt=buurt))
                person = f.PersoonFactory(huishouden=household)
                ontvangen = month + dt.timedelta(days=rng.randrange(0, 27))
                zaak = VroegsignaalzaakFactory(
                    huishouden=household, buurt=buurt, team=team, ontvangen=ontvangen,
                    classificatie=rng.choice(Classificatie.values),
                    termijn_eerste_contact=add_working_days(ontvangen, 5),
                    prioriteit_uitleg=f"{rng.randrange(0, 4)} kinderen in het huishouden",
                )
                for _s in range(rng.choice((1, 1, 2, 3))):
                    signaal = SignaalFactory(
                        persoon=person, buurt=buurt, zaak=zaak, partnertype=rng.choice(Signaalpartner.values),
                        signaaldatum=max(month, ontvangen - dt.timedelta(days=rng.randrange(0, 3))),
                        bedrag=rng.randrange(50, 3000), upload_rij=rng.randrange(1, 500),
                        dedupe_key=f"{zaak.pk}-{_s}-{rng.random()}",
                    )
                stage = rng.randrange(0, 6)
                if stage >= 1:  # contacted
                    first = add_working_days(ontvangen, rng.randrange(0, 9))
                    Contactpoging.objects.create(zaak=zaak, soort=Contactsoort.BRIEF, bereikt=False, datum=first,
                                                 dagdeel=Dagdeel.OCHTEND, notitie="Brief gestuurd naar Dorpsstraat 1")
                    zaak.eerste_contactpoging = first
                    if stage >= 2:  # reached
                        Contactpoging.objects.create(zaak=zaak, soort=Contactsoort.TELEFOON, bereikt=True,
                                                     datum=first + dt.timedelta(days=2), dagdeel=Dagdeel.MIDDAG,
                                                     notitie="Mevrouw vertelt over haar schulden")
                        zaak.datum_opgepakt = first + dt.timedelta(days=2)
                    if stage == 3:  # help accepted, still open
                        zaak.hulp_geaccepteerd = True
                        zaak.status = ZaakStatus.NAAR_INTAKE
                    elif stage == 4:  # closed, no help wanted
                        zaak.hulp_geaccepteerd = False
                        zaak.status = ZaakStatus.GESLOTEN
                        zaak.gesloten = first + dt.timedelta(days=10)
                        zaak.eindresultaat = Eindresultaat.GEEN_HULP_NODIG
                    elif stage == 5:  # closed after accepted help
                        zaak.hulp_geaccepteerd = True
                        zaak.status = ZaakStatus.GESLOTEN
                        zaak.gesloten = first + dt.timedelta(days=12)
                        zaak.eindresultaat = Eindresultaat.VERVOLG_FINANCIEEL
                    else:
                        zaak.status = ZaakStatus.CONTACT_GEZOCHT
                    zaak.save()
                    ZaakStatusHistorie.objects.create(zaak=zaak, van=ZaakStatus.NIEUW, naar=zaak.status,
                                                      tijdstip=dt.datetime(2026, 10, 30, tzinfo=dt.UTC),
                                                      toelichting="Gebeld met de dochter")
                if rng.random() < 0.1:
                    item = MatchWerklijstItem.objects.create(signaal=signaal, aangeleverd={"achternaam": "Jansen"},
                                                             bsn_hash="ab" * 32)
                    item.kandidaten.set([person])
                zaken.append(zaak)
    return zaken


def direct_counts(wijk_of_buurt: dict[int, int], today: dt.date) -> dict[tuple[dt.date, int], dict[str, Any]]:
    """Every funnel figure counted the plain way: a Python loop over every row, no grouping in SQL."""
    result: dict[tuple[dt.date, int], dict[str, Any]] = {}

    def cell(key: tuple[dt.date, int]) -> dict[str, Any]:
        return result.setdefault(key, {"signalen": 0, "partners": {}, "meldingen": 0, "klassen": {}, "bereikt": 0,
                                       "hulp": 0, "werkdagen": [], "binnen": 0, "bepaald": 0})

    for s in Signaal.objects.filter(soort="financieel"):
        c = cell((s.signaaldatum.replace(day=1), wijk_of_buurt[s.buurt_id]))
        c["signalen"] += 1
        c["partners"][s.partnertype] = c["partners"].get(s.partnertype, 0) + 1
    for z in Vroegsignaalzaak.objects.all():
        c = cell((z.ontvangen.replace(day=1), wijk_of_buurt[z.buurt_id]))
        c["meldingen"] += 1
        c["klassen"][z.classificatie] = c["klassen"].get(z.classificatie, 0) + 1
        attempts = list(z.contactpogingen.all())
        c["bereikt"] += any(a.bereikt for a in attempts)
        c["hulp"] += z.hulp_geaccepteerd is True
        first = min((a.datum for a in attempts), default=None)
        if first:
            c["werkdagen"].append(working_days_between(z.ontvangen, first))
        if first and first <= z.termijn_eerste_contact:
            c["binnen"] += 1
            c["bepaald"] += 1
        elif first or z.termijn_eerste_contact < today:
            c["bepaald"] += 1
    return result
