# SPDX-License-Identifier: EUPL-1.2
"""The demo's cases carry the history monitoring reads, as the write paths make it: each case its buurt at
opening and a weight row from its opening, each closing its reason and outcome (also the reopened case's), each
team norm and FTE a history row from before the oldest case; a reset removes those rows too."""

from __future__ import annotations

import io

import pytest

from wijkteam.casussen.models import (
    CasusGewichtHistorie,
    CasusStatus,
    CasusStatusHistorie,
    MedewerkerProfiel,
    MedewerkerProfielHistorie,
    TeamNorm,
    TeamNormHistorie,
)
from wijkteam.demo.casussen import steps as casussen_steps  # importing registers the step
from wijkteam.demo.generator import DemoContext, generate, reset

SCALE = 1500


@pytest.mark.django_db
def test_demo_cases_norms_and_ftes_have_their_history() -> None:
    generate(seed=42, scale=SCALE, stdout=io.StringIO())
    cases = list(casussen_steps.demo_cases().select_related("huishouden__adres"))
    assert cases
    first_status = {row.casus_id: row.tijdstip for row in CasusStatusHistorie.objects.filter(
        casus__in=cases, van="")}
    weights = {row.casus_id: row for row in CasusGewichtHistorie.objects.filter(casus__in=cases)}
    assert len(weights) == CasusGewichtHistorie.objects.filter(casus__in=cases).count()  # one per case
    for casus in cases:
        assert casus.buurt_id is not None and casus.buurt_id == casus.huishouden.adres.buurt_id
        assert weights[casus.pk].gewicht == casus.gewicht
        assert weights[casus.pk].vanaf == first_status[casus.pk]  # from the opening, as moved back

    closings = CasusStatusHistorie.objects.filter(casus__in=cases, naar=CasusStatus.AFGESLOTEN)
    assert closings.exists() and not closings.filter(sluitreden="").exists()
    assert not closings.filter(uitkomst="").exists()
    reopened = [c for c in cases if c.status == CasusStatus.HEROPEND]
    assert reopened and all(c.sluitreden == "" and closings.filter(casus=c).exists() for c in reopened)

    oldest = min(first_status.values())
    for norm in TeamNorm.objects.all():
        row = TeamNormHistorie.objects.get(team=norm.team)
        assert (row.punten_per_fte, row.punten_zwaar) == (norm.punten_per_fte, norm.punten_zwaar)
        assert row.vanaf < oldest
    for profiel in MedewerkerProfiel.objects.all():
        row = MedewerkerProfielHistorie.objects.get(team=profiel.team, medewerker=profiel.medewerker)
        assert row.fte == profiel.fte and row.vanaf < oldest

    reset(DemoContext(seed=42, scale=SCALE, out=io.StringIO()))
    assert not TeamNormHistorie.objects.exists() and not MedewerkerProfielHistorie.objects.exists()
    assert not CasusGewichtHistorie.objects.exists()
