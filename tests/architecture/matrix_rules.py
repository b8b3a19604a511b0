# SPDX-License-Identifier: EUPL-1.2
"""Who the role-by-URL matrix expects to be let in, derived from each URL's access rule. Shared by the
matrix test (real users, real requests) and the generated table in docs/url-access.md."""

from __future__ import annotations

from typing import Any

from wijkteam.accounts.models import Role, User
from wijkteam.core.access_rules import AccessRule, Kind, Scope

# The named users of tests/conftest.py, plus a partner of another organisation.
ROLES = ["anonymous", "medewerker", "medewerker_b", "teamleider", "partner", "partner_b", "analist", "privacy",
         "beheerder"]
ROLE_OF = {"medewerker_b": Role.MEDEWERKER, "partner_b": Role.PARTNER}

# Which of the named users reach team A's resident / organisation A's entry once past the role check.
SCOPE_REACH: dict[Scope, set[str]] = {
    Scope.TEAM: {"medewerker", "teamleider", "privacy"},  # own team; the privacy officer sees everyone
    Scope.ORGANISATION: {"partner", "beheerder"},  # own organisation; the beheerder keeps all
    Scope.CASE: {"medewerker", "teamleider"},  # the example case's regisseur and its team lead
}


def stand_in(role: str) -> User | None:
    """An unsaved user of this role, past the second factor, for asking a rule's check."""
    if role == "anonymous":
        return None
    return User(username=role, role=ROLE_OF.get(role, role), is_active=True)


def expected_allowed(rule: AccessRule, role: str, user: Any) -> bool:
    if rule.kind == Kind.PUBLIC:
        return True
    if user is None:
        return False
    if rule.kind == Kind.SIGNED_IN:
        return True
    assert rule.check is not None
    user.is_verified = lambda: True  # as django-otp's middleware does once the code was accepted
    if not rule.check(user):
        return False
    return rule.scope is None or role in SCOPE_REACH[rule.scope]
