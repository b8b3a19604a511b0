# SPDX-License-Identifier: EUPL-1.2
"""Every URL declares who may use it: the access rule a view carries, in one visible place.

A view gets its rule from the decorator on the line above it:

- `@require(check, scope=...)` (wijkteam.accounts.decorators): the role check it enforces, plus the
  object-level scope the view checks through an access helper;
- `@public(reason)`: anyone, anonymous visitors included;
- `@signed_in(reason)`: any logged-in user, also before the second factor (the login steps).

`public` and `signed_in` only write the rule down; they change nothing about the view. The rule is
read by tests/architecture, which fails on a URL without one and requests every URL as every role.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar


class Kind(StrEnum):
    REQUIRE = "require"
    PUBLIC = "public"
    SIGNED_IN = "signed_in"


class Scope(StrEnum):
    """Object-level checks a view does through an access helper, after the role check."""

    # huishoudens.access (get_person_for_user, get_household_for_user): the resident lives in a wijk
    # of one of the user's teams; the privacy officer sees everyone.
    TEAM = "team"
    # sociale_kaart.access (get_service_for_edit, get_location_for_edit): the partner's own
    # organisation; the beheerder all of them.
    ORGANISATION = "organisation"
    # casussen.access (get_case_for_user): need to know. The case's regisseur and co-workers and the
    # team lead of its team; anyone else in the team only through emergency access (break the glass).
    CASE = "case"


@dataclass(frozen=True)
class AccessRule:
    kind: Kind
    check: Callable[[Any], bool] | None = None
    scope: Scope | None = None
    reason: str = ""

    def __post_init__(self) -> None:
        if self.kind == Kind.REQUIRE and self.check is None:
            raise ValueError("A required rule names its check.")
        if self.kind != Kind.REQUIRE and not self.reason.strip():
            raise ValueError("A public or signed-in rule says why.")

    def describe(self) -> str:
        if self.kind == Kind.REQUIRE:
            name = getattr(self.check, "__name__", repr(self.check))
            return f"require({name}{f', scope={self.scope.value}' if self.scope else ''})"
        return f"{self.kind.value}({self.reason!r})"


Marked = TypeVar("Marked")


def mark(view: Marked, rule: AccessRule) -> Marked:
    """Attach `rule` to a view function or class (a class-based view passes it on through as_view)."""
    view.access_rule = rule  # type: ignore[attr-defined]
    return view


def public(reason: str) -> Callable[[Marked], Marked]:
    """Anyone may use this view, anonymous visitors included; `reason` says why that is right."""
    rule = AccessRule(Kind.PUBLIC, reason=reason)
    return lambda view: mark(view, rule)


def signed_in(reason: str) -> Callable[[Marked], Marked]:
    """Any logged-in user, whatever the role and also before the second factor (login steps)."""
    rule = AccessRule(Kind.SIGNED_IN, reason=reason)
    return lambda view: mark(view, rule)


# Views of other packages that the URL configuration mounts, by dotted path: we cannot decorate them.
FOREIGN_VIEWS: dict[str, AccessRule] = {
    "django.views.i18n.set_language": AccessRule(Kind.PUBLIC, reason="the language switch, for everyone"),
}


def rule_of(view: Any) -> AccessRule | None:
    """The rule a URL's view declares, or None."""
    rule = getattr(view, "access_rule", None)
    if rule is None:
        rule = getattr(getattr(view, "view_class", None), "access_rule", None)
    if rule is None:
        rule = FOREIGN_VIEWS.get(f"{getattr(view, '__module__', '')}.{getattr(view, '__qualname__', '')}")
    return rule
