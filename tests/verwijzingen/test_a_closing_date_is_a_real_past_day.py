# SPDX-License-Identifier: EUPL-1.2
"""The day a partner gives when it refuses, reports a no-show, stops or completes a referral is its closing date:
not in the future and not before the referral (or its start). Refused at the field where the day was given —
the portal's "Datum", the API's "datum" — with nothing changed."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.urls import reverse

from tests import factories_verwijzingen as fv
from wijkteam.accounts.api_tokens import create_token
from wijkteam.accounts.models import ApiScope
from wijkteam.verwijzingen.models import VerwijzingStatus

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 25)  # frozen_time's day


def test_the_portal_refuses_a_closing_day_in_the_future(client_for: Any, users: Any, place: Any,
                                                        frozen_time: Any) -> None:
    v = fv.VerwijzingFactory(organisatie=users.partner.organisatie)
    answer = reverse("verwijzingen_partner:antwoord", args=[v.pk])
    response = client_for(users.partner).post(answer, {"status": "afgewezen", "reden": "Geen plek",
                                                       "datum": (TODAY + dt.timedelta(days=10)).isoformat()})
    assert response.status_code == 400
    assert "Deze datum kan niet in de toekomst liggen." in response.content.decode()
    assert response.context["form"].errors["datum"]
    v.refresh_from_db()
    assert v.status == VerwijzingStatus.VERSTUURD and v.afgesloten_op is None


def test_the_api_refuses_a_closing_day_before_the_referral(client_for: Any, users: Any, place: Any,
                                                           frozen_time: Any) -> None:
    v = fv.VerwijzingFactory(organisatie=users.partner.organisatie)
    token = create_token(users.partner.organisatie, scopes=(ApiScope.VERWIJZINGEN,), naam="koppeling",
                         by=users.beheerder)[1]
    url = reverse("verwijzingen_api:status", args=[v.pk])
    body = {"status": "afgewezen", "reden": "Geen plek", "datum": (v.verwezen_op - dt.timedelta(days=3)).isoformat()}
    refused = client_for(None).post(url, json.dumps(body), content_type="application/json",
                                    HTTP_AUTHORIZATION=f"Bearer {token}")
    assert refused.status_code == 400 and "datum" in refused.json()["fouten"]
    v.refresh_from_db()
    assert v.status == VerwijzingStatus.VERSTUURD and v.afgesloten_op is None
    body["datum"] = TODAY.isoformat()
    ok = client_for(None).post(url, json.dumps(body), content_type="application/json",
                               HTTP_AUTHORIZATION=f"Bearer {token}")
    assert ok.status_code == 200
    v.refresh_from_db()
    assert (v.status, v.afgesloten_op) == (VerwijzingStatus.AFGEWEZEN, TODAY)


@pytest.mark.parametrize("datum", ["0001-01-01", "9999-12-31"])
def test_the_api_names_an_impossible_year_at_its_field(datum: str, client_for: Any, users: Any, place: Any,
                                                       frozen_time: Any) -> None:
    v = fv.VerwijzingFactory(organisatie=users.partner.organisatie)
    token = create_token(users.partner.organisatie, scopes=(ApiScope.VERWIJZINGEN,), naam="koppeling",
                         by=users.beheerder)[1]
    body = {"status": "afgewezen", "reden": "Geen plek", "datum": datum}
    refused = client_for(None).post(reverse("verwijzingen_api:status", args=[v.pk]), json.dumps(body),
                                    content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert refused.status_code == 400
    assert refused.json()["fouten"] == {"datum": "Kies een datum tussen 1900 en 2999."}
    v.refresh_from_db()
    assert v.status == VerwijzingStatus.VERSTUURD and v.afgesloten_op is None
