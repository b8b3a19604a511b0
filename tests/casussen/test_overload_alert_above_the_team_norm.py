# SPDX-License-Identifier: EUPL-1.2
"""Caseload per FTE against the team's norm (issue 19 item 4): a worker above the norm is flagged for the team
lead on the caseload page, with a badge on the board; part-time counts (points per FTE); the lead sets the norm
and FTEs through the page, bad input is refused in Dutch beside its field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_casussen as fc
from wijkteam.casussen.continuiteit import services
from wijkteam.casussen.models import Gewicht, MedewerkerProfiel, TeamNorm

pytestmark = pytest.mark.django_db


def _cases(place: Any, user: Any, *weights: str) -> None:
    for weight in weights:
        fc.CasusFactory(team=place.team_a, regisseur=user, gewicht=weight,
                        huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a))


def test_a_worker_above_the_norm_is_flagged(place: Any, users: Any, client_for: Any) -> None:
    fc.TeamNormFactory(team=place.team_a, punten_per_fte=8)
    _cases(place, users.medewerker, Gewicht.ZWAAR, Gewicht.ZWAAR, Gewicht.ZWAAR)  # 9 points > 8
    collega = f.UserFactory(username="deeltijd", first_name="Dirk", last_name="Deeltijd", medewerker=True,
                            teams=[place.team_a])
    _cases(place, collega, Gewicht.MIDDEL, Gewicht.MIDDEL)  # 4 points, but at 0.4 fte: 10 per fte > 8
    fc.MedewerkerProfielFactory(medewerker=collega, team=place.team_a, fte=Decimal("0.40"))
    rustig = f.UserFactory(username="rustig", first_name="Rik", last_name="Rustig", medewerker=True,
                           teams=[place.team_a])
    _cases(place, rustig, Gewicht.LICHT)
    client = client_for(users.teamleider)
    html = client.get(reverse("casussen:belasting")).content.decode()
    assert 'id="overbelast"' in html and "2 medewerkers zitten boven de norm" in html
    alert = html[html.index('id="overbelast"'):html.index("</div>", html.index('id="overbelast"'))]
    assert "Dirk Deeltijd (10.0)" in alert or "Dirk Deeltijd (10,0)" in alert
    assert "Rik" not in alert
    assert services.overload_count(users.teamleider) == 2
    board = client.get(reverse("casussen:teambord")).content.decode()
    assert "2 overbelast" in board


def test_within_the_norm_there_is_no_alert(place: Any, users: Any, client_for: Any) -> None:
    _cases(place, users.medewerker, Gewicht.ZWAAR, Gewicht.MIDDEL)  # default norm 40
    html = client_for(users.teamleider).get(reverse("casussen:belasting")).content.decode()
    assert 'id="overbelast"' not in html and "Binnen de norm" in html
    assert services.overload_count(users.teamleider) == 0
    assert services.overload_count(users.medewerker) == 0  # the badge is the team lead's


def test_the_team_lead_sets_the_norm_and_an_fte(place: Any, users: Any, client_for: Any) -> None:
    client = client_for(users.teamleider)
    url = reverse("casussen:belasting")
    response = client.post(url, {"actie": "norm", "punten_per_fte": "30", "punten_licht": "1", "punten_middel": "3",
                                 "punten_zwaar": "5"})
    assert response.status_code == 302
    norm = TeamNorm.objects.get(team=place.team_a)
    assert (norm.punten_per_fte, norm.punten_zwaar, norm.gewijzigd_door) == (30, 5, users.teamleider)
    bad = client.post(url, {"actie": "norm", "punten_per_fte": "30", "punten_licht": "4", "punten_middel": "3",
                            "punten_zwaar": "5"})
    assert bad.status_code == 400 and "De punten moeten oplopen" in bad.content.decode()
    assert TeamNorm.objects.get(team=place.team_a).punten_licht == 1
    assert client.post(url, {"actie": "fte", "medewerker": users.medewerker.pk, "fte": "0,8"}).status_code == 302
    assert MedewerkerProfiel.objects.get(medewerker=users.medewerker).fte == Decimal("0.80")
    bad_fte = client.post(url, {"actie": "fte", "medewerker": users.medewerker.pk, "fte": "3"})
    assert bad_fte.status_code == 400 and "tussen 0,05 en 1,5" in bad_fte.content.decode()
    other_team = client.post(url, {"actie": "fte", "medewerker": users.medewerker_b.pk, "fte": "0,5"})
    assert other_team.status_code == 403
    assert not MedewerkerProfiel.objects.filter(medewerker=users.medewerker_b).exists()
