# SPDX-License-Identifier: EUPL-1.2
"""Emergency access to a case (breaking the glass) is for reading, plus contact moments: its holder may read
the case's referrals, but may not refer the household to a partner (which shares its data), stop a referral,
change its dates, or write a bridging plan or risk signal — as the plan and the tasks refuse it. Each refusal
is a 403 with a DENIED row; the people on the case still act."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories_verwijzingen as fv
from tests.casussen.support import case_world
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.casussen.models import Taak
from wijkteam.verwijzingen.models import Overbruggingsplan, VerwijzingStatus

pytestmark = pytest.mark.django_db

REASON = "Crisis bij het gezin: de politie belt, regisseur is vandaag ziek"


def _broken_glass(place: Any, users: Any, client_for: Any) -> tuple[Any, Any, Any]:
    w = case_world(place, users)
    referral = fv.VerwijzingFactory(casus=w.casus, tweede_lijn=True, wachtlijst=True)
    client = client_for(w.outsider)
    assert client.post(reverse("casussen:casus_noodtoegang", args=[w.casus.pk]),
                       {"reden": REASON}).status_code == 302
    return w, referral, client


def test_emergency_access_reads_the_referral_without_its_forms(place: Any, users: Any, client_for: Any,
                                                               frozen_time: Any) -> None:
    w, referral, client = _broken_glass(place, users, client_for)
    page = client.get(reverse("verwijzingen:detail", args=[referral.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    for name in ("stoppen", "datums", "overbrugging", "risico"):
        assert reverse(f"verwijzingen:{name}", args=[referral.pk]) not in html
    case_page = client.get(reverse("casussen:casus_detail", args=[w.casus.pk])).content.decode()
    assert reverse("verwijzingen:nieuw") not in case_page
    case_list = client.get(reverse("verwijzingen:casus_lijst", args=[w.casus.pk])).content.decode()
    assert reverse("verwijzingen:nieuw") not in case_list
    # The regisseur sees the forms and the way to refer.
    regisseur = client_for(users.medewerker)
    own = regisseur.get(reverse("verwijzingen:detail", args=[referral.pk])).content.decode()
    assert reverse("verwijzingen:stoppen", args=[referral.pk]) in own
    own_list = regisseur.get(reverse("verwijzingen:casus_lijst", args=[w.casus.pk])).content.decode()
    assert reverse("verwijzingen:nieuw") in own_list


@pytest.mark.parametrize(("name", "data"), [
    ("stoppen", {"reden": "Niet meer nodig volgens de buitenstaander"}),
    ("datums", {"verwachte_intake": "2026-12-20"}),
    ("overbrugging", {"wat_team": "Wekelijks bellen", "wat_netwerk": "Zus komt langs", "checkin_dagen": "7",
                      "risicosignalen": "Niet opnemen"}),
    ("risico", {"omschrijving": "Zegt dat het niet meer gaat"}),
])
def test_emergency_access_cannot_change_a_referral(place: Any, users: Any, client_for: Any, frozen_time: Any,
                                                   name: str, data: dict[str, str]) -> None:
    w, referral, client = _broken_glass(place, users, client_for)
    tasks = Taak.objects.filter(casus=w.casus).count()
    response = client.post(reverse(f"verwijzingen:{name}", args=[referral.pk]), data)
    assert response.status_code == 403
    referral.refresh_from_db()
    assert referral.status == VerwijzingStatus.WACHTLIJST
    assert not Overbruggingsplan.objects.filter(verwijzing=referral).exists()
    assert Taak.objects.filter(casus=w.casus).count() == tasks
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=w.outsider.pk,
                                     object_type="verwijzingen.verwijzing", object_id=str(referral.pk)).exists()


def test_emergency_access_cannot_refer_the_household(place: Any, users: Any, client_for: Any,
                                                     frozen_time: Any) -> None:
    w, _referral, client = _broken_glass(place, users, client_for)
    url = f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}"
    assert client.get(url).status_code == 403
    assert client.post(url, {"soort": "collectief"}).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=w.outsider.pk, object_type="casussen.casus",
                                     object_id=str(w.casus.pk)).exists()
    assert client_for(users.medewerker).get(url).status_code == 200
