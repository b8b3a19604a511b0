# SPDX-License-Identifier: EUPL-1.2
"""Who may do what, in one place. Views and access helpers ask these; nothing else decides."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser

from .models import Role, User

AnyUser = User | AnonymousUser


def has_role(user: Any, *roles: str) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "role", None) in roles)


def otp_verified(user: Any) -> bool:
    """django-otp's middleware adds `is_verified()` to request.user; true once a code was accepted."""
    return bool(getattr(user, "is_verified", lambda: False)())


def is_verified(user: Any) -> bool:
    """Logged in, and past the second factor where the role needs one."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not user.needs_two_factor:
        return True
    return otp_verified(user)


def may_use_werkomgeving(user: Any) -> bool:
    return is_verified(user) and bool(getattr(user, "role", ""))


def may_view_personal_data(user: Any) -> bool:
    """Roles that may open a resident's file at all (scope is narrowed further per object)."""
    return is_verified(user) and has_role(user, Role.MEDEWERKER, Role.TEAMLEIDER, Role.PRIVACY)


def may_view_audit_trail(user: Any) -> bool:
    return is_verified(user) and has_role(user, Role.PRIVACY)


def may_use_admin(user: Any) -> bool:
    return is_verified(user) and has_role(user, Role.BEHEERDER) and user.is_active


def may_reset_second_factor(user: Any) -> bool:
    """Removing someone's authenticator and opening an enrolment window for them: the beheerder only
    (whoever may do this can bind a phone to any account whose password they know)."""
    return is_verified(user) and has_role(user, Role.BEHEERDER) and user.is_active


# --- Sociale kaart: partner self-maintenance ---------------------------------------------------
# Which records a partner may edit (only its own organisation's) is decided per object in
# wijkteam.sociale_kaart.access; these say who may use the pages at all.


def may_maintain_sociale_kaart(user: Any) -> bool:
    """Partners keep their own entries; the beheerder keeps all of them."""
    return is_verified(user) and has_role(user, Role.PARTNER, Role.BEHEERDER)


def may_view_verouderd_aanbod(user: Any) -> bool:
    """The worklist of outdated entries: editors, and wijkteam staff read-only (they refer residents
    and should know which entries are hidden because nobody confirmed them)."""
    return is_verified(user) and has_role(user, Role.PARTNER, Role.BEHEERDER, Role.MEDEWERKER, Role.TEAMLEIDER)


def may_merge_sociale_kaart(user: Any) -> bool:
    """Judging and merging duplicates spans organisations: the beheerder only."""
    return is_verified(user) and has_role(user, Role.BEHEERDER)


def may_import_sociale_kaart(user: Any) -> bool:
    """HSDS import and export of the whole kaart (every organisation at once): the beheerder only."""
    return is_verified(user) and has_role(user, Role.BEHEERDER)


# --- Partner API tokens ------------------------------------------------------------------------


def may_manage_api_tokens(user: Any) -> bool:
    """Creating and revoking partner organisations' API tokens: the functioneel beheerder, who also
    keeps the organisations themselves (a token opens a door into the municipality's systems)."""
    return is_verified(user) and has_role(user, Role.BEHEERDER) and user.is_active
