# SPDX-License-Identifier: EUPL-1.2
"""Read helpers for editing the sociale kaart: which organisations, services and locations a user
may change. Views fetch editable objects only through `get_*_for_edit`, which refuse (403) and
write the refusal to the audit trail with the object's id.

- beheerder: everything;
- partner: the directory organisations linked to their own partner organisation
  (Organization.organisatie == user.organisatie), with their services and locations;
- everyone else (wijkteam staff included): nothing.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from wijkteam.accounts.decorators import deny
from wijkteam.accounts.models import Role
from wijkteam.accounts.permissions import has_role, may_maintain_sociale_kaart

from .models import Location, Organization, Service
from .models.werk import VerificationStatus, VerificationTask


def organizations_editable_by(user: Any) -> QuerySet[Organization]:
    if not may_maintain_sociale_kaart(user):
        return Organization.objects.none()
    if has_role(user, Role.BEHEERDER):
        return Organization.objects.all()
    if user.organisatie_id is None:
        return Organization.objects.none()
    return Organization.objects.filter(organisatie_id=user.organisatie_id)


def services_editable_by(user: Any) -> QuerySet[Service]:
    if not may_maintain_sociale_kaart(user):
        return Service.objects.none()
    if has_role(user, Role.BEHEERDER):
        return Service.objects.all()
    return Service.objects.filter(organization__in=organizations_editable_by(user))


def locations_editable_by(user: Any) -> QuerySet[Location]:
    if not may_maintain_sociale_kaart(user):
        return Location.objects.none()
    if has_role(user, Role.BEHEERDER):
        return Location.objects.all()
    return Location.objects.filter(organization__in=organizations_editable_by(user))


def _deny(request: HttpRequest, object_type: str, pk: uuid.UUID | str) -> Exception:
    return deny(request, object_type=object_type, object_id=str(pk))


def get_service_for_edit(request: HttpRequest, pk: uuid.UUID | str) -> Service:
    """The service if this user may edit it; otherwise 403, audited with the service id.

    A 403 also for ids that do not exist, so nobody learns which ids exist by probing (the
    beheerder, who may edit everything, gets a plain 404 from the view instead).
    """
    service = services_editable_by(request.user).select_related("organization").filter(pk=pk).first()
    if service is None:
        if has_role(request.user, Role.BEHEERDER):
            raise Http404
        raise _deny(request, "sociale_kaart.service", pk)
    return service


def get_location_for_edit(request: HttpRequest, pk: uuid.UUID | str) -> Location:
    location = locations_editable_by(request.user).select_related("organization").filter(pk=pk).first()
    if location is None:
        if has_role(request.user, Role.BEHEERDER):
            raise Http404
        raise _deny(request, "sociale_kaart.location", pk)
    return location


def open_tasks_for(user: Any) -> QuerySet[VerificationTask]:
    """Open "klopt dit nog?" tasks of the organisations this user keeps (partner: own; beheerder: all)."""
    return (
        VerificationTask.objects.filter(status=VerificationStatus.OPEN, service__in=services_editable_by(user))
        .select_related("service__organization")
        .order_by("due_on", "service__name", "pk")
    )


def open_task_count(user: Any) -> int:
    """For the badge next to "Mijn aanbod"."""
    if not may_maintain_sociale_kaart(user):
        return 0
    return open_tasks_for(user).count()
