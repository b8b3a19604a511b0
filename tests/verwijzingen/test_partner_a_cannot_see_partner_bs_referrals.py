# SPDX-License-Identifier: EUPL-1.2
"""Partner A never sees partner B's referrals: not on the portal's list, a 403 on the page and the answer form
(audited), a 404 in the API exactly as for an unknown id (audited as DENIED for the token), and not in the
API's list. A token without the scope "verwijzingen" is refused (403)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_verwijzingen as fv
from wijkteam.accounts.api_tokens import create_token
from wijkteam.accounts.models import ApiScope
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def _token(organisatie: Any, by: Any, scopes: tuple[str, ...] = (ApiScope.VERWIJZINGEN,)) -> str:
    return create_token(organisatie, scopes=scopes, naam="koppeling", by=by)[1]


def test_portal_and_api_keep_organisations_apart(client_for: Any, place: Any, users: Any) -> None:
    mine = fv.VerwijzingFactory(organisatie=users.partner.organisatie)
    partner_b = f.UserFactory(partner=True)
    theirs = fv.VerwijzingFactory(organisatie=partner_b.organisatie)

    portal = client_for(users.partner)
    listing = portal.get(reverse("verwijzingen_partner:lijst")).content.decode()
    assert f"Verwijzing {mine.pk}<" in listing and f"Verwijzing {theirs.pk}<" not in listing
    assert portal.get(reverse("verwijzingen_partner:detail", args=[theirs.pk])).status_code == 403
    assert portal.post(reverse("verwijzingen_partner:antwoord", args=[theirs.pk]),
                       {"status": "geaccepteerd"}).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=users.partner.pk,
                                     object_type="verwijzingen.verwijzing", object_id=str(theirs.pk)).count() == 2
    theirs.refresh_from_db()
    assert theirs.status == "verstuurd"

    api = client_for(None)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {_token(users.partner.organisatie, users.beheerder)}"}
    assert api.get(reverse("verwijzingen_api:detail", args=[mine.pk]), **auth).status_code == 200
    other = api.get(reverse("verwijzingen_api:detail", args=[theirs.pk]), **auth)
    unknown = api.get(reverse("verwijzingen_api:detail", args=[999999]), **auth)
    assert other.status_code == unknown.status_code == 404 and other.json()["melding"] == unknown.json()["melding"]
    changed = api.post(reverse("verwijzingen_api:status", args=[theirs.pk]), json.dumps({"status": "geaccepteerd"}),
                       content_type="application/json", **auth)
    assert changed.status_code == 404
    denied = AuditEvent.objects.filter(action=Action.DENIED, object_type="verwijzingen.verwijzing",
                                       object_id=str(theirs.pk), username__startswith="api-token:")
    assert denied.count() == 2
    ids = [row["id"] for row in api.get(reverse("verwijzingen_api:lijst"), **auth).json()["verwijzingen"]]
    assert ids == [mine.pk]
    theirs.refresh_from_db()
    assert theirs.status == "verstuurd"


def test_a_token_for_signals_opens_no_referrals(client_for: Any, users: Any, place: Any) -> None:
    mine = fv.VerwijzingFactory(organisatie=users.partner.organisatie)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {_token(users.partner.organisatie, users.beheerder, (ApiScope.SIGNALEN,))}"}
    assert client_for(None).get(reverse("verwijzingen_api:detail", args=[mine.pk]), **auth).status_code == 403
    assert client_for(None).get(reverse("verwijzingen_api:detail", args=[mine.pk])).status_code == 401


def test_partner_answers_through_the_api(client_for: Any, users: Any, place: Any) -> None:
    mine = fv.VerwijzingFactory(organisatie=users.partner.organisatie, tweede_lijn=True)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {_token(users.partner.organisatie, users.beheerder)}"}
    api = client_for(None)
    url = reverse("verwijzingen_api:status", args=[mine.pk])
    refused = api.post(url, json.dumps({"status": "afgewezen"}), content_type="application/json", **auth)
    assert refused.status_code == 400 and "reden" in refused.json()["fouten"]
    bad_date = api.post(url, json.dumps({"status": "wachtlijst", "verwachte_start": "15-12-2026"}),
                        content_type="application/json", **auth)
    assert bad_date.status_code == 400 and "verwachte_start" in bad_date.json()["fouten"]
    ok = api.post(url, json.dumps({"status": "wachtlijst", "verwachte_start": "2027-03-01"}),
                  content_type="application/json", **auth)
    assert ok.status_code == 200
    assert (ok.json()["status"], ok.json()["verwachte_start"]) == ("wachtlijst", "2027-03-01")
    event = mine.gebeurtenissen.get(naar="wachtlijst")
    assert event.door is None and event.door_systeem.startswith("api-token:wt_")
