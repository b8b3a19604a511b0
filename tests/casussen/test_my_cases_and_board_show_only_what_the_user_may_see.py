# SPDX-License-Identifier: EUPL-1.2
""""Mijn casussen" lists the worker's open cases as regisseur and as co-worker, with open and late tasks; the team
board shows, per status, only the cases the user needs to know (the team lead all of the team's), with the
team's counts per column; no names or addresses on either list (issue 19 item 4)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_casussen as fc
from tests.casussen.support import case_world
from wijkteam.casussen.continuiteit import views
from wijkteam.casussen.models import CasusStatus

pytestmark = pytest.mark.django_db


def _link(pk: int) -> str:
    return f'href="{reverse("casussen:casus_detail", args=[pk])}"'


def test_my_cases_as_regisseur_and_co_worker(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    world = case_world(place, users)  # users.medewerker regisseur, world.coworker co-worker
    fc.TaakFactory(casus=world.casus, te_laat=True)
    fc.TaakFactory(casus=world.casus)
    other = fc.CasusFactory(team=place.team_a, regisseur=world.outsider,
                            huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a))
    closed = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, afgesloten=True,
                             huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a))
    html = client_for(users.medewerker).get(reverse("casussen:mijn_casussen")).content.decode()
    assert _link(world.casus.pk) in html and "regisseur" in html and "1 te laat" in html
    assert _link(other.pk) not in html and _link(closed.pk) not in html
    assert "Samira" not in html and "Bakker" not in html  # no names on a list
    co = client_for(world.coworker).get(reverse("casussen:mijn_casussen")).content.decode()
    assert _link(world.casus.pk) in co and "medewerker" in co
    assert _link(world.casus.pk) not in client_for(world.outsider).get(
        reverse("casussen:mijn_casussen")).content.decode()


def test_the_board_shows_each_user_what_they_need_to_know(place: Any, users: Any, client_for: Any) -> None:
    world = case_world(place, users, status=CasusStatus.PLAN)
    others = {status: fc.CasusFactory(team=place.team_a, regisseur=world.outsider, status=status,
                                      huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a))
              for status in (CasusStatus.AANGEMELD, CasusStatus.INTAKE, CasusStatus.UITVOERING,
                             CasusStatus.AFRONDING)}
    team_b = fc.CasusFactory(team=place.team_b, regisseur=users.medewerker_b,
                             huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_b))
    lead = client_for(users.teamleider).get(reverse("casussen:teambord")).content.decode()
    for casus in [world.casus, *others.values()]:
        assert _link(casus.pk) in lead
    assert _link(team_b.pk) not in lead
    for status in ("Aangemeld", "Intake", "Plan maken", "Uitvoering", "Afronding"):
        assert status in lead
    worker = client_for(users.medewerker).get(reverse("casussen:teambord")).content.decode()
    assert _link(world.casus.pk) in worker
    for casus in others.values():
        assert _link(casus.pk) not in worker
    assert "Samira" not in worker
    # The column counts are the team's: the worker sees one case under "Uitvoering" counted but not shown.
    uitvoering = worker[worker.index('id="kolom-uitvoering"'):]
    assert '<span class="utrecht-badge-counter">1</span>' in uitvoering[:200]
    assert client_for(users.medewerker_b).get(reverse("casussen:teambord")).content.decode().count(
        _link(team_b.pk)) == 1


def test_each_column_shows_its_oldest_cards(place: Any, users: Any, client_for: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(views, "CARDS_PER_COLUMN", 2)
    today = dt.date(2026, 11, 1)
    cases = [fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, status=CasusStatus.PLAN,
                             geopend=today - dt.timedelta(days=i), huishouden__adres__buurt=place.buurt_a)
             for i in range(4)]
    html = client_for(users.teamleider).get(reverse("casussen:teambord")).content.decode()
    assert _link(cases[3].pk) in html and _link(cases[2].pk) in html  # the two oldest
    assert _link(cases[1].pk) not in html and _link(cases[0].pk) not in html
    plan = html[html.index('id="kolom-plan"'):]
    assert '<span class="utrecht-badge-counter">4</span>' in plan[:200]  # counted, though not all shown
