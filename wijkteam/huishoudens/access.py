# SPDX-License-Identifier: EUPL-1.2
"""Access helpers: the only way views read persons and households. Each read is audited.

Scope for now: wijkteam staff see residents living in a wijk one of their teams covers; the privacy
officer sees everyone (for data-subject requests), and that too is audited. Case-level scoping
(own caseload) narrows this when cases land.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
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


def persons_visible_to(user: Any) -> QuerySet[Persoon]:
    base = Persoon.objects.select_related("huishouden__adres__buurt__wijk")
    if not may_view_personal_data(user):
        return base.none()
    if has_role(user, Role.PRIVACY):
        return base
    return base.filter(huishouden__adres__buurt__wijk__teams__leden=user).distinct()


def households_visible_to(user: Any) -> QuerySet[Huishouden]:
    base = Huishouden.objects.select_related("adres__buurt__wijk")
    if not may_view_personal_data(user):
        return base.none()
    if has_role(user, Role.PRIVACY):
        return base
    return base.filter(adres__buurt__wijk__teams__leden=user).distinct()


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


def search_persons(request: HttpRequest, query: str) -> tuple[str, list[Persoon]]:
    """Search within the user's scope by BSN (exact, through the keyed hash), postcode or surname.

    The audit row records the kind of search and the number of hits, never the query itself: a BSN or
    a name typed into the box is personal data.
    """
    query = query.strip()
    qs = persons_visible_to(request.user)
    kind = "naam"
    digits = query.replace(" ", "").replace(".", "")
    if digits.isdigit() and len(digits) in (8, 9):
        kind = "bsn"
        try:
            qs = qs.filter(bsn_hash=crypto.lookup_hash(validate_bsn(digits)))
        except ValidationError:
            qs = qs.none()
    else:
        try:
            postcode = normalise_postcode(query)
        except ValidationError:
            qs = qs.filter(achternaam__icontains=query)
        else:
            kind = "postcode"
            qs = qs.filter(huishouden__adres__postcode=postcode)
    results = list(qs.order_by("achternaam", "voornamen", "pk")[:SEARCH_LIMIT])
    record(request, Action.SEARCH, object_type="huishoudens.persoon", detail={"kind": kind, "hits": len(results)})
    return kind, results
