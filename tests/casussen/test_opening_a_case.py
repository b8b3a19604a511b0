# SPDX-License-Identifier: EUPL-1.2
"""Opening a case (issue 19 item 1): directly for a household, or from triage through the next step
"Casus openen" that casussen registers with hulpvragen. One household has one open case: opening again leads
to the open one, or, for a worker outside it, says who the regisseur is without showing the household."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_casussen as fc
from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.casussen.models import Casus, CasusStatus, RegisseurHistorie
from wijkteam.hulpvragen.models import HulpvraagStatus
from wijkteam.hulpvragen.next_steps import next_steps

from .support import case_world

pytestmark = pytest.mark.django_db

OPEN = reverse("casussen:casus_openen")


def test_a_worker_opens_a_case_for_a_household_of_the_wijk(place: Any, users: Any, client_for: Any) -> None:
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a, achternaam="Jansen")
    household_id = person.huishouden_id
    client = client_for(users.medewerker)
    page = client.get(OPEN, {"huishouden": household_id})
    assert page.status_code == 200 and "Jansen" in page.content.decode()
    response = client.post(OPEN, {"huishouden": household_id, "team": place.team_a.pk,
                                  "regisseur": users.medewerker.pk, "gewicht": ""})
    casus = Casus.objects.get(huishouden_id=household_id)
    assert response.status_code == 302 and response["Location"] == reverse("casussen:casus_detail", args=[casus.pk])
    assert casus.status == CasusStatus.AANGEMELD and casus.regisseur == users.medewerker
    assert casus.statushistorie.count() == 1 and casus.plan.versie == 1
    assert RegisseurHistorie.objects.filter(casus=casus, vorige__isnull=True).count() == 1
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="casussen.casus",
                                     household_id=household_id).exists()


def test_the_regisseur_must_work_in_the_team(place: Any, users: Any, client_for: Any) -> None:
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    response = client_for(users.medewerker).post(OPEN, {"huishouden": person.huishouden_id, "team": place.team_a.pk,
                                                        "regisseur": users.medewerker_b.pk})
    assert response.status_code == 400
    assert not Casus.objects.exists()


def test_another_teams_household_cannot_be_opened(place: Any, users: Any, client_for: Any) -> None:
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_b)
    assert client_for(users.medewerker).get(OPEN, {"huishouden": person.huishouden_id}).status_code == 403


def test_a_second_open_goes_to_the_open_case(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    response = client_for(w.coworker).get(OPEN, {"huishouden": w.casus.huishouden_id})
    assert response.status_code == 302
    assert response["Location"] == reverse("casussen:casus_detail", args=[w.casus.pk])
    # Someone of the team outside the case learns who to ask, and nothing about the household.
    page = client_for(w.outsider).get(OPEN, {"huishouden": w.casus.huishouden_id})
    body = page.content.decode()
    assert page.status_code == 200 and "al een open casus" in body and "Bakker" not in body
    assert Casus.objects.count() == 1


def test_triage_offers_casus_openen_and_the_case_keeps_the_request(place: Any, users: Any, client_for: Any) -> None:
    hulpvraag = HulpvraagFactory(persoon__huishouden__adres__buurt=place.buurt_a, team=place.team_a,
                                 status=HulpvraagStatus.GETRIEERD)
    steps = {step.name: step for step in next_steps(users.medewerker, hulpvraag)}
    step = steps["casussen.casus_openen"]
    assert str(step.label) == "Casus openen"
    assert "casussen.casus_openen" not in {s.name for s in next_steps(users.analist, hulpvraag)}
    client = client_for(users.medewerker)
    url = step.url(hulpvraag)
    page = client.get(url)
    assert page.status_code == 200
    assert f'name="hulpvraag" value="{hulpvraag.pk}"' in page.content.decode()
    client.post(url, {"huishouden": hulpvraag.huishouden_id, "hulpvraag": hulpvraag.pk, "team": place.team_a.pk,
                      "regisseur": users.teamleider.pk})
    casus = Casus.objects.get()
    assert casus.hulpvraag == hulpvraag and casus.regisseur == users.teamleider
    hulpvraag.refresh_from_db()  # the triaged request took its next step
    assert hulpvraag.status == HulpvraagStatus.DOORGEZET
    assert "casus geopend" in hulpvraag.historie.order_by("id").last().toelichting


def test_a_request_of_another_household_is_not_linked(place: Any, users: Any, client_for: Any) -> None:
    # A request the worker may see (their team's), but of another household.
    other = HulpvraagFactory(persoon__huishouden__adres__buurt=place.buurt_a, team=place.team_a)
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    client_for(users.medewerker).post(OPEN, {"huishouden": person.huishouden_id, "hulpvraag": other.pk,
                                             "team": place.team_a.pk, "regisseur": users.medewerker.pk})
    assert Casus.objects.get().hulpvraag is None


def test_the_factory_case_matches_what_open_case_writes(place: Any, users: Any) -> None:
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker)
    assert casus.plan.versie == 1 and casus.statushistorie.count() == 1 and casus.regisseurhistorie.count() == 1
