# SPDX-License-Identifier: EUPL-1.2
"""Who may use vroegsignalering's pages, and the read helpers that check scope and write the audit trail.

Uploads: the monthly file names residents of every wijk, so uploading it is the team lead's job (a
teamleider), never a partner's (partners send signals through their API token, item 4). The report of an
upload (counts and row errors, which quote the file's values) is shown to teamleiders of the uploader's
team; anyone else is refused, audited.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from wijkteam.accounts.decorators import deny
from wijkteam.accounts.models import Role
from wijkteam.accounts.permissions import has_role, is_verified
from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from .models import Signaal, SignaalSoort, Upload


def may_upload_signalen(user: Any) -> bool:
    return is_verified(user) and has_role(user, Role.TEAMLEIDER)


def get_upload_for_user(request: HttpRequest, pk: int, *, purpose: str = "report") -> Upload:
    """The upload, if this teamleider shares its team; the read (or the refusal) goes to the audit trail."""
    upload = Upload.objects.filter(pk=pk, team__leden=request.user.pk).select_related("geupload_door").first()
    if upload is None:
        raise deny(request, object_type="vroegsignalering.upload", object_id=pk)
    record(request, Action.EXPORT if purpose == "errors" else Action.READ, obj=upload, detail={"view": purpose})
    return upload


def zorgsignalen_visible_to(user: Any) -> QuerySet[Signaal]:
    """Concern signals are for the team of the household's wijk only: not the privacy officer's general
    view, not other teams (their purpose is the team's own care, not Wgs outreach)."""
    if not (is_verified(user) and has_role(user, Role.MEDEWERKER, Role.TEAMLEIDER)):
        return Signaal.objects.none()
    return Signaal.objects.filter(soort=SignaalSoort.ZORG, buurt__wijk__teams__leden=user.pk).distinct()


def uploads_visible_to(user: Any) -> Any:
    return Upload.objects.filter(team__leden=user).select_related("geupload_door").distinct()
