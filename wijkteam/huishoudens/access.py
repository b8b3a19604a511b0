# SPDX-License-Identifier: EUPL-1.2
"""Access helpers: the only way views read persons and households. Each read is audited.

Who may see a person or household is decided by *grants*. A grant answers, for one user, "which
extra rows may this user see?" as a Q over Persoon and a Q over Huishouden (None: nothing). A user
sees the union of all grants, and only if `may_view_personal_data(user)` holds at all.

Built in (registered below):
- "wijk": wijkteam staff see residents living in a wijk one of their teams covers;
- "privacy": the privacy officer sees everyone (for data-subject requests); that too is audited.

Later apps register their own without huishoudens importing them, typically in AppConfig.ready():

    from wijkteam.huishoudens.access import Grant, register_grant

    register_grant(Grant(
        name="zaken.regisseur",
        persons=lambda user: Q(zaken__regisseur=user),
        households=lambda user: Q(leden__zaken__regisseur=user),
    ))

A grant must be cheap (it is evaluated on every read) and express its rule as a Q, so the database
filters; `register_grant` returns nothing and refuses a second grant with the same name;
`unregister_grant(name)` removes one (tests). Grants only ever add.

*Restrictions* take away. A restriction answers, for one user, "which rows must this user NOT see, even
where a grant lets them?" as a Q over Persoon and a Q over Huishouden (None: hide nothing). What a user
sees is (union of grants) minus (union of restrictions). Need to know is the example: `casussen` hides a
household with an open case from team members outside that case, although the "wijk" grant shows every
resident of the team's wijk:

    from wijkteam.huishoudens.access import Restriction, register_restriction

    register_restriction(Restriction(
        name="casussen.need_to_know",
        persons_hidden=lambda user: Q(huishouden_id__in=<open cases this user is not on>.values("huishouden_id")),
        households_hidden=lambda user: Q(pk__in=<the same>.values("huishouden_id")),
    ))

A restriction, like a grant, is a Q the database evaluates (write it as `pk__in=<subquery>` so the
exclusion stays one NOT IN, also for persons without a household), returns None for users it does not
concern (the privacy officer must keep seeing everyone for data-subject requests), and is registered in
the registering app's AppConfig.ready(); `unregister_restriction(name)` removes one (tests).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from wijkteam.accounts.decorators import deny
from wijkteam.accounts.models import Role
from wijkteam.accounts.permissions import has_role, may_view_personal_data
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.gebieden.postcodes import normalise_postcode

from . import crypto
from .models import Huishouden, Persoon, validate_bsn

SEARCH_LIMIT = 50
# Every row: what a grant returns when the user may see all (Q() would vanish in an OR).
EVERYONE = Q(pk__isnull=False)

GrantRule = Callable[[Any], Q | None]


@dataclass(frozen=True)
class Grant:
    name: str
    persons: GrantRule
    households: GrantRule


_grants: dict[str, Grant] = {}
_grants_lock = threading.Lock()


def register_grant(grant: Grant) -> None:
    with _grants_lock:
        if grant.name in _grants:
            raise ValueError(f"a grant named {grant.name!r} is already registered")
        _grants[grant.name] = grant


def unregister_grant(name: str) -> None:
    with _grants_lock:
        _grants.pop(name, None)


def registered_grants() -> list[Grant]:
    with _grants_lock:
        return list(_grants.values())


@dataclass(frozen=True)
class Restriction:
    name: str
    persons_hidden: GrantRule
    households_hidden: GrantRule


_restrictions: dict[str, Restriction] = {}


def register_restriction(restriction: Restriction) -> None:
    with _grants_lock:
        if restriction.name in _restrictions:
            raise ValueError(f"a restriction named {restriction.name!r} is already registered")
        _restrictions[restriction.name] = restriction


def unregister_restriction(name: str) -> None:
    with _grants_lock:
        _restrictions.pop(name, None)


def registered_restrictions() -> list[Restriction]:
    with _grants_lock:
        return list(_restrictions.values())


def households_hidden_from(user: Any) -> QuerySet[Huishouden, Any] | None:
    """The ids of the households a restriction of `huishoudens.access` hides from this user (None: none).

    The registered restrictions themselves, not `households_visible_to`: that one also asks the *grants*,
    which follow the household's address, while a zaak follows its buurt and a request its team (a teamleider
    may route one to another team). What must win everywhere is the restriction (need to know), so the rule
    stays casussen's own and is not repeated by the capabilities. One subquery: the caller's query count does
    not change. Used by `vroegsignalering.access` and `hulpvragen.access`.
    """
    hidden = [q for restriction in registered_restrictions()
              if (q := restriction.households_hidden(user)) is not None]
    if not hidden:
        return None
    return Huishouden.objects.filter(reduce(or_, hidden)).values("pk")


def _visible(user: Any, rule: Callable[[Grant], GrantRule], hidden: Callable[[Restriction], GrantRule]) -> Q | None:
    if not may_view_personal_data(user):
        return None
    combined: Q | None = None
    for grant in registered_grants():
        q = rule(grant)(user)
        if q is not None:
            combined = q if combined is None else combined | q
    if combined is None:
        return None
    for restriction in registered_restrictions():
        q = hidden(restriction)(user)
        if q is not None:
            combined &= ~q
    return combined


def persons_visible_to(user: Any) -> QuerySet[Persoon]:
    base = Persoon.objects.select_related("huishouden__adres__buurt__wijk")
    q = _visible(user, lambda g: g.persons, lambda r: r.persons_hidden)
    return base.none() if q is None else base.filter(pk__in=Persoon.objects.filter(q).values("pk"))


def households_visible_to(user: Any) -> QuerySet[Huishouden]:
    base = Huishouden.objects.select_related("adres__buurt__wijk")
    q = _visible(user, lambda g: g.households, lambda r: r.households_hidden)
    return base.none() if q is None else base.filter(pk__in=Huishouden.objects.filter(q).values("pk"))


def _privacy(rows: Q) -> GrantRule:
    return lambda user: rows if has_role(user, Role.PRIVACY) else None


register_grant(Grant("privacy", persons=_privacy(EVERYONE), households=_privacy(EVERYONE)))
register_grant(Grant(
    "wijk",
    persons=lambda user: Q(huishouden__adres__buurt__wijk__teams__leden=user),
    households=lambda user: Q(adres__buurt__wijk__teams__leden=user),
))


def get_person_for_user(request: HttpRequest, pk: int) -> Persoon:
    """The person, if this user may see them; the read (or the refusal) goes to the audit trail."""
    person = persons_visible_to(request.user).filter(pk=pk).first()
    if person is None:
        # 403 whether or not the id exists, so ids cannot be probed; the row names the person if real.
        row = Persoon.objects.filter(pk=pk).values("huishouden_id").first()
        raise deny(request, object_type="huishoudens.persoon", object_id=pk,
                   person_id=pk if row else None, household_id=row["huishouden_id"] if row else None)
    record(request, Action.READ, obj=person, person_id=person.pk, household_id=person.huishouden_id)
    return person


def get_household_for_user(request: HttpRequest, pk: int) -> Huishouden:
    household = households_visible_to(request.user).filter(pk=pk).first()
    if household is None:
        exists = Huishouden.objects.filter(pk=pk).exists()
        raise deny(request, object_type="huishoudens.huishouden", object_id=pk, household_id=pk if exists else None)
    record(request, Action.READ, obj=household, household_id=household.pk)
    return household


def household_members_for_user(request: HttpRequest, household: Huishouden) -> list[Persoon]:
    """The members shown on a household page; each is a read of that person's data, so each is audited."""
    members = list(household.leden.order_by("geboortedatum", "pk"))
    record_shown(request, members, via="huishouden")
    return members


