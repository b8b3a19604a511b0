# SPDX-License-Identifier: EUPL-1.2
"""Casussen's published reads for monitoring count handovers per month by cause, changes of hands per open case
and open cases whose regisseur is absent or gone (issue 19 item 5: handovers are counted)."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests import factories_casussen as fc
from tests.casussen.continuiteit_support import leaving_team
from wijkteam.casussen import reads
from wijkteam.casussen import services as casus_services
from wijkteam.casussen.continuiteit import services

pytestmark = pytest.mark.django_db


def test_handovers_per_month_by_cause(place: Any, users: Any, frozen_time: Any) -> None:
    team = leaving_team(place)
    afwezigheid = fc.AfwezigheidFactory(medewerker=team.leaver, team=place.team_a, vertrek=True)
    assert reads.cases_without_working_regisseur(place.team_a) == len(team.cases)
    proposal = services.propose_redistribution(afwezigheid)
    services.apply_redistribution(afwezigheid, {r.casus.pk: r.naar for r in proposal.regels},
                                  shown_case_ids=proposal.case_ids, by=users.teamleider)
    first = team.cases[0]
    first.refresh_from_db()
    with time_machine.travel("2026-12-02 10:00 +01:00", tick=False):
        assert casus_services.set_regisseur(first, to=team.ben if first.regisseur != team.ben else team.cor,
                                            by=users.teamleider, reason="wens van de bewoner")
    months = reads.handovers_per_month(place.team_a, 2026)
    assert len(months) == 12
    november, december = months[10], months[11]
    assert (november.total, november.vertrek, november.afwezigheid, november.other) == (len(team.cases),
                                                                                        len(team.cases), 0, 0)
    assert (december.total, december.other) == (1, 1)
    assert sum(m.total for m in months[:10]) == 0
    per_case = reads.handovers_per_case(place.team_a)
    assert per_case["2"] == 1 and per_case["1"] == len(team.cases) - 1 and per_case["0"] == 3  # 3 colleagues' own
    assert reads.cases_without_working_regisseur(place.team_a) == 0
    assert reads.handovers_per_month(place.team_b, 2026)[10].total == 0


def test_caseload_per_fte_for_monitoring(place: Any, users: Any) -> None:
    leaving_team(place)
    figures = reads.caseload_per_fte(place.team_a)
    # 3 colleagues x medium (2) + leaver 3 heavy, 2 medium, 4 light = 6 + 9 + 4 + 4 = 23 points over 5 medewerkers
    assert figures.punten == 23 and figures.fte == 5 and figures.norm == 40 and figures.boven_norm == 0
