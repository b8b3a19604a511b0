# SPDX-License-Identifier: EUPL-1.2
"""The intake queue: a team's open requests, urgent first, then by deadline (overdue before in time); filters;
the central queue for teamleiders only; no names or free text on the list; a bounded number of queries."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.hulpvragen.models import HulpvraagStatus

pytestmark = pytest.mark.django_db
URL = reverse("hulpvragen:queue")


def _order(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'href="/werk/hulpvragen/(\d+)/"', html)]


def test_urgent_first_then_overdue_then_by_deadline(place: Any, users: Any, client_for: Any,
                                                    frozen_time: Any) -> None:
    today = timezone.localdate()
    # A surname no generated staff name can contain (the page names the logged-in worker).
    later = HulpvraagFactory(team=place.team_a, reactie_uiterlijk=today + dt.timedelta(days=3),
                             persoon__achternaam="Zwaluwstaart")
    overdue = HulpvraagFactory(team=place.team_a, reactie_uiterlijk=today - dt.timedelta(days=2))
    urgent = HulpvraagFactory(team=place.team_a, urgent=True, reactie_uiterlijk=today + dt.timedelta(days=1))
    soon = HulpvraagFactory(team=place.team_a, reactie_uiterlijk=today)
    closed = HulpvraagFactory(team=place.team_a, status=HulpvraagStatus.AFGESLOTEN)
    other_team = HulpvraagFactory(team=place.team_b)
    central = HulpvraagFactory(centraal=True)
    html = client_for(users.medewerker).get(URL).content.decode()
    assert _order(html) == [urgent.pk, overdue.pk, soon.pk, later.pk]
    assert "te laat" in html
    # Data minimisation: the queue shows ids and facts, never names or the resident's words.
    assert escape(later.persoon.achternaam) not in html and "huurachterstand" not in html
    assert closed.pk not in _order(html) and other_team.pk not in _order(html) and central.pk not in _order(html)
    # Filters: all statuses; only overdue.
    assert closed.pk in _order(client_for(users.medewerker).get(URL, {"status": "alle"}).content.decode())
    assert _order(client_for(users.medewerker).get(URL, {"alleen_te_laat": "on"}).content.decode()) == [overdue.pk]


def test_the_central_queue_is_offered_to_teamleiders(place: Any, users: Any, client_for: Any) -> None:
    central = HulpvraagFactory(centraal=True)
    html = client_for(users.teamleider).get(URL, {"wachtrij": "centraal"}).content.decode()
    assert _order(html) == [central.pk]
    # A medewerker has no such queue: asking for it shows their own team's.
    html = client_for(users.medewerker).get(URL, {"wachtrij": "centraal"}).content.decode()
    assert central.pk not in _order(html)


def test_mine_and_unassigned(place: Any, users: Any, client_for: Any) -> None:
    mine = HulpvraagFactory(team=place.team_a, behandelaar=users.medewerker)
    nobody = HulpvraagFactory(team=place.team_a)
    client = client_for(users.medewerker)
    assert _order(client.get(URL, {"behandelaar": "mij"}).content.decode()) == [mine.pk]
    assert _order(client.get(URL, {"behandelaar": "niemand"}).content.decode()) == [nobody.pk]


def test_the_number_of_queries_does_not_grow_with_the_queue(place: Any, users: Any, client_for: Any,
                                                             django_assert_max_num_queries: Any) -> None:
    client = client_for(users.medewerker)
    HulpvraagFactory.create_batch(3, team=place.team_a, behandelaar=users.teamleider)
    with django_assert_max_num_queries(12) as few:
        client.get(URL)
    HulpvraagFactory.create_batch(30, team=place.team_a, behandelaar=users.teamleider)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get(URL)
    assert len(_order(response.content.decode())) == 25  # one page
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.parametrize("role", ["partner", "analist", "privacy", "beheerder"])
def test_only_wijkteam_workers_have_a_queue(place: Any, users: Any, client_for: Any, role: str) -> None:
    assert client_for(getattr(users, role)).get(URL).status_code == 403


def test_anonymous_goes_to_login(place: Any, client_for: Any) -> None:
    response = client_for(None).get(URL)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
