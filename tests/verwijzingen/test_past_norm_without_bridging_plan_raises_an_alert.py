# SPDX-License-Identifier: EUPL-1.2
"""A second-line referral past its norm (or expected past it) without a bridging plan raises the alert on its
page and puts it on the team lead's list; adding the plan puts its check-ins as tasks in the case (bron
"overbrugging", every N days until the expected start) and clears the alert; a risk signal escalates at once.
The norm is configurable per domain (Wachtnorm); the Treeknorm is the default."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests import factories_verwijzingen as fv
from wijkteam.casussen.models import Taak
from wijkteam.verwijzingen import wachttijd
from wijkteam.verwijzingen.models import Wachtnorm

from .support import case_and_service

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 25)  # frozen_time


def _waiting(place: Any, users: Any, **kwargs: Any) -> Any:
    w = case_and_service(place, users)
    return fv.VerwijzingFactory(casus=w.casus, persoon=w.persoon, organisatie=users.partner.organisatie,
                                tweede_lijn=True, wachtlijst=True, **kwargs)


def test_past_the_intake_norm_without_plan_alerts(client_for: Any, place: Any, users: Any, frozen_time: Any) -> None:
    v = _waiting(place, users, verwezen_op=TODAY - dt.timedelta(days=40))
    assert wachttijd.is_te_laat(v, TODAY) and wachttijd.mist_overbrugging(v, TODAY)
    page = client_for(users.medewerker).get(reverse("verwijzingen:detail", args=[v.pk])).content.decode()
    assert 'id="alert-overbrugging"' in page and "40 dagen (norm 28)" in page
    leads = client_for(users.teamleider).get(reverse("verwijzingen:escalaties")).content.decode()
    assert f'id="verwijzing-{v.pk}"' in leads and "Overbruggingsplan ontbreekt" in leads

    response = client_for(users.medewerker).post(reverse("verwijzingen:overbrugging", args=[v.pk]), {
        "wat_team": "Elke twee weken een belafspraak.", "wat_netwerk": "Zus komt langs.", "checkin_dagen": "14",
        "risicosignalen": "Niet meer opnemen."})
    assert response.status_code == 302
    tasks = list(Taak.objects.filter(casus=v.casus, bron="overbrugging").order_by("deadline"))
    # No expected start: check-ins for twelve weeks, every 14 days.
    assert [t.deadline for t in tasks] == [TODAY + dt.timedelta(days=14 * n) for n in range(1, 7)]
    assert all(t.toegewezen_aan_id == users.medewerker.pk for t in tasks)
    page = client_for(users.medewerker).get(reverse("verwijzingen:detail", args=[v.pk])).content.decode()
    assert 'id="alert-overbrugging"' not in page and 'id="overbruggingsplan"' in page
    case_page = client_for(users.medewerker).get(reverse("casussen:casus_detail", args=[v.casus_id])).content.decode()
    assert "Overbrugging" in case_page and "overbrugging" in case_page
    leads = client_for(users.teamleider).get(reverse("verwijzingen:escalaties")).content.decode()
    assert "Overbruggingsplan ontbreekt" not in leads and "Boven de norm" in leads  # still waiting too long


def test_expected_wait_beyond_the_norm_requires_a_plan_before_it_is_late(place: Any, users: Any,
                                                                         frozen_time: Any) -> None:
    v = _waiting(place, users, verwezen_op=TODAY - dt.timedelta(days=5),
                 verwachte_start=TODAY + dt.timedelta(days=120))
    assert not wachttijd.is_te_laat(v, TODAY)
    assert wachttijd.mist_overbrugging(v, TODAY)
    fv.OverbruggingsplanFactory(verwijzing=v)
    v.refresh_from_db()
    assert not wachttijd.mist_overbrugging(v, TODAY)


def test_within_the_norm_needs_no_plan(client_for: Any, place: Any, users: Any, frozen_time: Any) -> None:
    v = _waiting(place, users, verwezen_op=TODAY - dt.timedelta(days=10))
    assert not wachttijd.mist_overbrugging(v, TODAY)
    page = client_for(users.medewerker).get(reverse("verwijzingen:detail", args=[v.pk])).content.decode()
    assert 'id="alert-overbrugging"' not in page
    leads = client_for(users.teamleider).get(reverse("verwijzingen:escalaties")).content.decode()
    assert 'id="geen-escalaties"' in leads


def test_a_stricter_norm_is_configurable(place: Any, users: Any, frozen_time: Any) -> None:
    v = _waiting(place, users, verwezen_op=TODAY - dt.timedelta(days=10))
    Wachtnorm.objects.create(domein="ggz", dagen_tot_intake=7, dagen_tot_start=30)
    assert wachttijd.is_te_laat(v, TODAY)


def test_a_risk_signal_escalates_to_the_team_lead(client_for: Any, place: Any, users: Any, frozen_time: Any,
                                                  mailoutbox: Any, django_capture_on_commit_callbacks: Any) -> None:
    users.teamleider.email = "tl@team-a.test"
    users.teamleider.save()
    v = _waiting(place, users, verwezen_op=TODAY - dt.timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(users.medewerker).post(reverse("verwijzingen:risico", args=[v.pk]),
                                                     {"omschrijving": "Neemt de telefoon niet meer op."})
    assert response.status_code == 302
    v.refresh_from_db()
    assert v.geescaleerd_op is not None
    assert [m.to for m in mailoutbox] == [["tl@team-a.test"]] and "telefoon" not in mailoutbox[0].body
    leads = client_for(users.teamleider).get(reverse("verwijzingen:escalaties")).content.decode()
    assert f'id="verwijzing-{v.pk}"' in leads and "Geëscaleerd op" in leads


def test_a_bridging_plan_needs_what_the_team_does(client_for: Any, place: Any, users: Any) -> None:
    v = _waiting(place, users)
    response = client_for(users.medewerker).post(reverse("verwijzingen:overbrugging", args=[v.pk]),
                                                 {"checkin_dagen": "14", "wat_team": "", "risicosignalen": ""})
    assert response.status_code == 400
    assert not Taak.objects.filter(bron="overbrugging").exists()
