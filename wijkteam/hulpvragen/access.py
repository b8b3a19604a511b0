# SPDX-License-Identifier: EUPL-1.2
"""Who may use hulpvragen's pages, and the read helper every view of a request goes through.

A request is personal data of the most sensitive kind (the resident's own words about debts, loneliness,
safety), so:
- the team the request is routed to (its `team`: the team whose wijk holds the address) sees it —
  medewerkers and teamleiders alike, because the intake queue is shared work;
- the **central queue** (requests without a team: no address, or an address outside every team's wijk)
  is seen by **teamleiders only**. Somebody has to route these, and routing is the team lead's job (they
  divide the work between teams); a medewerker would see residents of the whole municipality without
  need. Once routed (`services.route_to_team`) or assigned, the team sees it like any other;
- need to know comes first: a request of a household that a restriction of `huishoudens.access` hides
  from the user (casussen: a household with an open case is for the people on the case) is not the
  team's, only its behandelaar's (and the privacy officer's);
- the privacy officer may read every request (for a resident's inquiry); that read is audited like all;
- partners never open a request, not even one they handed over: they see only that it was received and
  by which team (`handovers_of_organisation`); analisten see no personal data at all.
Every read writes an audit READ row; every refusal a DENIED row (403, whether or not the id exists).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from wijkteam.accounts.decorators import deny
from wijkteam.accounts.models import Role
from wijkteam.accounts.permissions import has_role, is_verified
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.huishoudens.access import households_hidden_from

from .models import Hulpvraag


def may_handle_hulpvragen(user: Any) -> bool:
    """Work the intake queue: take a request, do the intake, file one taken by phone or at the desk."""
    return is_verified(user) and has_role(user, Role.MEDEWERKER, Role.TEAMLEIDER)


def may_view_hulpvragen(user: Any) -> bool:
    """Open a request (scope: the request's team, the central queue for teamleiders; privacy: all)."""
    return is_verified(user) and has_role(user, Role.MEDEWERKER, Role.TEAMLEIDER, Role.PRIVACY)


def may_route_hulpvragen(user: Any) -> bool:
    """Move a request to another team's queue (the central queue's work)."""
    return is_verified(user) and has_role(user, Role.TEAMLEIDER)


def may_file_warm_handover(user: Any) -> bool:
    """A partner hands a resident over to the wijkteam, with the resident's consent."""
    return is_verified(user) and has_role(user, Role.PARTNER) and getattr(user, "organisatie_id", None) is not None


def hulpvragen_scope(user: Any) -> Q | None:
    """The requests this user may open, as a Q (None: none at all)."""
    if not is_verified(user):
        return None
    if has_role(user, Role.PRIVACY):
        return Q(pk__isnull=False)
    if has_role(user, Role.TEAMLEIDER):
        scope = Q(team__leden=user.pk) | Q(team__isnull=True)
    elif has_role(user, Role.MEDEWERKER):
        scope = Q(team__leden=user.pk)
    else:
        return None
    hidden = households_hidden_from(user)
    if hidden is None:
        return scope
    # Need to know (see the module docstring); the behandelaar keeps the request they work on.
    return scope & (~Q(huishouden__in=hidden) | Q(behandelaar=user.pk))


def hulpvragen_visible_to(user: Any) -> QuerySet[Hulpvraag]:
    q = hulpvragen_scope(user)
    if q is None:
        return Hulpvraag.objects.none()
    # A subquery keeps the team join out of the caller's query (no duplicates for a user in two teams).
    return Hulpvraag.objects.filter(pk__in=Hulpvraag.objects.filter(q).values("pk"))


def get_hulpvraag_for_user(request: HttpRequest, pk: int, *, purpose: str = "read") -> Hulpvraag:
    """The request, if this user may open it; the read (or the refusal) goes to the audit trail.

    `purpose` names what the view does with it (read, assign, status, ...) in the audit row's detail.
    """
    hulpvraag = (hulpvragen_visible_to(request.user).filter(pk=pk)
                 .select_related("persoon", "huishouden__adres__buurt__wijk", "team", "behandelaar",
                                 "verwijzer_organisatie", "vroegsignaalzaak", "aangemaakt_door")
                 .first())
    if hulpvraag is None:
        row = Hulpvraag.objects.filter(pk=pk).values("persoon_id", "huishouden_id").first()
        raise deny(request, object_type="hulpvragen.hulpvraag", object_id=pk,
                   person_id=row["persoon_id"] if row else None, household_id=row["huishouden_id"] if row else None)
    record(request, Action.READ, obj=hulpvraag,
           person_id=hulpvraag.persoon_id, household_id=hulpvraag.huishouden_id, detail={"view": purpose})
    return hulpvraag


def handovers_of_organisation(user: Any) -> QuerySet[Hulpvraag]:
    """A partner's warm handovers: only what the partner may know afterwards (received, when, which team)."""
    if not may_file_warm_handover(user):
        return Hulpvraag.objects.none()
    return (Hulpvraag.objects.filter(verwijzer_organisatie_id=user.organisatie_id)
            .select_related("team").only("pk", "ontvangen", "team__naam", "verwijzer_organisatie_id"))
