# SPDX-License-Identifier: EUPL-1.2
"""Routing: a new zaak goes to the worker of the first rule of its team matching its buurt (or a catch-all
rule; none: the team pool); a household with an open case goes to its regisseur (through the hook casussen
registers); a zaak outside every team's wijk stays unassigned. Each automatic assignment is in the history."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from tests import factories as f
from tests.factories_vroegsignalering import signal_row
from tests.vroegsignalering.support import place_postcode
from wijkteam.gebieden.models import Postcode
from wijkteam.vroegsignalering import handoff
from wijkteam.vroegsignalering.models import Route, RoutingRegel, Vroegsignaalzaak, ZaakToewijzing
from wijkteam.vroegsignalering.services import ingest_signal

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def ingest(**row):
    with time_machine.travel(NOW, tick=False):
        return ingest_signal(signal_row(**row), system="t").signaal.zaak


def test_the_first_matching_rule_assigns(place, users):
    place_postcode(place)  # 3511 AB lies in buurt A
    other = f.UserFactory(medewerker=True, teams=[place.team_a])
    RoutingRegel.objects.create(team=place.team_a, volgorde=1, buurt=place.buurt_b, medewerker=users.medewerker_b)
    RoutingRegel.objects.create(team=place.team_a, volgorde=2, buurt=place.buurt_a, medewerker=users.medewerker)
    RoutingRegel.objects.create(team=place.team_a, volgorde=3, buurt=place.buurt_a, medewerker=other)
    zaak = ingest(achternaam="Smit", huisnummer="5")
    zaak.refresh_from_db()
    assert zaak.toegewezen_aan == users.medewerker
    assert list(ZaakToewijzing.objects.filter(zaak=zaak).values_list("van", "naar", "door_systeem")) == [
        (None, users.medewerker.pk, "routering")]
    # A second signal joining the zaak does not route it again.
    RoutingRegel.objects.filter(volgorde=2).delete()
    ingest(achternaam="Smit", huisnummer="5", huur=True)
    zaak.refresh_from_db()
    assert zaak.toegewezen_aan == users.medewerker
    assert ZaakToewijzing.objects.filter(zaak=zaak).count() == 1


def test_a_catch_all_rule_and_the_pool(place, users):
    place_postcode(place)
    assert ingest(achternaam="Pool", huisnummer="1").toegewezen_aan is None  # no rules: the team pool
    RoutingRegel.objects.create(team=place.team_a, volgorde=1, buurt=None, medewerker=users.teamleider)
    zaak = ingest(achternaam="Smit", huisnummer="5")
    zaak.refresh_from_db()
    assert zaak.toegewezen_aan == users.teamleider


def test_outside_every_wijk_stays_central_and_unassigned(place, users):
    Postcode.objects.create(pc6="9999 ZZ", latitude=53.0, longitude=6.0, buurt=None)
    RoutingRegel.objects.create(team=place.team_a, volgorde=1, buurt=None, medewerker=users.medewerker)
    zaak = ingest(achternaam="Ver", postcode="9999 ZZ", huisnummer="1")
    zaak.refresh_from_db()
    assert zaak.team is None and zaak.toegewezen_aan is None


@pytest.fixture
def open_case_lookup():
    calls = []

    def lookup(household_ids):
        calls.append(list(household_ids))
        return {pk: handoff.CaseRef(case_id=77, regisseur_id=REGISSEUR[0], url="/werk/casussen/77/")
                for pk in household_ids if pk in WITH_CASE}

    before = handoff.open_case_lookup()  # casussen's own: put back, other tests route through it
    handoff.register_open_case_lookup(lookup)
    yield calls
    handoff.register_open_case_lookup(before)


REGISSEUR: list[int] = [0]
WITH_CASE: set[int] = set()


def test_a_household_with_an_open_case_goes_to_its_regisseur(place, users, open_case_lookup):
    place_postcode(place)
    RoutingRegel.objects.create(team=place.team_a, volgorde=1, buurt=None, medewerker=users.medewerker)
    regisseur = f.UserFactory(medewerker=True, teams=[place.team_b])
    REGISSEUR[0] = regisseur.pk
    household = f.HuishoudenFactory(adres=f.AdresFactory(postcode="3511 AB", huisnummer=5, buurt=place.buurt_a))
    WITH_CASE.clear()
    WITH_CASE.add(household.pk)
    zaak = ingest(achternaam="Smit", huisnummer="5")
    zaak.refresh_from_db()
    assert zaak.huishouden == household
    assert (zaak.route, zaak.toegewezen_aan) == (Route.REGISSEUR, regisseur)
    assert list(ZaakToewijzing.objects.filter(zaak=zaak).order_by("pk").values_list("naar", "door_systeem")) == [
        (users.medewerker.pk, "routering"), (regisseur.pk, "regisseur-lopende-casus")]
    assert [household.pk] in open_case_lookup
    # A household without a case follows the rules.
    other = ingest(achternaam="Bos", huisnummer="7")
    other.refresh_from_db()
    assert (other.route, other.toegewezen_aan) == (Route.OUTREACH, users.medewerker)
    assert Vroegsignaalzaak.objects.count() == 2
