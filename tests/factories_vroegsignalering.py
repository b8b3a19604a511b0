# SPDX-License-Identifier: EUPL-1.2
"""Factories for vroegsignalering: rows of the signal file (with traits for the messy shapes suppliers
send), the file itself in any encoding/delimiter/line end, and stored signals and zaken."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from tests import factories as f
from wijkteam.vroegsignalering.batch.reader import COLUMNS
from wijkteam.vroegsignalering.batch.rows import SignalRow, validate_row
from wijkteam.vroegsignalering.models import (
    Contactpoging,
    Contactsoort,
    Dagdeel,
    Signaal,
    Signaalpartner,
    Vroegsignaalzaak,
)


class SignaalRijFactory(factory.DictFactory):
    """One row of the file as text, as a supplier writes it. Defaults: a valid row without BSN."""

    bsn = ""
    voorletters = "J."
    voorvoegsel = ""
    achternaam = factory.Sequence(lambda n: f"Achternaam{n}")
    geboortedatum = "15-06-1985"
    straatnaam = "Havenstraat"
    huisnummer = factory.Sequence(lambda n: str(n + 1))
    huisnummertoevoeging = ""
    postcode = "3511 AB"
    plaatsnaam = "Voorbeeld"
    telefoonnummer = ""
    email = ""
    partnertype = "Energie"
    partnernaam = "Voorbeeld Energie"
    bedrag = "450"
    ontstaansdatum = "01-10-2026"
    signaaldatum = "05-11-2026"
    crisissignaal = "nee"
    warme_overdracht = "nee"

    class Params:
        iso = factory.Trait(geboortedatum="1985-06-15", ontstaansdatum="2026-10-01", signaaldatum="2026-11-05")
        crisis = factory.Trait(crisissignaal="ja")
        met_bsn = factory.Trait(bsn="111222333")
        zorgverzekeraar = factory.Trait(partnertype="zorgverzekeraar", partnernaam="Zorgverzekeraar Voorbeeld",
                                        bedrag="312")
        huur = factory.Trait(partnertype="Huur", partnernaam="Woonstichting Voorbeeld", bedrag="1200")


def csv_bytes(rows: Iterable[dict[str, str]], *, columns: Sequence[str] = COLUMNS, delimiter: str = ";",
              encoding: str = "utf-8", bom: bool = False, newline: str = "\r\n",
              header: Sequence[str] | None = None) -> bytes:
    """The file as a supplier sends it; `header` spells the column names (case, order) differently."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header or columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    data = out.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def signal_row(**overrides: Any) -> SignalRow:
    """A validated SignalRow (for the service tests), from the same factory."""
    row, errors = validate_row(SignaalRijFactory(**overrides), today=timezone.localdate())
    assert row is not None, errors
    return row


class VroegsignaalzaakFactory(DjangoModelFactory):
    class Meta:
        model = Vroegsignaalzaak

    huishouden = factory.SubFactory(f.HuishoudenFactory)
    buurt = factory.LazyAttribute(lambda o: o.huishouden.adres.buurt)
    ontvangen = dt.date(2026, 11, 5)


class SignaalFactory(DjangoModelFactory):
    class Meta:
        model = Signaal

    persoon = factory.SubFactory(f.PersoonFactory)
    huishouden = factory.LazyAttribute(lambda o: o.persoon.huishouden)
    adres = factory.LazyAttribute(lambda o: o.persoon.huishouden.adres)
    buurt = factory.LazyAttribute(lambda o: o.adres.buurt)
    partnertype = Signaalpartner.ENERGIE
    partnernaam = "Voorbeeld Energie"
    bedrag = 450
    ontstaansdatum = dt.date(2026, 10, 1)
    signaaldatum = dt.date(2026, 11, 5)
    ontvangen = factory.LazyFunction(timezone.now)

    class Params:
        crisis = factory.Trait(crisissignaal=True)


class ContactpogingFactory(DjangoModelFactory):
    """A contact attempt on a zaak (not through the service: for pages that only show attempts)."""

    class Meta:
        model = Contactpoging

    zaak = factory.SubFactory(VroegsignaalzaakFactory)
    soort = Contactsoort.TELEFOON
    bereikt = False
    datum = dt.date(2026, 11, 20)
    dagdeel = Dagdeel.OCHTEND

    class Params:
        bereikt_huisbezoek = factory.Trait(soort=Contactsoort.HUISBEZOEK, bereikt=True)