def record_shown(request: HttpRequest, persons: list[Persoon], *, via: str) -> None:
    """One READ row per person whose name a page shows, so the person's own trail is complete.

    A loop of record(): pages show at most SEARCH_LIMIT persons, so this stays a bounded number of INSERTs.
    """
    for person in persons:
        record(request, Action.READ, obj=person, person_id=person.pk, household_id=person.huishouden_id,
               detail={"via": via})


def looks_like_bsn(query: str) -> bool:
    """8 or 9 digits (dots and spaces allowed): such input never goes into a GET search (URL, history, logs)."""
    digits = query.replace(" ", "").replace(".", "")
    return digits.isdigit() and len(digits) in (8, 9)


def search_persons(request: HttpRequest, query: str) -> tuple[str, list[Persoon]]:
    """Search within the user's scope by postcode or surname. A BSN goes through `search_person_by_bsn`.

    The audit row records the kind of search and the number of hits, never the query itself: a name
    typed into the box is personal data. Each person in the results is recorded as read.
    """
    query = query.strip()
    if looks_like_bsn(query):
        raise ValueError("BSN-shaped input belongs in search_person_by_bsn (POST)")
    qs = persons_visible_to(request.user)
    try:
        postcode = normalise_postcode(query)
    except ValidationError:
        kind = "naam"
        qs = qs.filter(achternaam__icontains=query)
    else:
        kind = "postcode"
        qs = qs.filter(huishouden__adres__postcode=postcode)
    return kind, _search_results(request, qs, kind)


def search_person_by_bsn(request: HttpRequest, bsn: str) -> list[Persoon]:
    """Exact search through the keyed hash; an invalid BSN raises ValidationError (Dutch, 11-proef)."""
    qs = persons_visible_to(request.user).filter(bsn_hash=crypto.lookup_hash(validate_bsn(bsn)))
    return _search_results(request, qs, "bsn")


def _search_results(request: HttpRequest, qs: QuerySet[Persoon], kind: str) -> list[Persoon]:
    results = list(qs.order_by("achternaam", "voornamen", "pk")[:SEARCH_LIMIT])
    record(request, Action.SEARCH, object_type="huishoudens.persoon", detail={"kind": kind, "hits": len(results)})
    record_shown(request, results, via="zoeken")
    return results
