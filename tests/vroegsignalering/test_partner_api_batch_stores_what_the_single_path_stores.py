# SPDX-License-Identifier: EUPL-1.2
"""The partner API's batch is stored by the bulk write path without an upload (`batch.bulk.ingest_rows`): the
same addresses, households, persons (and their household memberships), zaken, signals and worklist as the single
path (`ingest_signal`) row for row, the organisation on every signal, and an audit row for every household,
person and signal written."""

from __future__ import annotations

import pytest
import time_machine

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.huishoudens.models import Adres, Huishouden, HuishoudenLidmaatschap, Persoon
from wijkteam.vroegsignalering.batch.bulk import ingest_rows
from wijkteam.vroegsignalering.models import Bron, MatchWerklijstItem, Signaal, Vroegsignaalzaak, ZaakStatusHistorie
from wijkteam.vroegsignalering.services import Outcome, ingest_signal, teams_by_buurt

from .test_bulk_ingest_equals_the_single_path import NOW, clear, existing, key, person_key, rows

pytestmark = pytest.mark.django_db

SYSTEM = "api-token:abc123"


def households():
    adressen = [(key(a), a.straat, a.woonplaats, a.buurt_id) for a in Adres.objects.order_by("pk")]
    huishoudens = [(key(h.adres), h.sinds) for h in Huishouden.objects.select_related("adres").order_by("pk")]
    personen = [(key(p.huishouden.adres), p.voorletters, p.achternaam, p.geboortedatum, p.bsn, p.bsn_hash,
                 p.aangemaakt, p.gewijzigd) for p in Persoon.objects.select_related("huishouden__adres").order_by("pk")]
    zaken = [(key(z.huishouden.adres), z.team_id, z.status, z.classificatie, z.crisis, z.prioriteit,
              z.prioriteit_uitleg, z.termijn_eerste_contact, z.route, z.toegewezen_aan_id)
             for z in Vroegsignaalzaak.objects.select_related("huishouden__adres").order_by("pk")]
    historie = [(key(h.zaak.huishouden.adres), h.van, h.naar, h.door_systeem, h.tijdstip)
                for h in ZaakStatusHistorie.objects.select_related("zaak__huishouden__adres").order_by("pk")]
    lidmaatschappen = [(person_key(m.persoon), key(m.huishouden.adres), m.vanaf, m.tot, m.door_id)
                       for m in HuishoudenLidmaatschap.objects.select_related("persoon__huishouden__adres",
                                                                              "huishouden__adres").order_by("pk")]
    return adressen, huishoudens, personen, zaken, historie, lidmaatschappen


def signals():
    return [(s.upload_id, s.upload_rij, s.organisatie_id, s.soort, s.doel, s.partnertype, s.partnernaam, s.bedrag,
             s.ontstaansdatum, s.signaaldatum, s.crisissignaal, s.warme_overdracht, s.status, s.classificatie,
             person_key(s.persoon), key(s.huishouden.adres), key(s.adres), s.buurt_id, key(s.zaak.huishouden.adres),
             s.bron, s.ontvangen, len(s.dedupe_key or ""))  # the key names person ids, which differ per run
            for s in Signaal.objects.filter(bron=Bron.API).select_related(
                "persoon__huishouden__adres", "huishouden__adres", "adres", "zaak__huishouden__adres").order_by("pk")]


def worklist():
    return [(sorted(person_key(p) for p in i.kandidaten.all()), i.aangeleverd, i.bsn_hash)
            for i in MatchWerklijstItem.objects.order_by("pk")]


def audit(after: int = 0):
    """The token's audit rows written after id `after`: (action, object type, with person, with household)."""
    return sorted((e.action, e.object_type, e.person_id is not None, e.household_id is not None)
                  for e in AuditEvent.objects.filter(username=SYSTEM, pk__gt=after))


def test_api_rows_are_stored_as_the_single_path_stores_them(place):
    organisatie = f.OrganisatieFactory()
    existing(place)
    with time_machine.travel(NOW, tick=False):
        teams = teams_by_buurt()
        single_outcomes = [ingest_signal(row, system=SYSTEM, bron=Bron.API, organisatie_id=organisatie.pk,
                                         teams=teams).outcome for row in rows()]
    single = (*households(), signals(), worklist(), audit())

    clear()  # audit rows are append-only: those of the second run are the ones after this id
    last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    existing(place)
    with time_machine.travel(NOW, tick=False):
        outcomes = ingest_rows(rows(), system=SYSTEM, organisatie_id=organisatie.pk)
    bulk = (*households(), signals(), worklist(), audit(last))

    assert [Outcome.NEW if o.signaal_id else Outcome.REPEAT for o in outcomes] == single_outcomes
    names = ("adressen", "huishoudens", "personen", "zaken", "historie", "lidmaatschappen", "signalen", "werklijst",
             "audit")
    for name, a, b in zip(names, single, bulk, strict=True):
        assert a == b, name
    assert ((Action.CREATE, "vroegsignalering.signaal", True, True) in bulk[8]
            and (Action.CREATE, "huishoudens.persoon", True, True) in bulk[8])
    assert len(bulk[5]) == 5  # August's person and the four this batch created
    stored = dict(Signaal.objects.filter(bron=Bron.API).values_list("pk", "organisatie_id"))
    assert {o.signaal_id for o in outcomes if o.signaal_id} == set(stored)
    assert set(stored.values()) == {organisatie.pk}
    assert sum(o.on_worklist for o in outcomes) == MatchWerklijstItem.objects.count() == 2
