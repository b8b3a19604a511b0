# SPDX-License-Identifier: EUPL-1.2
"""Who may use vroegsignalering's pages, and the read helpers that check scope and write the audit trail.

Zaken (Scope.TEAM): a vroegsignaalzaak is seen by the medewerkers and teamleiders of a team that covers
the zaak's buurt, by the worker it is assigned to (a regisseur outside the team, item 6), and by the privacy
officer (data-subject requests). Need to know comes first: a zaak of a household that a restriction of
`huishoudens.access` hides from the user (casussen: a household with an open case is for the people on the
case) is not the team's, only the assigned worker's and the privacy officer's (`households_hidden_from`).
Partners and analisten never see one. `zaken_visible_to` is the queryset
every list starts from; `get_zaak_for_user` is the one way a page opens a single zaak (audited READ, or an
audited 403 whether or not the id exists, so ids cannot be probed).

Uploads: the monthly file names residents of every wijk, so uploading it is the team lead's job (a
teamleider), never a partner's (partners send signals through their API token, item 4). The report of an
upload (counts and row errors, which quote the file's values) is shown to teamleiders of the uploader's
team; anyone else is refused, audited.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from wijkteam.accounts.decorators import deny
from wijkteam.accounts.models import Role, Team
from wijkteam.accounts.permissions import has_role, is_verified
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.gebieden.models import Wijk
from wijkteam.huishoudens.access import households_hidden_from

from .models import Signaal, SignaalSoort, Upload, Vroegsignaalzaak


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


def may_work_on_zaken(user: Any) -> bool:
    """The outreach queue and a zaak's page: the team's medewerkers and teamleiders."""
    return is_verified(user) and has_role(user, Role.MEDEWERKER, Role.TEAMLEIDER)


def may_lead_outreach(user: Any) -> bool:
    """Routing rules, deadlines and the overview: the teamleider (of their own teams, checked per team)."""
    return is_verified(user) and has_role(user, Role.TEAMLEIDER)


def zaken_visible_to(user: Any) -> QuerySet[Vroegsignaalzaak]:
    """Scope.TEAM for zaken (see the module docstring); `.none()` for every other role."""
    if not is_verified(user):
        return Vroegsignaalzaak.objects.none()
    if has_role(user, Role.PRIVACY):
        return Vroegsignaalzaak.objects.all()
    if not has_role(user, Role.MEDEWERKER, Role.TEAMLEIDER):
        return Vroegsignaalzaak.objects.none()
    # A subquery rather than a join: the join through wijk → teams → leden would repeat rows.
    team = Q(pk__in=Vroegsignaalzaak.objects.filter(buurt__wijk__teams__leden=user.pk).values("pk"))
    hidden = households_hidden_from(user)
    if hidden is not None:
        # Need to know: the team sees no zaak of a household hidden from this user; the assigned worker
        # (typically the case's regisseur, item 6) still does, the zaak is their work.
        team &= ~Q(huishouden__in=hidden)
    return Vroegsignaalzaak.objects.filter(team | Q(toegewezen_aan=user.pk))


def get_zaak_for_user(request: HttpRequest, pk: int, *, for_update: bool = False) -> Vroegsignaalzaak:
    """The zaak, if this user may see it; the read (or the refusal) goes to the audit trail.

    `for_update` locks the row (select_for_update) for a write path that was handed the zaak by a view:
    call it inside `transaction.atomic()`.
    """
    qs = zaken_visible_to(request.user).filter(pk=pk).select_related(
        "huishouden__adres", "buurt__wijk", "team", "toegewezen_aan")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    zaak = qs.first()
    if zaak is None:
        row = Vroegsignaalzaak.objects.filter(pk=pk).values("huishouden_id").first()
        raise deny(request, object_type="vroegsignalering.vroegsignaalzaak", object_id=pk,
                   household_id=row["huishouden_id"] if row else None)
    record(request, Action.READ, obj=zaak, household_id=zaak.huishouden_id)
    return zaak


# --- Rapportage (H3): aggregates only --------------------------------------------------------------
# The funnel and the DDAS delivery hold no personal data (counts with disclosure control; the delivery's
# `client` is empty), so the analist may see them; the teamleider sees the funnel of the own team's wijken,
# not the delivery (record-level signals of every team).


def may_view_vroegsignalering_rapportage(user: Any) -> bool:
    return is_verified(user) and has_role(user, Role.ANALIST, Role.TEAMLEIDER)


def may_export_ddas(user: Any) -> bool:
    """The DDAS delivery is the gemeente's task, done by its analist: it holds every team's signals record by
    record, so a teamleider (who sees the own team's wijken only) does not download it."""
    return is_verified(user) and has_role(user, Role.ANALIST)


def rapportage_wijk_ids(user: Any) -> list[int] | None:
    """The wijken whose figures this user sees: None for the whole gemeente (analist), else the own teams'."""
    if has_role(user, Role.ANALIST):
        return None
    return list(Wijk.objects.filter(teams__leden=user.pk).values_list("pk", flat=True).distinct())


def teams_led_by(user: Any) -> QuerySet[Team]:
    """The teams whose outreach this user leads: a teamleider's own teams."""
    if not may_lead_outreach(user):
        return Team.objects.none()
    return Team.objects.filter(leden=user.pk).order_by("naam")


def get_team_for_lead(request: HttpRequest, pk: int) -> Team:
    """The team, if this user is its teamleider; else an audited 403 (settings and routing of other teams)."""
    team = teams_led_by(request.user).filter(pk=pk).first()
    if team is None:
        raise deny(request, object_type="accounts.team", object_id=pk)
    return team
