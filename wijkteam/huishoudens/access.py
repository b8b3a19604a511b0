# SPDX-License-Identifier: EUPL-1.2
"""Access helpers: the only way views read persons and households. Each read is audited.

Scope for now: wijkteam staff see residents living in a wijk one of their teams covers; the privacy
officer sees everyone (for data-subject requests), and that too is audited. Case-level scoping
(own caseload) narrows this when cases land.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from wijkteam.accounts.decorators import deny
from wijkteam.accounts.models import Role
from wijkteam.accounts.permissions import has_role, may_view_personal_data
from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from .models import Huishouden, Persoon


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
