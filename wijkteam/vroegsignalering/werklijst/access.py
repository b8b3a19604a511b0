# SPDX-License-Identifier: EUPL-1.2
"""Which worklist items a user sees: those whose signal belongs to a zaak the user may see (`access.zaken_visible_to`,
Scope.TEAM), so the worklist follows the zaak's scope exactly. Each item names a resident as the partner
delivered them: opening one is an audited read, a refusal an audited 403."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from wijkteam.accounts.decorators import deny
from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from ..access import zaken_visible_to
from ..models import MatchWerklijstItem, WerklijstStatus


def werklijst_visible_to(user: Any) -> QuerySet[MatchWerklijstItem]:
    return MatchWerklijstItem.objects.filter(signaal__zaak__in=zaken_visible_to(user).values("pk"))


def open_items_for(user: Any) -> QuerySet[MatchWerklijstItem]:
    return werklijst_visible_to(user).filter(status=WerklijstStatus.OPEN)


def get_werklijst_item_for_user(request: HttpRequest, pk: int) -> MatchWerklijstItem:
    item = (werklijst_visible_to(request.user).filter(pk=pk)
            .select_related("signaal__adres", "signaal__huishouden", "signaal__zaak", "opgelost_door").first())
    if item is None:
        row = MatchWerklijstItem.objects.filter(pk=pk).values("signaal__huishouden_id").first()
        raise deny(request, object_type="vroegsignalering.matchwerklijstitem", object_id=pk,
                   household_id=row["signaal__huishouden_id"] if row else None)
    record(request, Action.READ, obj=item, household_id=item.signaal.huishouden_id,
           detail={"signaal": item.signaal_id})
    record(request, Action.READ, obj=item.signaal, household_id=item.signaal.huishouden_id,
           detail={"via": "werklijst"})
    return item
