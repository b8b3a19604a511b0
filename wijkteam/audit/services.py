# SPDX-License-Identifier: EUPL-1.2
"""`record()`: the one helper every feature calls to write the audit trail."""

from __future__ import annotations

from typing import Any

import structlog
from django.db import models
from django.http import HttpRequest
from django.utils import timezone

from wijkteam.core.client_ip import client_ip

from .models import Action, AuditEvent, Outcome

log = structlog.get_logger(__name__)


def record(
    request: HttpRequest | None,
    action: Action | str,
    *,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: Any = "",
    person_id: int | None = None,
    household_id: int | None = None,
    outcome: Outcome | str = Outcome.SUCCESS,
    user: Any = None,
    username: str = "",
    on_behalf_of: str = "",
    reason: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit row. `request` supplies who and the access point; pass `user` when there is none."""
    if user is None and request is not None:
        user = getattr(request, "user", None)
    authenticated = bool(user is not None and getattr(user, "is_authenticated", False))
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
    event = AuditEvent(
        timestamp=timezone.now(),
        user_id=user.pk if authenticated else None,
        username=(user.get_username() if authenticated else username)[:150],
        role=(getattr(user, "role", "") or "") if authenticated else "",
        on_behalf_of=on_behalf_of[:200],
        action=str(action),
        outcome=str(outcome),
        object_type=object_type,
        object_id=str(object_id or "")[:64],
        person_id=person_id,
        household_id=household_id,
        reason=reason[:500],
        detail=detail or {},
    )
    if request is not None:
        event.ip_address = client_ip(request)
        event.user_agent = request.headers.get("User-Agent", "")[:300]
        event.request_id = getattr(request, "request_id", "")
        event.path = request.path[:300]
    event.save()
    # The log line carries ids only, never names or BSNs.
    log.info(
        "audit",
        audit_id=event.pk,
        action=event.action,
        outcome=event.outcome,
        user_id=event.user_id,
        object_type=event.object_type,
        object_id=event.object_id,
        person_id=person_id,
    )
    return event
