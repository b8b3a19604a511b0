# SPDX-License-Identifier: EUPL-1.2
"""The request moves on: once a next step (next_steps.py) is taken for a triaged request — a referral made,
the household's case opened — the request is "doorgezet". The capabilities above hulpvragen call
`mark_moved_on` from their own write path, inside its transaction, so the step and the status agree.

Only a triaged request moves on: a step taken before the triage (a case opened straight from intake) leaves
the request where it is, and a second step for a request already moved on changes nothing (idempotent).
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from wijkteam.accounts.models import User

from .models import Hulpvraag, HulpvraagStatus
from .services import change_status


def mark_moved_on(hulpvraag: Hulpvraag, *, step: str, by: User | None, request: HttpRequest | None = None,
                  system: str = "") -> bool:
    """Move a triaged request to "doorgezet", naming the step in its history; True if it moved."""
    with transaction.atomic():
        status = Hulpvraag.objects.select_for_update().filter(pk=hulpvraag.pk).values_list("status", flat=True).first()
        if status != HulpvraagStatus.GETRIEERD:
            return False
        change_status(hulpvraag, HulpvraagStatus.DOORGEZET, by=by, request=request, system=system,
                      toelichting=_("Volgende stap gezet: %(stap)s") % {"stap": step})
    return True
