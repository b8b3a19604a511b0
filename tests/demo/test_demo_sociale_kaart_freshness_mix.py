# SPDX-License-Identifier: EUPL-1.2
"""Freshness realism: most services checked in the last five months, ~8% six to twelve months ago
(with an open "klopt dit nog?" task), ~3% longer ago (hidden from the public); every partner
organisation has something to confirm."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wijkteam.accounts.models import Organisatie
from wijkteam.demo.generator import generate
from wijkteam.demo.staff import ORGANISATIES
from wijkteam.sociale_kaart.freshness import due_services, stale_services
from wijkteam.sociale_kaart.models import PUBLIC_STATUSES, Service
from wijkteam.sociale_kaart.models.werk import VerificationStatus, VerificationTask
from wijkteam.sociale_kaart.visibility import add_months, publicly_visible

SEED, SCALE = 42, 20
REFERENCE = dt.date(2026, 11, 1)  # the demo's fixed "today" for assured dates
TODAY = dt.date(2026, 11, 25)  # conftest.FROZEN_NOW


@pytest.fixture
def kaart(db: None) -> dict[str, int]:
    return generate(seed=SEED, scale=SCALE)


def test_most_are_recent_some_due_a_few_stale(kaart: dict[str, int]) -> None:
    dates = [d for d in Service.objects.values_list("assured_date", flat=True) if d is not None]
    n = Service.objects.count()
    recent = [d for d in dates if d >= add_months(REFERENCE, -5)]
    due = [d for d in dates if add_months(REFERENCE, -12) <= d < add_months(REFERENCE, -6)]
    stale = [d for d in dates if d < add_months(REFERENCE, -12)]

    assert len(dates) == n and all(d <= REFERENCE for d in dates)
    assert len(recent) + len(due) + len(stale) == n, "nothing in the five-to-six-month gap"
    assert len(recent) >= 0.85 * n
    assert 0.06 * n <= len(due) <= 0.10 * n
    assert 0.02 * n <= len(stale) <= 0.045 * n
    assert len(set(recent)) > 60, "dates spread out, not one batch"


def test_due_services_have_open_tasks_and_stale_ones_are_hidden(kaart: dict[str, int], frozen_time: Any) -> None:
    due = set(due_services(REFERENCE).values_list("id", flat=True))
    tasks = VerificationTask.objects.filter(status=VerificationStatus.OPEN)

    assert due and set(tasks.values_list("service_id", flat=True)) == due
    assert all(t.checked_on == t.service.assured_date for t in tasks.select_related("service"))
    assert kaart["kaart_controletaken"] == len(due)
    stale = set(stale_services(TODAY).values_list("id", flat=True))
    public = set(publicly_visible(Service.objects.all(), today=TODAY).values_list("id", flat=True))
    assert stale and not stale & public
    assert len(public) == Service.objects.filter(status__in=PUBLIC_STATUSES).count() - len(stale)


def test_every_partner_organisation_has_a_service_to_confirm(kaart: dict[str, int]) -> None:
    tasks = VerificationTask.objects.filter(status=VerificationStatus.OPEN)
    for naam, _soort in ORGANISATIES:
        organisatie = Organisatie.objects.get(naam=naam)
        own = Service.objects.filter(organization__organisatie=organisatie)
        assert own.count() >= 3, naam
        to_confirm = tasks.filter(service__in=own).count()
        assert to_confirm == (2 if naam == "Stichting Welzijn Voorbeeld" else 1), naam


def test_a_few_services_are_closed_for_now_or_ended(kaart: dict[str, int]) -> None:
    closed = Service.objects.filter(status="temporarily closed")
    assert closed.count() == 2 and all(s.alert for s in closed)
    assert Service.objects.filter(status="inactive").count() == 1
