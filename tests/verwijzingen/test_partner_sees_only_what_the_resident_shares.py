# SPDX-License-Identifier: EUPL-1.2
"""The partner sees exactly the items the resident consented to share for this referral: with only the name
shared, the phone, e-mail, address, birth date and the question are absent from the portal's HTML and the
API's JSON; with everything shared, all are there. The worker's referral page names what is and isn't shared."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from tests import factories_verwijzingen as fv
from wijkteam.accounts.api_tokens import create_token
from wijkteam.accounts.models import ApiScope
from wijkteam.verwijzingen.models import GedeeldGegeven

from .support import case_and_service

pytestmark = pytest.mark.django_db

SECRET_QUESTION = "Schulden bij de zorgverzekeraar en somberheid"


def _referral(place: Any, users: Any, gedeeld: list[str]) -> Any:
    w = case_and_service(place, users)
    return fv.VerwijzingFactory(casus=w.casus, persoon=w.persoon, organisatie=users.partner.organisatie,
                                service=w.service, gedeeld=gedeeld, samenvatting=SECRET_QUESTION,
                                levensdomeinen=["LD06"])


def _api_json(client_for: Any, users: Any, pk: int) -> str:
    secret = create_token(users.partner.organisatie, scopes=[ApiScope.VERWIJZINGEN], naam="k", by=users.beheerder)[1]
    response = client_for(None).get(reverse("verwijzingen_api:detail", args=[pk]),
                                    HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    return json.dumps(response.json(), ensure_ascii=False)


def test_only_the_name_is_shared(client_for: Any, place: Any, users: Any) -> None:
    v = _referral(place, users, [GedeeldGegeven.NAAM])
    html = client_for(users.partner).get(reverse("verwijzingen_partner:detail", args=[v.pk])).content.decode()
    body = _api_json(client_for, users, v.pk)
    for text in (html, body):
        assert "Fatima El Amrani" in text
        for hidden in ("0612345678", "fatima@example.test", "Havenstraat", v.huishouden.adres.postcode,
                       SECRET_QUESTION, "Geestelijke gezondheid", v.persoon.geboortedatum.isoformat()):
            assert hidden not in text, hidden
    assert json.loads(body)["bewoner"] == {"naam": "Fatima El Amrani"}


def test_everything_shared_is_shown(client_for: Any, place: Any, users: Any) -> None:
    v = _referral(place, users, list(GedeeldGegeven.values))
    html = client_for(users.partner).get(reverse("verwijzingen_partner:detail", args=[v.pk])).content.decode()
    body = json.loads(_api_json(client_for, users, v.pk))["bewoner"]
    for value in ("Fatima El Amrani", "0612345678", "fatima@example.test", "Havenstraat", SECRET_QUESTION,
                  "Geestelijke gezondheid"):
        assert value in html
    assert set(body) == {"naam", "telefoon", "email", "geboortedatum", "adres", "hulpvraag", "levensdomeinen"}


def test_worker_sees_what_was_not_shared(client_for: Any, place: Any, users: Any) -> None:
    v = _referral(place, users, [GedeeldGegeven.NAAM, GedeeldGegeven.CONTACT])
    page = client_for(users.medewerker).get(reverse("verwijzingen:detail", args=[v.pk])).content.decode()
    assert "Naam, Telefoon en e-mail" in page and "Niet gedeeld" in page
