# SPDX-License-Identifier: EUPL-1.2
"""The case page runs a bounded number of queries however long the case has run (issue 19 item 8): a case
with 60 contacts, tasks, goals, actions and people and 12 handovers costs no more queries than one with 2."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_casussen as fc
from wijkteam.casussen import services
from wijkteam.casussen.models import Casus

pytestmark = pytest.mark.django_db

CEILING = 35  # 29 measured: session, user, case, members (+ their audit rows), plan, tasks, timeline


def _case(place: Any, users: Any, n: int) -> Casus:
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker,
                            huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a))
    f.PersoonFactory.create_batch(2, huishouden=casus.huishouden)  # same members: each is an audited read
    for i in range(n):
        fc.ContactmomentFactory(casus=casus, datum=dt.date(2026, 10, 1) + dt.timedelta(days=i % 50))
        fc.TaakFactory(casus=casus, titel=f"Taak {i}")
        fc.PlanDoelFactory(plan=casus.plan, doel=f"Doel {i}")
        fc.PlanActieFactory(plan=casus.plan, wat=f"Actie {i}")
        fc.BetrokkeneFactory(plan=casus.plan)
    for i in range(n // 5):
        services.set_regisseur(casus, to=users.teamleider if i % 2 == 0 else users.medewerker,
                               by=users.teamleider, reason=f"wissel {i}")
    return casus


def test_case_page_queries_do_not_grow_with_the_case(place: Any, users: Any, client_for: Any,
                                                     django_assert_max_num_queries: Any) -> None:
    small, large = _case(place, users, 2), _case(place, users, 60)
    client = client_for(users.teamleider)
    client.get(reverse("casussen:casus_detail", args=[small.pk]))  # the session's first request warmed
    with django_assert_max_num_queries(CEILING) as small_run:
        assert client.get(reverse("casussen:casus_detail", args=[small.pk])).status_code == 200
    with django_assert_max_num_queries(len(small_run.captured_queries)):
        assert client.get(reverse("casussen:casus_detail", args=[large.pk])).status_code == 200
