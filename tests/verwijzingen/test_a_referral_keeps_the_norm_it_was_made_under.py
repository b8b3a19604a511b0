# SPDX-License-Identifier: EUPL-1.2
"""A second-line referral is judged by the norm in force when it was made: after the beheerder tightens the
domain's Wachtnorm (in /beheer/), the referral's page, the team lead's list, the reminder command's escalation
and the waiting overview's "within norm" still compare its wait to the old norm; a referral made after the
change gets the new one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from wijkteam.verwijzingen import services
from wijkteam.verwijzingen.models import Verwijzing, Wachtnorm
from wijkteam.verwijzingen.overzicht.figures import build

from .support import case_and_service

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 25)  # frozen_time
TEN_DAYS_AGO = TODAY - dt.timedelta(days=10)


def _refer(client: Any, w: Any) -> Verwijzing:
    before = set(Verwijzing.objects.values_list("pk", flat=True))
    response = client.post(f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}", {
        "service": str(w.service.pk), "soort": "tweede_lijn", "domein": "ggz", "product": "Basis-GGZ",
        "persoon": w.persoon.pk, "gedeeld": ["naam", "contact"], "verwezen_op": TEN_DAYS_AGO.isoformat(),
        "aangemeld_op": TEN_DAYS_AGO.isoformat()})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Verwijzing.objects.exclude(pk__in=before).get()


def _tighten_the_norm(client_for: Any, users: Any, norm: Wachtnorm) -> None:
    response = client_for(users.beheerder).post(
        reverse("admin:verwijzingen_wachtnorm_change", args=[norm.pk]),
        {"domein": "ggz", "dagen_tot_intake": "7", "dagen_tot_start": "30", "_save": "Opslaan"})
    assert response.status_code == 302, response.content.decode()[:2000]
    norm.refresh_from_db()
    assert (norm.dagen_tot_intake, norm.dagen_tot_start) == (7, 30)


def _detail(client: Any, v: Verwijzing) -> str:
    return str(client.get(reverse("verwijzingen:detail", args=[v.pk])).content.decode())


def test_a_tighter_norm_applies_to_new_referrals_only(client_for: Any, place: Any, users: Any,
                                                      frozen_time: Any) -> None:
    norm = Wachtnorm.objects.create(domein="ggz", dagen_tot_intake=28, dagen_tot_start=70)
    w = case_and_service(place, users)
    worker = client_for(users.medewerker)
    old = _refer(worker, w)
    _tighten_the_norm(client_for, users, norm)
    new = _refer(worker, w)

    # The referral's page: the same ten days, each against its own norm.
    old_page, new_page = _detail(worker, old), _detail(worker, new)
    assert "10 dagen (norm 28)" in old_page and "Boven de norm" not in old_page
    assert "nog geen intake (norm 70 dagen)" in old_page
    assert "10 dagen (norm 7)" in new_page and "Boven de norm" in new_page
    # The team lead's list of referrals past their norm names only the new one.
    leads = client_for(users.teamleider).get(reverse("verwijzingen:escalaties")).content.decode()
    assert f'id="verwijzing-{new.pk}"' in leads and f'id="verwijzing-{old.pk}"' not in leads
    # The daily command escalates only the new one.
    assert services.send_reminders(TODAY).escalaties == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.geescaleerd_op is None and new.geescaleerd_op is not None

    # Both start today: the overview counts the old one within its norm, the new one not.
    for v in (old, new):
        services.change_status(v, "geaccepteerd", by=users.partner)
        services.change_status(v, "gestart", by=users.partner)
    [row] = build(TODAY).rows
    assert (row.stat.n, row.stat.within) == (2, 1)
    # What each referral keeps.
    assert (old.norm_dagen_tot_intake, old.norm_dagen_tot_start) == (28, 70)
    assert (new.norm_dagen_tot_intake, new.norm_dagen_tot_start) == (7, 30)


def test_a_referral_stored_before_the_norm_was_kept_uses_the_current_norm(client_for: Any, place: Any,
                                                                          users: Any, frozen_time: Any) -> None:
    w = case_and_service(place, users)
    worker = client_for(users.medewerker)
    v = _refer(worker, w)
    Verwijzing.objects.filter(pk=v.pk).update(norm_dagen_tot_intake=None, norm_dagen_tot_start=None)
    assert "10 dagen (norm 28)" in _detail(worker, v)  # the Treeknorm: no Wachtnorm row
    Wachtnorm.objects.create(domein="ggz", dagen_tot_intake=7, dagen_tot_start=30)
    assert "10 dagen (norm 7)" in _detail(worker, v)


def test_a_collective_referral_has_no_norm(client_for: Any, place: Any, users: Any, frozen_time: Any) -> None:
    w = case_and_service(place, users)
    response = client_for(users.medewerker).post(f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}", {
        "service": str(w.service.pk), "soort": "collectief", "persoon": w.persoon.pk, "gedeeld": ["naam"],
        "verwezen_op": TODAY.isoformat()})
    assert response.status_code == 302
    v = Verwijzing.objects.get()
    assert (v.norm_dagen_tot_intake, v.norm_dagen_tot_start) == (None, None)
