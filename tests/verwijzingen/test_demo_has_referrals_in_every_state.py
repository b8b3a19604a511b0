# SPDX-License-Identifier: EUPL-1.2
"""The demo's referrals: every state, second-line waits within and beyond the norm (one with a bridging plan,
one raising the alert), two partner logins of different organisations with referrals of their own, a waiting
overview with figures above the threshold; a reset removes the referrals and the cases the step opened."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone

from wijkteam.casussen.models import Casus
from wijkteam.demo import generator
from wijkteam.demo.verwijzingen import steps as verwijzingen_steps
from wijkteam.verwijzingen import wachttijd
from wijkteam.verwijzingen.models import Verwijzing, VerwijzingStatus
from wijkteam.verwijzingen.overzicht.figures import build

SCALE = 2000


@pytest.fixture
def town(db: None) -> dict[str, int]:
    return generator.generate(seed=42, scale=SCALE, stdout=io.StringIO())


def test_every_state_and_both_sides_of_the_norm(town: dict[str, int]) -> None:
    assert set(Verwijzing.objects.values_list("status", flat=True)) == set(VerwijzingStatus.values)
    today = timezone.localdate()
    waiting = [v for v in Verwijzing.objects.filter(soort="tweede_lijn", status="wachtlijst")]
    assert any(not wachttijd.is_te_laat(v, today) for v in waiting)
    assert any(wachttijd.is_te_laat(v, today) and hasattr(v, "overbruggingsplan") for v in waiting)
    assert any(wachttijd.mist_overbrugging(v, today) for v in waiting)
    partners = set(Verwijzing.objects.values_list("organisatie__gebruikers__username", flat=True))
    assert {"partner", "partner3"} <= partners
    assert any(row.stat.mediaan is not None for row in build(today).rows)


def test_reset_removes_referrals_and_their_cases(town: dict[str, int]) -> None:
    opened_here = set(Verwijzing.objects.exclude(casus=None).values_list("casus_id", flat=True))
    others = set(Casus.objects.exclude(pk__in=opened_here).values_list("pk", flat=True))
    assert opened_here and others  # the cases step's own cases have no referrals
    verwijzingen_steps.reset(generator.DemoContext(seed=42, scale=SCALE, out=io.StringIO()))
    assert not Verwijzing.objects.exists()
    assert not Casus.objects.filter(pk__in=opened_here).exists()
    assert set(Casus.objects.values_list("pk", flat=True)) == others  # the cases step's reset removes those
