# SPDX-License-Identifier: EUPL-1.2
"""My cases, the team board, the caseload page, the redistribution screen and the handover summary run a
bounded number of queries however many cases, tasks and contacts there are (issue 19 item 8)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_casussen as fc
from wijkteam.casussen.models import CasusStatus, Gewicht

pytestmark = pytest.mark.django_db

STATUSES = [CasusStatus.AANGEMELD, CasusStatus.INTAKE, CasusStatus.PLAN, CasusStatus.UITVOERING,
            CasusStatus.AFRONDING]


def _cases(place: Any, regisseur: Any, n: int, coworker: Any = None) -> list[Any]:
    cases = []
    for i in range(n):
        casus = fc.CasusFactory(team=place.team_a, regisseur=regisseur, status=STATUSES[i % 5],
                                gewicht=[Gewicht.LICHT, Gewicht.MIDDEL, Gewicht.ZWAAR, ""][i % 4],
                                huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a),
                                medewerkers=[coworker] if coworker else [])
        fc.TaakFactory(casus=casus, te_laat=True)
        fc.ContactmomentFactory(casus=casus)
        fc.PlanDoelFactory(plan=casus.plan)
        f.PersoonFactory(huishouden=casus.huishouden)
        cases.append(casus)
    return cases


@pytest.mark.parametrize(("name", "ceiling"), [("mijn_casussen", 12), ("teambord", 18), ("belasting", 16)])
def test_lists_do_not_grow_with_the_caseload(place: Any, users: Any, client_for: Any,
                                             django_assert_max_num_queries: Any, name: str, ceiling: int) -> None:
    user = users.teamleider if name == "belasting" else users.medewerker
    _cases(place, users.medewerker, 3)
    client = client_for(user)
    client.get(reverse(f"casussen:{name}"))  # warm the session
    with django_assert_max_num_queries(ceiling) as small:
        assert client.get(reverse(f"casussen:{name}")).status_code == 200
    _cases(place, users.medewerker, 30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse(f"casussen:{name}")).status_code == 200


def test_redistribution_screen_and_summary_do_not_grow(place: Any, users: Any, client_for: Any,
                                                       django_assert_max_num_queries: Any) -> None:
    leaver = f.UserFactory(username="weg", medewerker=True, teams=[place.team_a])
    small_set = _cases(place, leaver, 2)
    afwezigheid = fc.AfwezigheidFactory(medewerker=leaver, team=place.team_a)
    client = client_for(users.teamleider)
    url = reverse("casussen:herverdeling", args=[afwezigheid.pk])
    client.get(url)
    with django_assert_max_num_queries(45) as small:
        assert client.get(url).status_code == 200
    _cases(place, leaver, 20)
    # One audited READ per case shown is the only growth: 20 more cases, 20 more INSERTs.
    with django_assert_max_num_queries(len(small.captured_queries) + 20):
        assert client.get(url).status_code == 200
    summary = reverse("casussen:overdracht", args=[small_set[0].pk])
    client.get(summary)
    with django_assert_max_num_queries(30):
        assert client.get(summary).status_code == 200
