# SPDX-License-Identifier: EUPL-1.2
"""A worker leaves: the team lead marks it, sees a proposal, adjusts it and applies it in one action (issue 19
item 5). After applying no case is without a working regisseur, and the receivers' loads differ by no more
than one heavy case; the buurt's own worker is preferred; a stale or invalid form writes nothing."""

from __future__ import annotations

import random
from typing import Any

import pytest
from django.urls import reverse

from tests import factories_casussen as fc
from tests.casussen.continuiteit_support import leaving_team
from wijkteam.casussen.continuiteit import services
from wijkteam.casussen.models import (
    CASUS_OPEN,
    Afwezigheid,
    AfwezigheidSoort,
    Casus,
    Gewicht,
    Overdracht,
    RegisseurHistorie,
)

pytestmark = pytest.mark.django_db


def _loads(place: Any, leaver: Any) -> dict[str, int]:
    """Points of every medewerker of team A who stays (users.medewerker too: she can receive cases)."""
    norm = services.norm_for(place.team_a)
    return {w.user.username: w.punten for w in services.team_load(place.team_a, norm)
            if w.user.role == "medewerker" and w.user != leaver}


def _post_data(afwezigheid: Afwezigheid, **override: Any) -> dict[str, str]:
    proposal = services.propose_redistribution(afwezigheid)
    data = {"casussen": ",".join(str(pk) for pk in proposal.case_ids)}
    for regel in proposal.regels:
        data[f"naar_{regel.casus.pk}"] = str(override.get(str(regel.casus.pk), regel.naar).pk)
    return data


def test_marking_a_departure_leads_to_the_proposal(place: Any, users: Any, client_for: Any) -> None:
    team = leaving_team(place)
    client = client_for(users.teamleider)
    response = client.post(reverse("casussen:afwezigheden"), {
        "medewerker": team.leaver.pk, "soort": "vertrek", "vanaf": "2026-12-01", "tot": ""})
    afwezigheid = Afwezigheid.objects.get(medewerker=team.leaver)
    assert response.status_code == 302
    assert response["Location"] == reverse("casussen:herverdeling", args=[afwezigheid.pk])
    assert afwezigheid.soort == AfwezigheidSoort.VERTREK and afwezigheid.tot is None
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Waarom dit voorstel" in html and "kent de buurt Havenkwartier" in html
    for casus in team.cases:
        assert f'name="naar_{casus.pk}"' in html


def test_applying_leaves_no_case_without_regisseur_and_balances_weights(place: Any, users: Any,
                                                                          client_for: Any) -> None:
    team = leaving_team(place)
    afwezigheid = fc.AfwezigheidFactory(medewerker=team.leaver, team=place.team_a, vertrek=True)
    response = client_for(users.teamleider).post(reverse("casussen:herverdeling", args=[afwezigheid.pk]),
                                                 _post_data(afwezigheid))
    assert response.status_code == 302
    open_cases = Casus.objects.filter(team=place.team_a, status__in=sorted(CASUS_OPEN))
    assert not open_cases.filter(regisseur=team.leaver).exists()
    assert set(open_cases.values_list("regisseur_id", flat=True)) <= {u.pk for u in [*team.receivers, users.medewerker]}
    loads = _loads(place, team.leaver)
    heavy = services.norm_for(place.team_a).punten_zwaar
    assert max(loads.values()) - min(loads.values()) <= heavy, loads
    # Kept: every handover in the regisseur history with its reason, counted as an Overdracht.
    for casus in team.cases:
        last = RegisseurHistorie.objects.filter(casus=casus).order_by("-vanaf", "-id").first()
        assert last is not None and last.vorige_id == team.leaver.pk and last.reden == "vertrek"
    assert Overdracht.objects.filter(afwezigheid=afwezigheid).count() == len(team.cases)
    afwezigheid.refresh_from_db()
    assert afwezigheid.herverdeeld is not None
    # Applying again finds nothing left to hand over.
    assert "niets te verdelen" in client_for(users.teamleider).get(
        reverse("casussen:herverdeling", args=[afwezigheid.pk])).content.decode()


