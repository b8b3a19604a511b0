# SPDX-License-Identifier: EUPL-1.2
"""The demo's help requests: a realistic share of households (about 3% a year, three months shown) through
every door, in the right team's queue (none without address: the central queue), some overdue, some picked
up or closed; the vroegsignalering demo's accepted zaken are linked both ways; a reset removes them all."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter

import pytest
from django.utils import timezone

from wijkteam.demo.generator import generate
from wijkteam.demo.hulpvragen.steps import demo_requests
from wijkteam.huishoudens.models import Huishouden
from wijkteam.hulpvragen.models import Hulpvraag, HulpvraagStatus, Kanaal
from wijkteam.vroegsignalering.models import Vroegsignaalzaak
from wijkteam.vroegsignalering.services import teams_by_buurt

SCALE = 1500


@pytest.fixture
def town(db: None) -> dict[str, int]:
    return generate(seed=42, scale=SCALE, stdout=io.StringIO())


def test_every_door_in_the_right_queue(town: dict[str, int]) -> None:
    requests = Hulpvraag.objects.select_related("huishouden__adres")
    households = Huishouden.objects.count()
    # The last three months (step "hulpvragen"); the triage step adds a year of earlier, closed requests.
    own = requests.exclude(kanaal=Kanaal.VROEGSIGNALERING).filter(ontvangen__gte=timezone.now() - dt.timedelta(days=92))
    assert 0.01 * households <= own.count() <= 0.04 * households
    # Every door: the vroegsignalering one through the signal demo's accepted zaken (the registered handoff).
    assert set(requests.values_list("kanaal", flat=True)) == set(Kanaal.values)
    assert requests.filter(huishouden__isnull=True, team__isnull=True).exists()
    routes = teams_by_buurt()
    for hv in requests:
        if hv.huishouden is None:
            assert hv.team_id is None  # no address: the central queue
        else:
            assert hv.team_id == routes[hv.huishouden.adres.buurt_id]
    statuses = Counter(requests.values_list("status", flat=True))
    assert statuses[HulpvraagStatus.NIEUW] and statuses[HulpvraagStatus.IN_BEHANDELING]
    assert statuses[HulpvraagStatus.AFGESLOTEN]
    assert requests.filter(urgent=True).exists()
    for zaak in Vroegsignaalzaak.objects.filter(intake_id__isnull=False):
        assert Hulpvraag.objects.get(pk=zaak.intake_id).vroegsignaalzaak_id == zaak.pk


def test_a_reset_removes_the_requests(town: dict[str, int]) -> None:
    assert demo_requests().exists()
    generate(seed=43, scale=200, stdout=io.StringIO(), reset_first=True)
    assert Hulpvraag.objects.count() == demo_requests().count()
