# SPDX-License-Identifier: EUPL-1.2
"""Caseload per FTE of a past month needs the norm and the FTEs of that month: every norm a team lead sets and
every FTE is kept as a history row (values, from when, by whom), the first time and at each change. Saving the
same values again, or a refused value, adds no row; a later change leaves the earlier row as it was."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wijkteam.casussen.continuiteit import services
from wijkteam.casussen.models import MedewerkerProfiel, MedewerkerProfielHistorie, TeamNorm, TeamNormHistorie

pytestmark = pytest.mark.django_db

URL = reverse("casussen:belasting")


def _norms(team: Any) -> list[tuple[int, int, int, int, Any]]:
    return list(TeamNormHistorie.objects.filter(team=team).order_by("vanaf", "id").values_list(
        "punten_per_fte", "punten_licht", "punten_middel", "punten_zwaar", "door"))


def _ftes(team: Any, user: Any) -> list[tuple[Decimal, Any]]:
    return list(MedewerkerProfielHistorie.objects.filter(team=team, medewerker=user).order_by("vanaf", "id")
                .values_list("fte", "door"))


def test_the_team_lead_sets_norms_and_ftes_on_the_page(place: Any, users: Any, client_for: Any) -> None:
    client = client_for(users.teamleider)
    lead = users.teamleider.pk

    def norm(per_fte: str, licht: str, middel: str, zwaar: str) -> int:
        return client.post(URL, {"actie": "norm", "punten_per_fte": per_fte, "punten_licht": licht,
                                 "punten_middel": middel, "punten_zwaar": zwaar}).status_code

    assert norm("40", "1", "2", "3") == 302  # the defaults, but now set by the team lead: kept
    assert norm("40", "1", "2", "3") == 302  # the same again: no new row
    assert norm("30", "1", "3", "5") == 302
    assert norm("30", "4", "3", "5") == 400  # refused
    assert _norms(place.team_a) == [(40, 1, 2, 3, lead), (30, 1, 3, 5, lead)]
    assert TeamNorm.objects.get(team=place.team_a).punten_per_fte == 30

    def fte(value: str) -> int:
        return client.post(URL, {"actie": "fte", "medewerker": users.medewerker.pk, "fte": value}).status_code

    assert fte("0,8") == 302
    assert fte("0,80") == 302  # the same FTE: no new row
    assert fte("0,6") == 302
    assert fte("3") == 400  # refused
    assert _ftes(place.team_a, users.medewerker) == [(Decimal("0.80"), lead), (Decimal("0.60"), lead)]
    assert MedewerkerProfiel.objects.get(medewerker=users.medewerker).fte == Decimal("0.60")


def test_the_services_keep_the_earlier_values(place: Any, users: Any) -> None:
    team, lead = place.team_a, users.teamleider
    services.save_norm(team, punten_per_fte=40, punten_licht=1, punten_middel=2, punten_zwaar=3, by=lead)
    first = TeamNormHistorie.objects.get(team=team)
    services.save_norm(team, punten_per_fte=36, punten_licht=1, punten_middel=2, punten_zwaar=4, by=lead)
    first.refresh_from_db()
    assert (first.punten_per_fte, first.punten_zwaar) == (40, 3)  # not overwritten
    assert TeamNormHistorie.objects.filter(team=team).count() == 2
    assert TeamNormHistorie.objects.filter(team=team).latest("vanaf", "id").vanaf == \
        TeamNorm.objects.get(team=team).gewijzigd

    services.set_fte(team, users.medewerker, Decimal("1.00"), by=lead)
    services.set_fte(team, users.medewerker, Decimal("1"), by=lead)  # the same value written otherwise
    services.set_fte(team, users.medewerker, Decimal("0.5"), by=lead)
    with pytest.raises(ValidationError):
        services.set_fte(team, users.medewerker_b, Decimal("0.5"), by=lead)  # not in the team
    with pytest.raises(ValidationError):
        services.save_norm(team, punten_per_fte=0, punten_licht=1, punten_middel=2, punten_zwaar=3, by=lead)
    assert _ftes(team, users.medewerker) == [(Decimal("1.00"), lead.pk), (Decimal("0.50"), lead.pk)]
    assert not MedewerkerProfielHistorie.objects.filter(medewerker=users.medewerker_b).exists()
    assert TeamNormHistorie.objects.filter(team=team).count() == 2
