# SPDX-License-Identifier: EUPL-1.2
"""Emergency access (issue 19 item 6): a team member outside the case states a reason and gets four hours of
access to the case and its household; it is audited as emergency access, every read during it is marked, it
expires, and the privacy officer reviews it. Nobody outside the team can break the glass."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.casussen.models import Noodtoegang

from .support import case_world

pytestmark = pytest.mark.django_db

REASON = "Crisis bij het gezin: de politie belt, regisseur is vandaag ziek"


def test_the_403_page_offers_emergency_access_to_the_team_only(place: Any, users: Any, client_for: Any,
                                                               frozen_time: Any) -> None:
    w = case_world(place, users)
    url = reverse("casussen:casus_detail", args=[w.casus.pk])
    glass = reverse("casussen:casus_noodtoegang", args=[w.casus.pk])
    response = client_for(w.outsider).get(url)
    assert response.status_code == 403
    assert glass in response.content.decode()
    other = client_for(users.medewerker_b)
    assert glass not in other.get(url).content.decode()
    assert other.get(glass).status_code == 403
    assert other.post(glass, {"reden": REASON}).status_code == 403
    assert not Noodtoegang.objects.exists()


def test_a_reason_is_required(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    w = case_world(place, users)
    response = client_for(w.outsider).post(reverse("casussen:casus_noodtoegang", args=[w.casus.pk]),
                                           {"reden": "nood"})
    assert response.status_code == 400
    assert "Schrijf op waarom" in response.content.decode()
    assert not Noodtoegang.objects.exists()


def test_breaking_the_glass_opens_the_case_for_four_hours_and_is_audited(place: Any, users: Any,
                                                                         client_for: Any) -> None:
    w = case_world(place, users)
    case_url = reverse("casussen:casus_detail", args=[w.casus.pk])
    person_url = reverse("huishoudens:person_detail", args=[w.ouder.pk])
    with time_machine.travel(dt.datetime(2026, 11, 25, 10, 15, tzinfo=dt.UTC), tick=False) as traveller:
        client = client_for(w.outsider)
        response = client.post(reverse("casussen:casus_noodtoegang", args=[w.casus.pk]), {"reden": REASON})
        assert response.status_code == 302 and response["Location"] == case_url

        emergency = AuditEvent.objects.get(action=Action.EMERGENCY, user_id=w.outsider.pk)
        assert emergency.reason == REASON
        assert emergency.household_id == w.casus.huishouden_id
        assert emergency.object_type == "casussen.casus" and emergency.object_id == str(w.casus.pk)

        page = client.get(case_url)
        assert page.status_code == 200
        assert "noodtoegang" in page.content.decode()
        assert client.get(person_url).status_code == 200
        read = AuditEvent.objects.filter(action=Action.READ, user_id=w.outsider.pk,
                                         object_type="casussen.casus").latest("id")
        assert read.detail.get("via") == "noodtoegang"
        # Emergency access is for reading (and noting what was done); the plan stays with the people on the case.
        assert client.get(reverse("casussen:plan_edit", args=[w.casus.pk])).status_code == 403

        # A fresh login each time: the session itself times out long before four hours.
        traveller.shift(dt.timedelta(hours=3, minutes=59))
        assert client_for(w.outsider).get(case_url).status_code == 200
        traveller.shift(dt.timedelta(minutes=2))
        client = client_for(w.outsider)
        assert client.get(case_url).status_code == 403
        assert client.get(person_url).status_code == 403


def test_the_privacy_officer_reviews_each_emergency_access(place: Any, users: Any, client_for: Any,
                                                           frozen_time: Any) -> None:
    w = case_world(place, users)
    client_for(w.outsider).post(reverse("casussen:casus_noodtoegang", args=[w.casus.pk]), {"reden": REASON})
    toegang = Noodtoegang.objects.get()
    privacy = client_for(users.privacy)
    listing = privacy.get(reverse("casussen:noodtoegang_review"))
    assert listing.status_code == 200
    body = listing.content.decode()
    assert REASON in body and "buitenstaander" in body
    item = reverse("casussen:noodtoegang_item", args=[toegang.pk])
    assert privacy.get(item).status_code == 200
    response = privacy.post(item, {"bevinding": ""})
    assert response.status_code == 302
    toegang.refresh_from_db()
    assert toegang.beoordeeld is not None and toegang.beoordeeld_door == users.privacy
    assert REASON not in privacy.get(reverse("casussen:noodtoegang_review")).content.decode()
    assert REASON in privacy.get(reverse("casussen:noodtoegang_review") + "?alles=1").content.decode()
    for role in ("medewerker", "teamleider", "analist", "partner"):
        assert client_for(getattr(users, role)).get(reverse("casussen:noodtoegang_review")).status_code == 403
