# SPDX-License-Identifier: EUPL-1.2
"""The handover summary (warme overdracht, issue 19 item 5) shows situation, plan, open actions, network,
risks and the last three contacts; a contact moment shows there right after it is saved. Need to know like the
case page: a team member outside the case gets 403 (with the emergency-access offer), another team 403."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests import factories_casussen as fc
from tests.casussen.support import case_world
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.casussen.models import BetrokkeneSoort, Plan

pytestmark = pytest.mark.django_db


def test_the_contact_just_saved_is_on_the_summary(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    world = case_world(place, users)
    for day in (1, 2, 3):
        fc.ContactmomentFactory(casus=world.casus, datum=dt.date(2026, 11, day), verslag=f"Oud contact {day}")
    client = client_for(users.medewerker)
    url = reverse("casussen:overdracht", args=[world.casus.pk])
    assert "Oud contact 1" in client.get(url).content.decode()  # 3 contacts: all shown
    saved = client.post(reverse("casussen:casus_contact", args=[world.casus.pk]), {
        "contact-soort": "telefoon", "contact-datum": "2026-11-25", "contact-duur_minuten": "10",
        "contact-verslag": "Mevrouw belde: de deurwaarder komt vrijdag."})
    assert saved.status_code == 302
    html = client.get(url).content.decode()
    assert "Mevrouw belde: de deurwaarder komt vrijdag." in html
    assert "Oud contact 3" in html and "Oud contact 2" in html
    assert "Oud contact 1" not in html  # the last three only
    assert html.index("de deurwaarder") < html.index("Oud contact 3")  # newest first


def test_the_summary_carries_what_a_colleague_needs(place: Any, users: Any, client_for: Any) -> None:
    world = case_world(place, users)
    Plan.objects.filter(casus=world.casus).update(situatie="Schulden en een dreigende huisuitzetting.",
                                                  risicos="Vader kan agressief reageren op post.")
    plan = world.casus.plan
    fc.PlanDoelFactory(plan=plan, doel="Vaste lasten op tijd betalen")
    fc.PlanActieFactory(plan=plan, wat="Bewindvoerder bellen")
    fc.PlanActieFactory(plan=plan, wat="Al gedaan", afgerond=True)
    fc.BetrokkeneFactory(plan=plan, naam="Fatima", soort=BetrokkeneSoort.FAMILIE, rol="zus", telefoon="0612345678")
    fc.BetrokkeneFactory(plan=plan, naam="Jan Schuld", professional=True)
    fc.TaakFactory(casus=world.casus, titel="Huurachterstand navragen", te_laat=True)
    html = client_for(users.medewerker).get(reverse("casussen:overdracht", args=[world.casus.pk])).content.decode()
    for text in ("Schulden en een dreigende huisuitzetting.", "Vaste lasten op tijd betalen", "Bewindvoerder bellen",
                 "Fatima", "zus", "0612345678", "Jan Schuld", "Schuldhulp Voorbeeld", "Huurachterstand navragen",
                 "Te laat", "Vader kan agressief reageren op post.", "Samira"):
        assert text in html, text
    assert "Al gedaan" not in html  # open actions only
    reads = AuditEvent.objects.filter(action=Action.READ, user_id=users.medewerker.pk)
    assert reads.filter(object_type="casussen.casus", object_id=str(world.casus.pk)).exists()
    assert reads.filter(person_id=world.ouder.pk).exists()  # the names shown are audited reads


def test_who_may_not_read_the_summary(place: Any, users: Any, client_for: Any) -> None:
    world = case_world(place, users)
    url = reverse("casussen:overdracht", args=[world.casus.pk])
    outsider = client_for(world.outsider).get(url)
    assert outsider.status_code == 403
    assert reverse("casussen:casus_noodtoegang", args=[world.casus.pk]) in outsider.content.decode()
    assert client_for(users.medewerker_b).get(url).status_code == 403
    for role in ("partner", "analist", "privacy"):
        assert client_for(getattr(users, role)).get(url).status_code == 403
    assert client_for(users.teamleider).get(url).status_code == 200
    assert client_for(world.coworker).get(url).status_code == 200
