# SPDX-License-Identifier: EUPL-1.2
"""Deleting a goal while, in the same save, editing (or adding) an action that stays with that goal is a
contradiction: the save is refused with a Dutch error naming the action's row, and nothing is written (it used
to end in a server error when the database refused the action pointing at a deleted goal)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories_casussen as fc
from wijkteam.casussen.models import Plan, PlanActie, PlanDoel, Uitvoerder

from .support import case_world
from .test_two_editors_of_one_plan import _form_data

# Committed transactions: the database checks the action's goal at commit, as it does in production.
pytestmark = pytest.mark.django_db(transaction=True)

REFUSAL = "Acties, rij 1, Bij doel: U verwijdert dit doel. Kies een ander doel of verwijder deze actie ook."


def test_deleting_the_goal_of_an_edited_action_is_refused_and_writes_nothing(place: Any, users: Any,
                                                                            client_for: Any) -> None:
    w = case_world(place, users)
    plan = w.casus.plan
    doel = fc.PlanDoelFactory(plan=plan, doel="Schulden op een rij")
    actie = fc.PlanActieFactory(plan=plan, doel=doel, wie=Uitvoerder.BEWONER, wat="Post openmaken")
    url = reverse("casussen:plan_edit", args=[w.casus.pk])
    client = client_for(users.medewerker)
    data = _form_data(client.get(url).content.decode())
    assert data["actie-0-doel"] == str(doel.pk)
    data["situatie"] = "Nieuwe situatie"
    data["doel-0-DELETE"] = "on"
    data["actie-0-wat"] = "Post openmaken met zus Fatima"

    response = client.post(url, data)

    assert response.status_code == 400
    body = response.content.decode()
    assert REFUSAL in body
    # The goal's control is described by the error shown beside it (an error added after cleaning, too).
    assert 'aria-describedby="id_actie-0-doel-error"' in body
    plan = Plan.objects.get(pk=plan.pk)
    assert plan.versie == 1 and plan.situatie == ""
    assert PlanDoel.objects.filter(pk=doel.pk).exists()
    assert PlanActie.objects.get(pk=actie.pk).wat == "Post openmaken"
    assert PlanActie.objects.get(pk=actie.pk).doel_id == doel.pk


def test_a_new_action_on_a_goal_being_deleted_is_refused(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    doel = fc.PlanDoelFactory(plan=w.casus.plan, doel="Schulden op een rij")
    url = reverse("casussen:plan_edit", args=[w.casus.pk])
    client = client_for(users.medewerker)
    data = _form_data(client.get(url).content.decode())
    data["doel-0-DELETE"] = "on"
    data.update({"actie-0-doel": str(doel.pk), "actie-0-wie": Uitvoerder.BEWONER, "actie-0-wat": "Bellen"})

    response = client.post(url, data)

    assert response.status_code == 400
    assert REFUSAL in response.content.decode()
    assert PlanDoel.objects.filter(pk=doel.pk).exists() and not PlanActie.objects.exists()


def test_deleting_the_goal_and_its_action_together_is_fine(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    doel = fc.PlanDoelFactory(plan=w.casus.plan, doel="Schulden op een rij")
    fc.PlanActieFactory(plan=w.casus.plan, doel=doel, wie=Uitvoerder.BEWONER, wat="Post openmaken")
    url = reverse("casussen:plan_edit", args=[w.casus.pk])
    client = client_for(users.medewerker)
    data = _form_data(client.get(url).content.decode())
    data["doel-0-DELETE"] = "on"
    data["actie-0-wat"] = "Post openmaken met zus Fatima"
    data["actie-0-DELETE"] = "on"

    assert client.post(url, data).status_code == 302
    assert not PlanDoel.objects.exists() and not PlanActie.objects.exists()
