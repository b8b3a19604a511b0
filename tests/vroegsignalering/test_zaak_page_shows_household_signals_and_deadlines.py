# SPDX-License-Identifier: EUPL-1.2
"""The zaak page shows what the worker needs to reach the household: its members, the signals (partner type,
partner, amount, dates, crisis, warme overdracht), the priority in words, the deadlines with "te laat", who
it is assigned to, the status history and the contact attempts. Concern signals are shown to the team only.
Every person and signal shown is an audited read, and the page runs a bounded number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories_vroegsignalering import ContactpogingFactory, SignaalFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering import handoff
from wijkteam.vroegsignalering.models import Route
from wijkteam.vroegsignalering.services import record_zorgsignaal

from .zaken_support import zaak_world

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_zaak(place, users, client_for, frozen_time):
    world = zaak_world(place, prioriteit=1160, prioriteit_uitleg="Crisissignaal: dreigende ontruiming.\n"
                       "Huurachterstand van € 1.234.", termijn_eerste_contact=dt.date(2026, 11, 6),
                       termijn_afsluiten=dt.date(2027, 1, 2), toegewezen_aan=users.medewerker)
    ContactpogingFactory(zaak=world.zaak, notitie="Niet thuis, kaartje achtergelaten.", door=users.teamleider)
    zorg = record_zorgsignaal(world.zaak.huishouden, bron="school", zorg="Kind komt zonder ontbijt.",
                              by=users.teamleider)
    page = client_for(users.medewerker).get(reverse("vroegsignalering:zaak_detail", args=[world.zaak.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    for text in ("Havenstraat 12", "Jan de Vries", "Els Bakker", "Huur", "Woonstichting Haven", "€ 1234",
                 "1-10-2026", "5-11-2026", "Crisis", "Warme overdracht", "Dreigende ontruiming".lower(),
                 "Huurachterstand van € 1.234.", "Te laat", "6 november 2026", "Niet thuis, kaartje achtergelaten.",
                 "Kind komt zonder ontbijt.", "Zorgsignalen (alleen voor het team)"):
        assert text in html, text
    assert users.medewerker.get_full_name() in html  # assigned to

    zaak = world.zaak
    for person in (world.jan, world.els):
        assert AuditEvent.objects.filter(action=Action.READ, person_id=person.pk, user_id=users.medewerker.pk).exists()
    for signaal in (world.signaal, zorg):
        assert AuditEvent.objects.filter(action=Action.READ, object_type="vroegsignalering.signaal",
                                         object_id=str(signaal.pk), household_id=zaak.huishouden_id).exists()


def test_a_regisseur_outside_the_team_sees_the_zaak_but_not_the_concerns(place, users, client_for):
    # Assigned to the other team's medewerker (routing to a regisseur, item 6): the zaak yes, concerns no.
    world = zaak_world(place, toegewezen_aan=users.medewerker_b)
    record_zorgsignaal(world.zaak.huishouden, bron="huisarts", zorg="Slaapt slecht door zorgen.",
                       by=users.teamleider)
    html = client_for(users.medewerker_b).get(reverse("vroegsignalering:zaak_detail", args=[world.zaak.pk])
                                              ).content.decode()
    assert "Woonstichting Haven" in html
    assert "Slaapt slecht" not in html and "Zorgsignalen" not in html


def test_the_number_of_queries_does_not_grow_with_the_signals(place, users, client_for, django_assert_max_num_queries):
    world = zaak_world(place)
    client = client_for(users.medewerker)
    url = reverse("vroegsignalering:zaak_detail", args=[world.zaak.pk])
    client.get(url)  # warm the session and the permission caches
    for _ in range(10):
        SignaalFactory(persoon=world.els, zaak=world.zaak, partnertype="Energie")
        ContactpogingFactory(zaak=world.zaak)
    # Measured: 17 queries with one signal, 27 with eleven. Ten SELECTs whatever the size; each person and
    # signal shown is one audit INSERT (a zaak holds a handful), and nothing else grows with the zaak.
    with django_assert_max_num_queries(27):
        assert client.get(url).status_code == 200


def test_a_zaak_routed_to_a_regisseur_links_to_the_case(place, users, client_for):
    world = zaak_world(place, route=Route.REGISSEUR)
    household_id = world.zaak.huishouden_id
    before = handoff.open_case_lookup()  # casussen's own lookup: put back afterwards
    handoff.register_open_case_lookup(
        lambda ids: {household_id: handoff.CaseRef(case_id=77, regisseur_id=None, url="/werk/casussen/77/")})
    try:
        html = client_for(users.medewerker).get(reverse("vroegsignalering:zaak_detail", args=[world.zaak.pk])
                                                ).content.decode()
    finally:
        handoff.register_open_case_lookup(before)
    assert 'href="/werk/casussen/77/"' in html
