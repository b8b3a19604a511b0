# SPDX-License-Identifier: EUPL-1.2
"""Shared by the partner API tests: an energy company with a token, and calls to the API with it."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client
from django.urls import reverse

from tests import factories as f
from tests.factories_vroegsignalering import SignaalRijFactory
from wijkteam.accounts.api_tokens import create_token
from wijkteam.accounts.models import ApiToken, Organisatie, OrganisatieSoort, User

# The factory's rows name this partner; the organisation is registered under the same name.
PARTNER_NAAM = "Voorbeeld Energie"


def energy_company(naam: str = PARTNER_NAAM) -> Organisatie:
    return f.OrganisatieFactory(naam=naam, soort=OrganisatieSoort.NUTSBEDRIJF)


def token_for(organisatie: Organisatie, by: User, *, scopes: tuple[str, ...] = ("signalen",),
              valid_days: int = 365) -> tuple[ApiToken, str]:
    return create_token(organisatie, scopes=scopes, naam="Koppeling incasso", by=by, valid_days=valid_days)


def signal_json(**overrides: Any) -> dict[str, Any]:
    """One signal as a partner's system sends it: the file's columns, JSON types where natural."""
    row = SignaalRijFactory(**overrides)
    row["bedrag"] = int(row["bedrag"]) if str(row["bedrag"]).isdigit() else row["bedrag"]
    for flag in ("crisissignaal", "warme_overdracht"):
        if row[flag] in ("ja", "nee"):
            row[flag] = row[flag] == "ja"
    return row


def call(secret: str | None, name: str, data: Any = None, *, client: Client | None = None,
         **kwargs: Any) -> Any:
    """POST `data` as JSON (GET when None) to the API URL `name` with the token `secret`."""
    client = client or Client(HTTP_USER_AGENT="pytest-partner")
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    url = reverse(f"vroegsignalering_api:{name}", kwargs=kwargs or None)
    if data is None:
        return client.get(url, headers=headers)
    return client.post(url, json.dumps(data), content_type="application/json", headers=headers)
