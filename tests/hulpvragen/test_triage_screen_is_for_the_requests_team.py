# SPDX-License-Identifier: EUPL-1.2
"""The triage screen is for the medewerkers and teamleiders of the request's team. Another team's
medewerker, a partner, an analist and the privacy officer are refused (403, audited); anonymous
visitors go to the login page; a refused POST stores nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.hulpvragen.models import Assessment

from .triage_support import single_mother

pytestmark = pytest.mark.django_db


@pytest.fixture
def hulpvraag(place):
    return single_mother(place)


@pytest.mark.parametrize("role", ["medewerker", "teamleider"])
def test_the_team_may_open_it_and_the_read_is_audited(hulpvraag, users, client_for, role):
    response = client_for(getattr(users, role)).get(f"/werk/hulpvragen/triage/{hulpvraag.pk}/")

    assert response.status_code == 200
    assert AuditEvent.objects.filter(action=Action.READ, object_type="hulpvragen.hulpvraag",
                                     object_id=str(hulpvraag.pk), user_id=getattr(users, role).pk).exists()


@pytest.mark.parametrize("role", ["medewerker_b", "partner", "analist", "privacy", "beheerder"])
def test_others_are_refused_and_the_refusal_is_audited(hulpvraag, users, client_for, role):
    user = getattr(users, role)
    client = client_for(user)

    assert client.get(f"/werk/hulpvragen/triage/{hulpvraag.pk}/").status_code == 403
    response = client.post(f"/werk/hulpvragen/triage/{hulpvraag.pk}/",
                           {"stap": "assessment", "niveau_LD01": "3", "veiligheid": "veilig"})
    assert response.status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).count() == 2
    assert not Assessment.objects.exists()


def test_an_unknown_request_is_refused_like_a_forbidden_one(users, client_for):
    assert client_for(users.medewerker).get("/werk/hulpvragen/triage/999999/").status_code == 403


def test_anonymous_visitors_go_to_the_login_page(hulpvraag, client_for):
    response = client_for(None).get(f"/werk/hulpvragen/triage/{hulpvraag.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
