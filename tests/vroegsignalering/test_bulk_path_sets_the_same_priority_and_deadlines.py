# SPDX-License-Identifier: EUPL-1.2
"""The bulk upload gives every zaak the same priority (score and words), crisis, deadlines, route and assigned
worker as the single path, also when a zaak's signals fall in different chunks (a crisis in a later chunk)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from tests import factories as f
from tests.factories_vroegsignalering import signal_row
from wijkteam.gebieden.models import Postcode
from wijkteam.huishoudens.models import Adres, Huishouden, Persoon
from wijkteam.vroegsignalering import handoff
from wijkteam.vroegsignalering.batch import bulk
from wijkteam.vroegsignalering.batch.bulk import SignalBulkIngest
from wijkteam.vroegsignalering.models import (
    Bron,
    Route,
    RoutingRegel,
    Signaal,
    Upload,
    Vroegsignaalzaak,
    ZaakStatusHistorie,
    ZaakToewijzing,
)
from wijkteam.vroegsignalering.services import ingest_signal

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 23, 10, 0, tzinfo=dt.UTC)


def rows():
    return [
        signal_row(achternaam="Smit", huisnummer="5"),                                       # children at home
        signal_row(achternaam="Bos", huisnummer="6", huur=True),
        signal_row(achternaam="Kok", huisnummer="7"),                                        # open case
        signal_row(achternaam="Smit", huisnummer="5", huur=True, bedrag="1250"),             # joins, next chunk
        signal_row(achternaam="Bos", huisnummer="6", partnertype="Water", partnernaam="Vitens", crisis=True),
        signal_row(achternaam="Ver", postcode="9999 ZZ", huisnummer="1", partnertype="DUO", partnernaam="DUO"),
        signal_row(achternaam="Smit", huisnummer="5", partnertype="Hypotheek", partnernaam="Bank", bedrag="9000"),
    ]


def world(place, users):
    Postcode.objects.create(pc6="3511 AB", latitude=52.09, longitude=5.12, buurt=place.buurt_a)
    home = f.HuishoudenFactory(adres=f.AdresFactory(postcode="3511 AB", huisnummer=5, buurt=place.buurt_a))
    for born in (dt.date(2014, 1, 1), dt.date(2019, 6, 1), dt.date(1984, 3, 3)):
        f.PersoonFactory(huishouden=home, achternaam="Smit", geboortedatum=born)
    RoutingRegel.objects.create(team=place.team_a, volgorde=1, buurt=place.buurt_a, medewerker=users.medewerker)


def open_case_at_number_7(household_ids):
    return {pk: handoff.CaseRef(case_id=1, regisseur_id=REGISSEUR[0], url="/casus/1/")
            for pk in Huishouden.objects.filter(pk__in=household_ids, adres__huisnummer=7).values_list("pk", flat=True)}


REGISSEUR: list[int] = []


def snapshot():
    return sorted(
        ((z.huishouden.adres.postcode, z.huishouden.adres.huisnummer), z.team_id, z.prioriteit, z.prioriteit_uitleg,
         z.crisis, z.classificatie, z.termijn_eerste_contact, z.termijn_afsluiten, z.termijn_bij_crisis, z.route,
         z.toegewezen_aan_id, tuple((t.van_id, t.naar_id, t.door_systeem) for t in z.toewijzingen.all()))
        for z in Vroegsignaalzaak.objects.select_related("huishouden__adres").prefetch_related("toewijzingen"))


def clear():
    for model in (Signaal, ZaakToewijzing, ZaakStatusHistorie, Vroegsignaalzaak, Upload, Persoon, Huishouden, Adres,
                  Postcode, RoutingRegel):
        model.objects.all().delete()


@pytest.fixture
def regisseur(users):
    REGISSEUR[:] = [users.medewerker_b.pk]
    before = handoff.open_case_lookup()  # casussen's own: put back, other tests route through it
    handoff.register_open_case_lookup(open_case_at_number_7)
    yield users.medewerker_b
    handoff.register_open_case_lookup(before)


def test_bulk_and_single_path_end_equal(place, users, regisseur, monkeypatch):
    world(place, users)
    with time_machine.travel(NOW, tick=False):
        upload = Upload.objects.create(bestandsnaam="december.csv", team=place.team_a)
        for i, row in enumerate(rows()):
            ingest_signal(row, system="t", bron=Bron.BESTAND, upload=upload, upload_rij=i + 2)
    single = snapshot()

    clear()
    world(place, users)
    monkeypatch.setattr(bulk, "CHUNK", 3)  # Smit's and Bos's signals in two chunks
    with time_machine.travel(NOW, tick=False):
        upload = Upload.objects.create(bestandsnaam="december.csv", team=place.team_a)
        writer = SignalBulkIngest(upload, system="t")
        for i, row in enumerate(rows()):
            writer.add(i + 2, row)
        writer.finish()
    assert snapshot() == single

    # And the scenario holds what it names.
    zaken = {z.huishouden.adres.huisnummer: z for z in Vroegsignaalzaak.objects.select_related("huishouden__adres")}
    assert zaken[5].prioriteit_uitleg == ("3 soorten schuldeisers. Huurachterstand € 1.250. Hypotheekachterstand "
                                          "€ 9.000. 2 kinderen in het huishouden. Totale achterstand € 10.700.")
    assert zaken[6].crisis and zaken[6].prioriteit_uitleg.startswith("Crisissignaal")
    assert zaken[6].termijn_eerste_contact == dt.date(2026, 12, 24)
    assert zaken[5].termijn_eerste_contact == dt.date(2026, 12, 31)
    assert zaken[5].toegewezen_aan == users.medewerker  # the routing rule for buurt A
    assert (zaken[7].route, zaken[7].toegewezen_aan) == (Route.REGISSEUR, regisseur)
    assert zaken[1].team is None and zaken[1].toegewezen_aan is None  # outside every wijk: central
