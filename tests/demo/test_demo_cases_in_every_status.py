# SPDX-License-Identifier: EUPL-1.2
"""The demo's household cases (issue 19 item 7): every status, plans with goals, actions and network, contact
moments, tasks (some late), norms and FTEs, an applied redistribution after illness and two waiting absences;
deterministic for a seed; a reset removes them all."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone

from wijkteam.casussen.continuiteit import services as continuiteit
from wijkteam.casussen.models import (
    CASUS_OPEN,
    Afwezigheid,
    AfwezigheidSoort,
    CasusStatus,
    Contactmoment,
    MedewerkerProfiel,
    Overdracht,
    PlanActie,
    PlanDoel,
    Taak,
    TeamNorm,
)
from wijkteam.demo.casussen import steps as casussen_steps  # importing registers the step
from wijkteam.demo.generator import DemoContext, generate, reset

SCALE = 1500


@pytest.fixture
def town(db: None) -> dict[str, int]:
    return generate(seed=42, scale=SCALE, stdout=io.StringIO())


def _snapshot() -> list[tuple[object, ...]]:
    # By address, not id: a reset and a new run give the households new ids on PostgreSQL.
    # The whole address: "2" and "2 A" are two households, and a tie would leave their order to the database.
    address = ("huishouden__adres__postcode", "huishouden__adres__huisnummer", "huishouden__adres__huisletter",
               "huishouden__adres__huisnummertoevoeging")
    return list(casussen_steps.demo_cases().order_by(*address)
                .values_list(*address, "status", "gewicht", "regisseur__username"))


def test_cases_in_every_status_with_plans_contacts_and_tasks(town: dict[str, int]) -> None:
    cases = casussen_steps.demo_cases()
    assert town["casussen"] == cases.count() >= 60
    assert set(cases.values_list("status", flat=True)) == set(CasusStatus.values)
    carried_out = cases.filter(status=CasusStatus.UITVOERING)
    assert PlanDoel.objects.filter(plan__casus__in=carried_out).values("plan").distinct().count() == \
        carried_out.count()
    assert PlanActie.objects.filter(plan__casus__in=carried_out, wie="netwerk").exists()
    assert Contactmoment.objects.filter(casus__in=cases).count() >= cases.count()
    today = timezone.localdate()
    assert Taak.objects.filter(casus__in=cases, afgerond__isnull=True, deadline__lt=today).exists()
    assert cases.filter(gewicht="").exists() and cases.exclude(gewicht="").exists()
    assert TeamNorm.objects.count() >= 3 and MedewerkerProfiel.objects.count() >= 9


def test_absences_one_redistributed_two_waiting(town: dict[str, int]) -> None:
    ill = Afwezigheid.objects.get(soort=AfwezigheidSoort.ZIEK)
    assert ill.herverdeeld is not None and Overdracht.objects.filter(afwezigheid=ill).exists()
    assert not casussen_steps.demo_cases().filter(regisseur=ill.medewerker, status__in=sorted(CASUS_OPEN)).exists()
    leaving = Afwezigheid.objects.get(soort=AfwezigheidSoort.VERTREK)
    assert leaving.herverdeeld is None
    assert continuiteit.propose_redistribution(leaving).regels  # the team lead has a proposal to look at
    assert Afwezigheid.objects.filter(soort=AfwezigheidSoort.VERLOF, herverdeeld__isnull=True).exists()


def test_same_seed_same_cases_and_reset_removes_them(town: dict[str, int]) -> None:
    first = _snapshot()
    again = generate(seed=42, scale=SCALE, stdout=io.StringIO(), reset_first=True)
    assert _snapshot() == first and again["casussen"] == town["casussen"]
    reset(DemoContext(seed=42, scale=SCALE, out=io.StringIO()))
    assert not casussen_steps.demo_cases().exists() and not Afwezigheid.objects.exists()
