# SPDX-License-Identifier: EUPL-1.2
"""Opening a case links the request it came from (the hidden `hulpvraag` of triage's "Casus openen") only
when the worker may see that request (`hulpvragen.access`): a request another team handles is refused and
the refusal audited, even for a household of the worker's own wijk."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.audit.models import Action, AuditEvent, Outcome
from wijkteam.casussen.models import Casus

pytestmark = pytest.mark.django_db

OPEN = reverse("casussen:casus_openen")


def _household_with_requests(place: Any) -> Any:
    return f.PersoonFactory(huishouden__adres__buurt=place.buurt_a).huishouden


def _open(client: Any, household: Any, hulpvraag: Any, regisseur: Any, team: Any) -> Any:
    return client.post(OPEN, {"huishouden": household.pk, "hulpvraag": hulpvraag.pk, "team": team.pk,
                              "regisseur": regisseur.pk})


def test_a_request_another_team_handles_is_refused_and_not_linked(place: Any, users: Any, client_for: Any) -> None:
    household = _household_with_requests(place)
    elsewhere = HulpvraagFactory(persoon__huishouden=household, team=place.team_b)
    client = client_for(users.medewerker)
    page = client.get(OPEN, {"huishouden": household.pk, "hulpvraag": elsewhere.pk})
    assert page.status_code == 403
    response = _open(client, household, elsewhere, users.medewerker, place.team_a)
    assert response.status_code == 403
    assert not Casus.objects.filter(hulpvraag=elsewhere).exists()
    assert AuditEvent.objects.filter(action=Action.DENIED, outcome=Outcome.DENIED,
                                     object_type="hulpvragen.hulpvraag", object_id=str(elsewhere.pk),
                                     user_id=users.medewerker.pk).count() == 2


def test_a_request_of_the_workers_team_is_linked_and_its_read_audited(place: Any, users: Any,
                                                                      client_for: Any) -> None:
    household = _household_with_requests(place)
    own = HulpvraagFactory(persoon__huishouden=household, team=place.team_a)
    response = _open(client_for(users.medewerker), household, own, users.medewerker, place.team_a)
    assert response.status_code == 302
    assert Casus.objects.get(huishouden=household).hulpvraag == own
    assert AuditEvent.objects.filter(action=Action.READ, object_type="hulpvragen.hulpvraag",
                                     object_id=str(own.pk), user_id=users.medewerker.pk).exists()


def test_the_team_lead_links_a_request_from_the_central_queue(place: Any, users: Any, client_for: Any) -> None:
    household = _household_with_requests(place)
    central = HulpvraagFactory(persoon__huishouden=household, team=None)  # teamleiders work the central queue
    response = _open(client_for(users.teamleider), household, central, users.medewerker, place.team_a)
    assert response.status_code == 302
    assert Casus.objects.get(huishouden=household).hulpvraag == central
    # ...which a medewerker does not see.
    household_2 = _household_with_requests(place)
    central_2 = HulpvraagFactory(persoon__huishouden=household_2, team=None)
    assert _open(client_for(users.medewerker), household_2, central_2, users.medewerker,
                 place.team_a).status_code == 403
    assert not Casus.objects.filter(huishouden=household_2).exists()
