# SPDX-License-Identifier: EUPL-1.2
"""Accounts' example objects for the role-by-URL matrix: an API token of partner organisation A."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wijkteam.accounts.api_tokens import create_token


def objects(place: Any, users: Any, named: dict[str, Any]) -> dict[str, Any]:
    token, _secret = create_token(users.partner.organisatie, scopes=["signalen"], naam="Matrix", by=users.beheerder)
    return {"api_token": token}


EXAMPLES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "accounts:api_token_revoke": lambda w: {"pk": w.objects["api_token"].pk},
}
