# SPDX-License-Identifier: EUPL-1.2
"""The outreach POST actions (take or assign a zaak, move or delete a routing rule) check who asks before
what is asked: an anonymous visitor goes to the login page whatever the method, a signed-in worker who
may not lead gets a 403, and only the allowed user gets 405 for a GET."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.factories_vroegsignalering import VroegsignaalzaakFactory

pytestmark = pytest.mark.django_db


def _urls(place: Any) -> list[str]:
    zaak = VroegsignaalzaakFactory(huishouden__adres__buurt=place.buurt_a, team=place.team_a)
    return [reverse("vroegsignalering:zaak_assign", args=[zaak.pk]),
            reverse("vroegsignalering:routing_rule", args=[place.team_a.pk, 1])]


def test_anonymous_visitors_go_to_the_login_page(place: Any, client_for: Any) -> None:
    anonymous = client_for(None)
    for url in _urls(place):
        for response in (anonymous.get(url), anonymous.post(url, {"actie": "verwijderen"})):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("accounts:login"))


def test_a_get_is_refused_by_role_first_then_by_method(place: Any, users: Any, client_for: Any) -> None:
    assign, rule = _urls(place)
    assert client_for(users.analist).get(assign).status_code == 403
    assert client_for(users.medewerker).get(rule).status_code == 403
    assert client_for(users.medewerker).get(assign).status_code == 405
    assert client_for(users.teamleider).get(rule).status_code == 405
