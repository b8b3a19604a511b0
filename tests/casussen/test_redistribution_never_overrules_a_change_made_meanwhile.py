# SPDX-License-Identifier: EUPL-1.2
"""Applying a redistribution hands over only cases that still have the absent worker as regisseur: a team lead
who gave one of them to someone else meanwhile (between the proposal's read and the handover) is not overruled —
the whole redistribution is refused as changed and nothing is written. And a departure takes the leaver off the
co-workers of the team's cases without checking the other co-workers again (one who left the team earlier used
to block the whole redistribution with an unrelated message)."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories as f
from tests import factories_casussen as fc
from tests.casussen.continuiteit_support import leaving_team
from wijkteam.casussen.continuiteit import services
from wijkteam.casussen.models import Casus, Overdracht, RegisseurHistorie

pytestmark = pytest.mark.django_db


def test_a_case_handed_elsewhere_meanwhile_refuses_the_redistribution(place: Any, users: Any,
                                                                      monkeypatch: Any) -> None:
    team = leaving_team(place)
    afwezigheid = fc.AfwezigheidFactory(medewerker=team.leaver, team=place.team_a)
    shown = services.propose_redistribution(afwezigheid)
    real = services.propose_redistribution
    moved = team.cases[0]

    def meanwhile(locked: Any) -> Any:
        proposal = real(locked)
        # The other team lead's change lands after this proposal was read, before the handovers lock the cases.
        Casus.objects.filter(pk=moved.pk).update(regisseur=team.cor)
        return proposal

    monkeypatch.setattr(services, "propose_redistribution", meanwhile)
    with pytest.raises(services.ProposalChanged):
        services.apply_redistribution(afwezigheid, {r.casus.pk: r.naar for r in shown.regels},
                                      shown_case_ids=shown.case_ids, by=users.teamleider)
    # Nothing handed over. (The simulated change ran in this test's transaction, so the refusal's rollback took it
    # back too; in use it is the other team lead's own, committed transaction.)
    assert not Overdracht.objects.exists()
    assert not RegisseurHistorie.objects.filter(casus__in=team.cases, vorige=team.leaver).exists()


def test_a_departure_takes_the_leaver_off_cases_with_an_inactive_coworker(place: Any, users: Any) -> None:
    team = leaving_team(place)
    former = f.UserFactory(username="oud-collega", medewerker=True, teams=[place.team_a])
    shared = fc.CasusFactory(team=place.team_a, regisseur=team.anna, medewerkers=[team.leaver, former])
    former.is_active = False  # left the team earlier; still listed on the case
    former.save(update_fields=["is_active"])
    afwezigheid = fc.AfwezigheidFactory(medewerker=team.leaver, team=place.team_a, vertrek=True)
    proposal = services.propose_redistribution(afwezigheid)
    services.apply_redistribution(afwezigheid, {r.casus.pk: r.naar for r in proposal.regels},
                                  shown_case_ids=proposal.case_ids, by=users.teamleider)
    assert set(shared.medewerkers.values_list("pk", flat=True)) == {former.pk}
    assert not Casus.objects.filter(medewerkers=team.leaver).exists()
