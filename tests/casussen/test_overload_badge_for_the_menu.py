# SPDX-License-Identifier: EUPL-1.2
"""The menu's overload badge (continuiteit.context_processors.caseload): a team lead gets the number of workers
above the norm; nobody else gets the variable at all."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from tests import factories as f
from tests import factories_casussen as fc
from wijkteam.casussen.continuiteit.context_processors import caseload
from wijkteam.casussen.models import Gewicht

pytestmark = pytest.mark.django_db


def _request(user: Any) -> Any:
    request = RequestFactory().get("/werk/")
    user.is_verified = lambda: True  # what django-otp's middleware adds after the second factor
    request.user = user
    return request


def test_the_team_lead_gets_the_count(place: Any, users: Any) -> None:
    fc.TeamNormFactory(team=place.team_a, punten_per_fte=2)
    fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, gewicht=Gewicht.ZWAAR,
                    huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a))
    badge = caseload(_request(users.teamleider))["casus_overbelast"]
    assert badge() == 1
    assert Template("{% load i18n %}{% blocktranslate count n=casus_overbelast %}{{ n }} overbelast{% plural %}"
                    "{{ n }} overbelast{% endblocktranslate %}").render(Context({"casus_overbelast": badge})) \
        == "1 overbelast"
    for role in ("medewerker", "partner", "analist", "privacy", "beheerder"):
        assert caseload(_request(getattr(users, role))) == {}
