# SPDX-License-Identifier: EUPL-1.2
"""The demo signal partner's API token, made fresh each time the demo starts and printed with the logins.

A token is stored hashed (accounts.api_tokens) and so can only be shown when it is made: each start
revokes the previous demo token and makes a new one (valid 30 days, scope "signalen"), which is the same
thing a beheerder does when a partner loses its key. Demo environments only (demo_gemeente checks that).
"""

from __future__ import annotations

from wijkteam.accounts.api_tokens import create_token, revoke_token
from wijkteam.accounts.models import ApiScope, ApiToken, Organisatie, Role, User

from ..generator import GEMEENTE_CODE
from ..logins import DEMO_URL
from .steps import DEMO_PARTNER

TOKEN_NAME = "Demo-sleutel"  # noqa: S105 - the name shown in the token list, not a secret


def demo_token_lines(url: str = DEMO_URL) -> list[str]:
    partner = Organisatie.objects.filter(naam=DEMO_PARTNER, gemeenten__code=GEMEENTE_CODE).first()
    beheerder = User.objects.filter(role=Role.BEHEERDER, is_active=True).order_by("pk").first()
    if partner is None or beheerder is None:
        return []
    for old in ApiToken.objects.filter(organisatie=partner, naam=TOKEN_NAME, ingetrokken_op__isnull=True):
        revoke_token(old, by=beheerder)
    _token, secret = create_token(partner, scopes=[ApiScope.SIGNALEN], naam=TOKEN_NAME, by=beheerder, valid_days=30)
    return [
        f"  Signal partner API ({DEMO_PARTNER}), token valid 30 days, new at every start:",
        f"      Authorization: Bearer {secret}",
        f"      API description: {url}/api/vroegsignalering/openapi.json",
    ]
