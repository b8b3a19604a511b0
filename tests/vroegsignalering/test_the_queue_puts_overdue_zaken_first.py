# SPDX-License-Identifier: EUPL-1.2
"""The team's outreach queue: overdue zaken first, then crisis, then priority, then the oldest; filters for
mine / unassigned / buurt; each household shown is an audited read; a bounded number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests import factories as f
from tests.factories_vroegsignalering import SignaalFactory, VroegsignaalzaakFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.models import ZaakStatus

pytestmark = pytest.mark.django_db

QUEUE = reverse("vroegsignalering:outreach_queue")
TODAY = dt.date(2026, 11, 25)  # frozen_time


def zaak(place, naam, *, buurt=None, ontvangen=dt.date(2026, 11, 20), termijn=dt.date(2026, 11, 27), **fields):
    household = f.HuishoudenFactory(adres__buurt=buurt or place.buurt_a)
    person = f.PersoonFactory(huishouden=household, achternaam=naam)
    item = VroegsignaalzaakFactory(huishouden=household, team=place.team_a, ontvangen=ontvangen,
                                   termijn_eerste_contact=termijn, termijn_afsluiten=dt.date(2027, 1, 20), **fields)
    SignaalFactory(persoon=person, zaak=item)
    return item


def order_in(page: str, names: list[str]) -> list[str]:
    table = page[page.index('id="wachtrij"'):]
    return sorted(names, key=table.index)


def test_overdue_then_crisis_then_priority_then_oldest(place, users, client_for, frozen_time):
    zaak(place, "Hoog", prioriteit=300, prioriteit_uitleg="3 soorten schuldeisers.")
    zaak(place, "Laat", termijn=dt.date(2026, 11, 24), prioriteit=10)          # first contact overdue
    zaak(place, "Crisis", crisis=True, prioriteit=1040, prioriteit_uitleg="Crisissignaal: dreigende ontruiming.")
    zaak(place, "Vroeg", prioriteit=300, ontvangen=dt.date(2026, 11, 2))
    zaak(place, "Gesloten", status=ZaakStatus.GESLOTEN, termijn=dt.date(2026, 11, 1))
    zaak(place, "Anderteam", buurt=place.buurt_b)
    contacted = zaak(place, "Gebeld", termijn=dt.date(2026, 11, 24), eerste_contactpoging=dt.date(2026, 11, 23))

    page = client_for(users.medewerker).get(QUEUE).content.decode()
    expected = ["Laat", "Crisis", "Vroeg", "Hoog", "Gebeld"]
    assert order_in(page, ["Hoog", "Laat", "Crisis", "Vroeg", "Gebeld"]) == expected
    assert "Te laat: eerste contact" in page and page.count("Te laat: eerste contact") == 1  # Gebeld made contact
    assert "Crisissignaal: dreigende ontruiming." in page
    assert "Gesloten" not in page and "Anderteam" not in page
    assert reverse("vroegsignalering:zaak_detail", args=[contacted.pk]) in page
    # Each household shown is a read in its trail.
    assert AuditEvent.objects.filter(action=Action.READ, user_id=users.medewerker.pk,
                                     household_id=contacted.huishouden_id).exists()


def test_filters_mine_unassigned_and_buurt(place, users, client_for, frozen_time):
    other_buurt = f.BuurtFactory(wijk=place.wijk_a, naam="Nieuwe Haven")
    zaak(place, "Eigen", toegewezen_aan=users.medewerker)
    zaak(place, "Vrij")
    zaak(place, "Elders", buurt=other_buurt)
    client = client_for(users.medewerker)
    mine = client.get(QUEUE, {"toon": "mijn"}).content.decode()
    assert "Eigen" in mine and "Vrij" not in mine
    free = client.get(QUEUE, {"toon": "vrij"}).content.decode()
    assert "Vrij" in free and "Elders" in free and "Eigen" not in free
    buurt = client.get(QUEUE, {"buurt": other_buurt.pk}).content.decode()
    assert "Elders" in buurt and "Vrij" not in buurt


def test_the_queue_runs_a_bounded_number_of_queries(place, users, client_for, frozen_time,
                                                    django_assert_max_num_queries):
    client = client_for(users.teamleider)
    for i in range(3):
        zaak(place, f"Klein{i}")
    client.get(QUEUE)
    for i in range(40):  # more than a page
        zaak(place, f"Groot{i}")
    # Session, user, OTP, teams, buurten, workers, count, page, names; one audit row per zaak and per person
    # shown (25 per page each).
    with django_assert_max_num_queries(15 + 2 * 25):
        response = client.get(QUEUE)
    assert response.status_code == 200
    assert response.content.decode().count('name="aan"') == 25


def test_who_may_see_the_queue(place, users, client_for, frozen_time):
    zaak(place, "Smit")
    assert "Smit" in client_for(users.teamleider).get(QUEUE).content.decode()
    # Another team's medewerker gets their own team's queue, without team A's households.
    other = client_for(users.medewerker_b).get(QUEUE)
    assert other.status_code == 200 and "Smit" not in other.content.decode()
    for user in (users.partner, users.analist, users.privacy, users.beheerder):
        assert client_for(user).get(QUEUE).status_code == 403
        assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).exists()
    response = client_for(None).get(QUEUE)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
