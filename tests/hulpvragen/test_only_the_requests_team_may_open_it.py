# SPDX-License-Identifier: EUPL-1.2
"""Who may open a request: its team (medewerker, teamleider); the central queue's requests only teamleiders;
the privacy officer reads all (audited). Another team's medewerker, a partner (even the one who handed it
over) and an analist get 403 with a DENIED row; anonymous visitors the login page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def _url(pk: int) -> str:
    return reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": pk})


def test_the_team_opens_it_and_each_read_is_audited(place: Any, users: Any, client_for: Any) -> None:
    hv = HulpvraagFactory(persoon__huishouden__adres__buurt=place.buurt_a, team=place.team_a)
    for user in (users.medewerker, users.teamleider, users.privacy):
        response = client_for(user).get(_url(hv.pk))
        assert response.status_code == 200, user.username
        assert escape(hv.persoon.achternaam) in response.content.decode()
        assert AuditEvent.objects.filter(action=Action.READ, user_id=user.pk, object_type="hulpvragen.hulpvraag",
                                         object_id=str(hv.pk), person_id=hv.persoon_id).exists()


@pytest.mark.parametrize("role", ["medewerker_b", "partner", "analist", "beheerder"])
def test_others_are_refused_with_a_denied_row(place: Any, users: Any, client_for: Any, role: str) -> None:
    hv = HulpvraagFactory(persoon__huishouden__adres__buurt=place.buurt_a, team=place.team_a)
    user = getattr(users, role)
    response = client_for(user).get(_url(hv.pk))
    assert response.status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).exists()
    assert escape(hv.persoon.achternaam) not in response.content.decode()


def test_the_partner_who_handed_it_over_cannot_open_it(place: Any, users: Any, client_for: Any) -> None:
    hv = HulpvraagFactory(persoon__huishouden__adres__buurt=place.buurt_a, team=place.team_a,
                          kanaal="warme_overdracht", verwijzer=users.partner,
                          verwijzer_organisatie=users.partner.organisatie)
    assert client_for(users.partner).get(_url(hv.pk)).status_code == 403
    # Refused at the role check already: the row names the view, not the request.
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=users.partner.pk,
                                     object_id="hulpvragen:hulpvraag_detail").exists()


def test_the_central_queue_is_for_teamleiders(place: Any, users: Any, client_for: Any) -> None:
    hv = HulpvraagFactory(centraal=True)
    assert client_for(users.teamleider).get(_url(hv.pk)).status_code == 200
    assert client_for(users.medewerker).get(_url(hv.pk)).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=users.medewerker.pk,
                                     object_id=str(hv.pk)).exists()


def test_anonymous_goes_to_the_login_page(place: Any, client_for: Any) -> None:
    hv = HulpvraagFactory(team=place.team_a)
    response = client_for(None).get(_url(hv.pk))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_an_unknown_id_is_refused_like_a_foreign_one(place: Any, users: Any, client_for: Any) -> None:
    assert client_for(users.medewerker).get(_url(999_999)).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=users.medewerker.pk, object_id="999999").exists()
