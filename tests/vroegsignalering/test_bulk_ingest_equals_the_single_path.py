# SPDX-License-Identifier: EUPL-1.2
"""The bulk write path of the upload stores exactly what the single path (`ingest_signal`) stores, row for
row: addresses, households, persons (BSN gained by a name match included) and their household memberships,
zaken, signals with their classification, and the worklist for persons that cannot be decided. Audit aside (one
summary row)."""

from __future__ import annotations

import datetime as dt

import factory.random
import pytest
import time_machine

from tests import factories as f
from tests.factories_vroegsignalering import signal_row
from wijkteam.gebieden.models import Postcode
from wijkteam.huishoudens.models import Adres, Huishouden, HuishoudenLidmaatschap, Persoon
from wijkteam.vroegsignalering.batch.bulk import SignalBulkIngest
from wijkteam.vroegsignalering.models import (
    Bron,
    MatchWerklijstItem,
    Signaal,
    Upload,
    UploadFout,
    Vroegsignaalzaak,
    ZaakStatusHistorie,
)
from wijkteam.vroegsignalering.services import Outcome, ingest_signal, teams_by_buurt

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
SYSTEM = "vroegsignalering-upload"


def existing(place):
    with time_machine.travel(dt.datetime(2026, 8, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        _existing(place)


def _existing(place):
    """What the database already holds: twins at one address, a person without BSN, one with BSN elsewhere,
    and a signal from three months ago at the address where a new person will get one."""
    factory.random.reseed_random(17)  # the same invented street names in both runs
    Postcode.objects.create(pc6="3511 AB", latitude=52.09, longitude=5.12, buurt=place.buurt_a)
    twins = f.HuishoudenFactory(adres=f.AdresFactory(postcode="3511 AB", huisnummer=50, buurt=place.buurt_a,
                                                      straat="Havenstraat"))
    for voornaam in ("Anna", "Bea"):
        f.PersoonFactory(huishouden=twins, voornamen=voornaam, achternaam="Jansen", geboortedatum=dt.date(1980, 1, 1))
    vries = f.HuishoudenFactory(adres=f.AdresFactory(postcode="3511 AB", huisnummer=52, buurt=place.buurt_a,
                                                     straat="Havenstraat"))
    f.PersoonFactory(huishouden=vries, achternaam="de Vries", geboortedatum=dt.date(1970, 2, 3))
    elders = f.HuishoudenFactory(adres=f.AdresFactory(postcode="3512 CD", huisnummer=9, buurt=place.buurt_b,
                                                      straat="Kerkstraat"))
    f.PersoonFactory(huishouden=elders, achternaam="Elders", bsn="123456782")
    with time_machine.travel(dt.datetime(2026, 8, 20, 9, 0, tzinfo=dt.UTC), tick=False):
        old = Upload.objects.create(bestandsnaam="augustus.csv", team=place.team_a)
        ingest_signal(signal_row(achternaam="Oud", huisnummer="60", ontstaansdatum="01-07-2026",
                                 signaaldatum="15-08-2026"), system=SYSTEM, bron=Bron.BESTAND, upload=old)


def rows():
    return [
        signal_row(bsn="111222333", achternaam="Nieuw", huisnummer="1"),                       # created
        signal_row(bsn="111222333", achternaam="Nieuw", huisnummer="1"),                       # repeat in file
        signal_row(bsn="111222333", achternaam="Nieuw", huisnummer="1", huur=True),            # joins the zaak
        signal_row(achternaam="jansen", geboortedatum="01-01-1980", huisnummer="50"),          # ambiguous
        signal_row(bsn="999999990", achternaam="De Vries", geboortedatum="03-02-1970", huisnummer="52"),  # gains BSN
        signal_row(achternaam="de vries", geboortedatum="03-02-1970", huisnummer="52", bedrag="99"),  # same person
        signal_row(bsn="100000009", achternaam="", geboortedatum="", huisnummer="54"),         # BSN only, unknown
        signal_row(bsn="123456782", achternaam="Elders", huisnummer="2", huisnummertoevoeging="a"),  # known elsewhere
        signal_row(achternaam="Buur", huisnummer="60", signaaldatum="10-11-2026"),             # opeenvolgend
        signal_row(achternaam="Later", geboortedatum="09-09-1999", huisnummer="3"),            # created ...
        signal_row(bsn="111222333", achternaam="Later", geboortedatum="09-09-1999", huisnummer="3", bedrag="75"),
        signal_row(bsn="100000010", achternaam="Later", geboortedatum="09-09-1999", huisnummer="3",  # gains BSN
                   zorgverzekeraar=True),
        signal_row(achternaam="Hoofd", huisnummer="4", huisnummertoevoeging="HS", crisis=True),
    ]


def key(adres):
    return (adres.postcode, adres.huisnummer, adres.huisletter, adres.huisnummertoevoeging) if adres else None


def person_key(person):
    return (key(person.huishouden.adres), person.achternaam, person.geboortedatum, person.bsn_hash) if person else None


def snapshot():
    adressen = [(key(a), a.straat, a.woonplaats, a.buurt_id) for a in Adres.objects.order_by("pk")]
    huishoudens = [(key(h.adres), h.sinds) for h in Huishouden.objects.select_related("adres").order_by("pk")]
    personen = [(key(p.huishouden.adres), p.voorletters, p.voornamen, p.tussenvoegsel, p.achternaam, p.geboortedatum,
                 p.bsn, p.bsn_hash, p.telefoon, p.email, p.aangemaakt, p.gewijzigd)
                for p in Persoon.objects.select_related("huishouden__adres").order_by("pk")]
    zaken = [(key(z.huishouden.adres), z.team_id, z.buurt_id, z.status, z.classificatie, z.crisis, z.ontvangen,
              z.aangemaakt, z.route, z.prioriteit)
             for z in Vroegsignaalzaak.objects.select_related("huishouden__adres").order_by("pk")]
    historie = [(key(h.zaak.huishouden.adres), h.van, h.naar, h.door_id, h.door_systeem, h.tijdstip)
                for h in ZaakStatusHistorie.objects.select_related("zaak__huishouden__adres").order_by("pk")]
    signalen = [(s.upload.bestandsnaam, s.upload_rij, s.soort, s.doel, s.partnertype, s.partnernaam, s.bedrag,
                 s.ontstaansdatum, s.signaaldatum, s.crisissignaal, s.warme_overdracht, s.status, s.classificatie,
                 person_key(s.persoon), key(s.huishouden.adres), key(s.adres), s.buurt_id,
                 key(s.zaak.huishouden.adres), s.bron, s.ontvangen, len(s.dedupe_key or ""))
                for s in Signaal.objects.select_related("persoon__huishouden__adres", "huishouden__adres", "adres",
                                                        "zaak__huishouden__adres", "upload").order_by("pk")]
    werklijst = [(i.signaal.upload_rij, sorted(person_key(p) for p in i.kandidaten.all()), i.aangeleverd,
                  i.bsn_hash, i.status)
                 for i in MatchWerklijstItem.objects.select_related("signaal").order_by("pk")]
    lidmaatschappen = [(person_key(m.persoon), key(m.huishouden.adres), m.vanaf, m.tot, m.door_id)
                       for m in HuishoudenLidmaatschap.objects.select_related("persoon__huishouden__adres",
                                                                              "huishouden__adres").order_by("pk")]
    return adressen, huishoudens, personen, zaken, historie, signalen, werklijst, lidmaatschappen


def clear():
    for model in (MatchWerklijstItem, Signaal, ZaakStatusHistorie, Vroegsignaalzaak, UploadFout, Upload, Persoon,
                  Huishouden, Adres, Postcode):
        model.objects.all().delete()


def bulk_ingest(place):
    upload = Upload.objects.create(bestandsnaam="november.csv", team=place.team_a)
    writer = SignalBulkIngest(upload, system=SYSTEM)
    for i, row in enumerate(rows()):
        writer.add(i + 2, row)
    return upload, writer.finish()


def test_bulk_rows_equal_single_path_rows(place):
    existing(place)
    with time_machine.travel(NOW, tick=False):
        upload = Upload.objects.create(bestandsnaam="november.csv", team=place.team_a)
        teams = teams_by_buurt()
        outcomes = [ingest_signal(row, system=SYSTEM, bron=Bron.BESTAND, upload=upload, upload_rij=i + 2, teams=teams)
                    .outcome for i, row in enumerate(rows())]
    single = snapshot()
    assert outcomes.count(Outcome.REPEAT) == 1

    clear()
    existing(place)
    with time_machine.travel(NOW, tick=False):
        upload, counts = bulk_ingest(place)
    bulk = snapshot()

    assert (counts.nieuw, counts.herhaald, counts.werklijst) == (len(rows()) - 1, 1, 2)
    for name, a, b in zip(("adressen", "huishoudens", "personen", "zaken", "historie", "signalen", "werklijst",
                           "lidmaatschappen"), single, bulk, strict=True):
        assert a == b, name
    # The scenario really exercised what it names.
    signalen = {s.upload_rij: s for s in Signaal.objects.filter(upload=upload)}
    assert signalen[10].classificatie == "opeenvolgend"
    assert signalen[2].classificatie == signalen[4].classificatie == "meervoudig"
    assert Persoon.objects.get(achternaam="de Vries").bsn == "999999990"
    assert Persoon.objects.get(achternaam="Later").bsn == "100000010"
    # Every person an ingest created (this file's four, August's one) is a member of their household from that
    # moment; the persons made by factories in `_existing` bypassed the write path.
    created = Persoon.objects.filter(aangemaakt__gt=dt.datetime(2026, 8, 1, 9, 0, tzinfo=dt.UTC))
    assert created.filter(aangemaakt=NOW).count() == 4
    assert sorted(HuishoudenLidmaatschap.objects.values_list("persoon", "huishouden", "vanaf", "tot")) == sorted(
        (p.pk, p.huishouden_id, p.aangemaakt, None) for p in created)


def test_a_signal_from_the_file_is_a_repeat_through_the_single_path(place):
    existing(place)
    with time_machine.travel(NOW, tick=False):
        bulk_ingest(place)
        before = Signaal.objects.count()
        again = [ingest_signal(row, system="api").outcome for row in rows()]
    assert set(again) == {Outcome.REPEAT}
    assert Signaal.objects.count() == before
