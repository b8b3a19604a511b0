# SPDX-License-Identifier: EUPL-1.2
"""The case page offers "Verwijzen" and the case's referrals (registered by verwijzingen through casussen's
case-actions hook; casussen imports nothing of verwijzingen), and stops offering to refer once the case is
closed."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.casussen.support import case_world
from tests.verwijzingen.support import case_and_service
from wijkteam.casussen.models import CasusStatus

pytestmark = pytest.mark.django_db


def test_the_regisseur_can_refer_from_the_case(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    w = case_world(place, users)
    html = client_for(users.medewerker).get(reverse("casussen:casus_detail", args=[w.casus.pk])).content.decode()
    assert f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}" in html
    assert reverse("verwijzingen:casus_lijst", args=[w.casus.pk]) in html


def test_a_closed_case_offers_its_referrals_but_no_new_one(place: Any, users: Any, client_for: Any,
                                                           frozen_time: Any) -> None:
    w = case_world(place, users, status=CasusStatus.AFGESLOTEN)
    html = client_for(users.medewerker).get(reverse("casussen:casus_detail", args=[w.casus.pk])).content.decode()
    assert f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}" not in html
    assert reverse("verwijzingen:casus_lijst", args=[w.casus.pk]) in html
    # Nor does the case's list of referrals, which the open case offers it on.
    listing = client_for(users.medewerker).get(reverse("verwijzingen:casus_lijst", args=[w.casus.pk])).content.decode()
    assert f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}" not in listing


def test_an_open_case_offers_a_new_referral_on_its_list(place: Any, users: Any, client_for: Any,
                                                       frozen_time: Any) -> None:
    w = case_world(place, users)
    listing = client_for(users.medewerker).get(reverse("verwijzingen:casus_lijst", args=[w.casus.pk])).content.decode()
    assert f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}" in listing


def test_the_refer_form_records_every_member_it_names(place: Any, users: Any, client_for: Any,
                                                      frozen_time: Any) -> None:
    # The "voor wie" choice lists the household's members by name: each one's own audit trail shows it.
    from wijkteam.audit.models import Action, AuditEvent

    w = case_and_service(place, users)
    response = client_for(users.medewerker).get(f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}")
    assert response.status_code == 200 and "El Amrani" in response.content.decode()
    assert AuditEvent.objects.filter(action=Action.READ, person_id=w.persoon.pk, user_id=users.medewerker.pk,
                                     detail__via="verwijzing").exists()