def test_the_buurt_s_own_worker_gets_the_buurt_s_case(place: Any, users: Any) -> None:
    team = leaving_team(place)
    haven_case = team.cases[-1]
    proposal = services.propose_redistribution(fc.AfwezigheidFactory(medewerker=team.leaver, team=place.team_a))
    regel = next(r for r in proposal.regels if r.casus.pk == haven_case.pk)
    assert regel.naar == team.anna
    assert "Havenkwartier" in regel.reden


def test_the_team_lead_s_change_is_applied(place: Any, users: Any, client_for: Any) -> None:
    team = leaving_team(place)
    afwezigheid = fc.AfwezigheidFactory(medewerker=team.leaver, team=place.team_a)
    haven_case = team.cases[-1]
    data = _post_data(afwezigheid, **{str(haven_case.pk): team.cor})
    assert client_for(users.teamleider).post(reverse("casussen:herverdeling", args=[afwezigheid.pk]),
                                             data).status_code == 302
    haven_case.refresh_from_db()
    assert haven_case.regisseur == team.cor
    overdracht = Overdracht.objects.get(casus=haven_case)
    assert overdracht.voorgesteld == team.anna and overdracht.naar == team.cor
    assert RegisseurHistorie.objects.filter(casus=haven_case, regisseur=team.cor, reden="afwezigheid").exists()


def test_a_stale_proposal_writes_nothing(place: Any, users: Any, client_for: Any) -> None:
    team = leaving_team(place)
    afwezigheid = fc.AfwezigheidFactory(medewerker=team.leaver, team=place.team_a)
    data = _post_data(afwezigheid)
    fc.CasusFactory(team=place.team_a, regisseur=team.leaver, huishouden__adres__buurt=place.buurt_a)  # meanwhile
    response = client_for(users.teamleider).post(reverse("casussen:herverdeling", args=[afwezigheid.pk]), data)
    assert response.status_code == 400
    assert "intussen veranderd" in response.content.decode()
    assert Casus.objects.filter(regisseur=team.leaver).count() == len(team.cases) + 1
    assert not Overdracht.objects.exists()


def test_a_receiver_outside_the_team_is_refused_and_nothing_is_written(place: Any, users: Any,
                                                                       client_for: Any) -> None:
    team = leaving_team(place)
    afwezigheid = fc.AfwezigheidFactory(medewerker=team.leaver, team=place.team_a)
    data = _post_data(afwezigheid)
    data[f"naar_{team.cases[0].pk}"] = str(users.medewerker_b.pk)  # team B
    response = client_for(users.teamleider).post(reverse("casussen:herverdeling", args=[afwezigheid.pk]), data)
    assert response.status_code == 400
    assert "Kies een medewerker van het team" in response.content.decode()
    assert Casus.objects.filter(regisseur=team.leaver).count() == len(team.cases)
    assert not Overdracht.objects.exists()


@pytest.mark.parametrize("seed", range(8))
def test_spread_stays_within_one_heavy_case_for_any_mix(place: Any, users: Any, seed: int) -> None:
    rng = random.Random(seed)
    weights = [rng.choice(Gewicht.values) for _ in range(rng.randint(1, 25))]
    team = leaving_team(place, weights)
    afwezigheid = fc.AfwezigheidFactory(medewerker=team.leaver, team=place.team_a)
    proposal = services.propose_redistribution(afwezigheid)
    services.apply_redistribution(afwezigheid, {r.casus.pk: r.naar for r in proposal.regels},
                                  shown_case_ids=proposal.case_ids, by=users.teamleider)
    loads = _loads(place, team.leaver)
    assert max(loads.values()) - min(loads.values()) <= services.norm_for(place.team_a).punten_zwaar, (seed, loads)
    assert not Casus.objects.filter(regisseur=team.leaver, status__in=sorted(CASUS_OPEN)).exists()
