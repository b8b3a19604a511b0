# SPDX-License-Identifier: EUPL-1.2
"""Freshness pages under /werk/sociale-kaart/: the "klopt nog" link from the partner's mail and the
worklist of entries nobody confirmed in time ("verouderd")."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from wijkteam.accounts.decorators import require
from wijkteam.accounts.models import Role, User
from wijkteam.accounts.permissions import (
    has_role,
    may_maintain_sociale_kaart,
    may_merge_sociale_kaart,
    may_view_verouderd_aanbod,
)
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.access_rules import public

from .. import access
from ..models import Service
from ..models.werk import VerificationStatus, VerificationTask
from ..navigation import PAGE_SIZE, nav_context
from ..partner import services
from ..visibility import hide_cutoff, last_checked
from . import TokenError, due_services, freshness_label, link_days, read_token, unreachable_organizations


@public("no login: the signed, expiring token from the mail is the permission, for one service")
@require_http_methods(["GET", "POST"])
def klopt_nog_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the mail. GET only shows what will be confirmed; the POST button confirms.

    No login needed: the signed, expiring token is the permission, and it allows exactly one
    thing, confirming one service. A tampered token gets 400, an expired one 410.
    """
    try:
        payload = read_token(token)
    except TokenError as exc:
        record(request, Action.DENIED, outcome="denied", object_type="sociale_kaart.verificationtask",
               detail={"reason": exc.reason})
        status = 410 if exc.reason == "expired" else 400
        return render(request, "sociale_kaart/freshness/klopt_nog_ongeldig.html",
                      {"reason": exc.reason, "link_days": link_days()}, status=status)
    task = VerificationTask.objects.select_related("service__organization__organisatie").filter(
        pk=payload["t"]).first()
    user = User.objects.filter(pk=payload["u"]).first() if payload.get("u") else None
    organization = task.service.organization if task else None
    organisatie = organization.organisatie if organization else None
    # A link sent to a partner user counts while that user still works for the organisation; one
    # sent to a general or HSDS address (no user; every imported organisation) counts as it is.
    valid_user = user is None or (
        user.is_active and user.role == Role.PARTNER and organisatie is not None
        and user.organisatie_id == organisatie.pk
    )
    if task is None or organization is None or (payload.get("u") and user is None) or not valid_user:
        # The service was removed, or the recipient left: the link no longer counts.
        return render(request, "sociale_kaart/freshness/klopt_nog_ongeldig.html",
                      {"reason": "invalid", "link_days": link_days()}, status=400)
    service = task.service
    done = task.status != VerificationStatus.OPEN
    if request.method == "POST" and not done:
        name = organisatie.naam if organisatie is not None else organization.name
        updated_by = user.get_username() if user is not None else f"e-maillink:{name}"
        # Published in HSDS as assurer_email: without a user account, the kaart's own (public) address the mail
        # went to; a partner's account address is personal, so then the organisation's (verify_service's default).
        address = "" if user is not None else str(payload.get("a") or organization.email)
        services.verify_service(service, user=user, request=request, updated_by=updated_by, assurer_email=address)
        return render(request, "sociale_kaart/freshness/klopt_nog_bedankt.html", {"service": service})
    return render(request, "sociale_kaart/freshness/klopt_nog_bevestigen.html",
                  {"service": service, "task": task, "done": done, "token": token})



# --- Verouderd aanbod -------------------------------------------------------------------------------


@require(may_view_verouderd_aanbod)
def verouderd(request: HttpRequest) -> HttpResponse:
    """Entries nobody confirmed in time: hidden ones first, then those that need a check soon.

    Partners see their own; the beheerder all; wijkteam staff all, read-only (no buttons): they
    refer residents and should know which entries are hidden and why.
    """
    partner = has_role(request.user, Role.PARTNER)
    base = access.services_editable_by(request.user) if partner else Service.objects.all()
    qs = due_services().filter(pk__in=base.values("pk")).select_related("organization")
    page = Paginator(qs.order_by("assured_date", "created", "name", "id"), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    can_edit = may_maintain_sociale_kaart(request.user)
    rows = [(s, *freshness_label(s), last_checked(s)) for s in page.object_list]
    # The beheerder also hears how many organisations the "klopt dit nog?" mail cannot reach.
    unreachable = len(unreachable_organizations()) if may_merge_sociale_kaart(request.user) else 0
    return render(request, "sociale_kaart/freshness/verouderd.html", {
        "rows": rows, "page": page, "can_edit": can_edit, "hide_cutoff": hide_cutoff(),
        "unreachable": unreachable, **nav_context(request),
    })


@require(may_merge_sociale_kaart)
def onbereikbaar(request: HttpRequest) -> HttpResponse:
    """Organisations with entries waiting for "klopt dit nog?" that no mail reaches: no partner
    account with an address, no e-mail of their own in the HSDS data, none on the waiting services.
    The beheerder adds an address (or a partner account), or checks the entries himself."""
    rows = unreachable_organizations()
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "sociale_kaart/freshness/onbereikbaar.html", {"page": page, **nav_context(request)})
