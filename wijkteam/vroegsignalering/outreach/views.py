# SPDX-License-Identifier: EUPL-1.2
"""Outreach pages (/werk/vroegsignalering/): the team's work queue, the team lead's overview, and the team's
deadlines and routing rules. Every page works without JavaScript (plain GET filters and POST buttons).

Who: the queue is for the team's medewerkers and teamleiders and lists only zaken they may see
(`access.zaken_visible_to`); each household named on a page is an audited read. The overview and the
settings are the teamleider's, for their own teams (`access.get_team_for_lead`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkteam.accounts.decorators import deny, require
from wijkteam.accounts.models import Role, Team, User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.access_rules import Scope
from wijkteam.core.query_ids import database_id
from wijkteam.huishoudens.access import record_shown
from wijkteam.huishoudens.models import Persoon

from ..access import (
    get_team_for_lead,
    get_zaak_for_user,
    may_lead_outreach,
    may_work_on_zaken,
    teams_led_by,
    zaken_visible_to,
)
from ..models import OutreachInstelling, RoutingRegel, Signaal, Vroegsignaalzaak
from . import queue as q
from .forms import RegelForm, TermijnenForm
from .services import (
    AssignmentNotAllowed,
    add_regel,
    assign_zaak,
    delete_regel,
    move_regel,
    save_termijnen,
    team_buurten,
    team_workers,
)

PAGE_SIZE = 25
OVERDUE_SHOWN = 50
TOON = ("alle", "mijn", "vrij")


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # @require let only a logged-in, verified user in
    return request.user


def _names(request: HttpRequest, zaken: list[Vroegsignaalzaak], *, via: str) -> dict[int, list[str]]:
    """Zaak id → the surnames of the persons its signals are about: who the worker is to reach.

    One query; each person named is an audited read (huishoudens.access.record_shown).
    """
    rows = list(Signaal.objects.filter(zaak_id__in=[z.pk for z in zaken], persoon__isnull=False)
                .values_list("zaak_id", "persoon_id", "persoon__tussenvoegsel", "persoon__achternaam",
                             "persoon__huishouden_id").distinct().order_by("zaak_id", "persoon_id"))
    names: dict[int, list[str]] = {}
    shown: dict[int, Persoon] = {}
    for zaak_id, persoon_id, tussenvoegsel, achternaam, household_id in rows:
        name = " ".join(part for part in (tussenvoegsel, achternaam) if part)
        if name not in names.setdefault(zaak_id, []):
            names[zaak_id].append(name)
        shown[persoon_id] = Persoon(pk=persoon_id, huishouden_id=household_id)
    record_shown(request, list(shown.values()), via=via)
    return names


def _workers_by_team(teams: list[Team]) -> dict[int, list[User]]:
    return {team.pk: team_workers(team) for team in teams}


@require(may_work_on_zaken)
def outreach_queue(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    teams = list(user.teams.order_by("naam"))
    today = timezone.localdate()
    team_id = database_id(request.GET.get("team"))
    team = next((t for t in teams if t.pk == team_id), teams[0] if teams else None)
    toon = request.GET.get("toon") or "alle"
    toon = toon if toon in TOON else "alle"
    buurten = team_buurten(team) if team else []
    buurt_id = database_id(request.GET.get("buurt"))
    if buurt_id not in {b.pk for b in buurten}:
        buurt_id = None
    page = None
    names: dict[int, list[str]] = {}
    workers: list[User] = []
    if team is not None:
        page = Paginator(q.queue(user, team, today=today, toon=toon, buurt_id=buurt_id), PAGE_SIZE).get_page(
            request.GET.get("pagina"))
        zaken = list(page.object_list)
        names = _names(request, zaken, via="wachtrij")
        for zaak in zaken:
            record(request, Action.READ, obj=zaak, household_id=zaak.huishouden_id, detail={"via": "wachtrij"})
        if user.role == Role.TEAMLEIDER:
            workers = team_workers(team)
        rows = [{"zaak": z, "names": names.get(z.pk, []),
                 "termijn": z.termijn_afsluiten if z.eerste_contactpoging else z.termijn_eerste_contact,
                 "pak_op": z.toegewezen_aan_id is None and z.team_id == team.pk,
                 "geef_terug": z.toegewezen_aan_id == user.pk and user.role == Role.MEDEWERKER}
                for z in zaken]
    else:
        rows = []
    filters = {"team": team.pk if team else "", "toon": toon, "buurt": buurt_id or ""}
    return render(request, "vroegsignalering/outreach/queue.html", {
        "teams": teams, "team": team, "toon": toon, "buurten": buurten, "buurt_id": buurt_id, "page": page,
        "rows": rows, "workers": workers, "today": today, "query": urlencode(filters),
        "here": request.get_full_path(), "is_lead": user.role == Role.TEAMLEIDER,
    })


@require(may_work_on_zaken, scope=Scope.TEAM)
@require_POST
def zaak_assign(request: HttpRequest, pk: int) -> HttpResponse:
    """Assign a zaak: "mij" (take it), "" (back to the pool) or a worker's id (the teamleider)."""
    user = _user(request)
    zaak = get_zaak_for_user(request, pk)
    aan = request.POST.get("aan", "mij")
    to: User | None
    if aan == "mij":
        to = user
    elif aan == "":
        to = None
    else:
        to = User.objects.filter(pk=database_id(aan) or 0).first()
        if to is None:
            messages.error(request, _("Kies een medewerker uit de lijst."))
            return _back(request)
    if to is not None and to != user and user.role != Role.TEAMLEIDER:
        # Only the team lead hands zaken to others: a medewerker's form never offers it.
        raise deny(request, object_type="vroegsignalering.vroegsignaalzaak", object_id=pk,
                   household_id=zaak.huishouden_id)
    try:
        assign_zaak(zaak, to=to, by=user, request=request)
    except AssignmentNotAllowed as error:
        messages.error(request, " ".join(error.messages))
    else:
        if to is None:
            messages.success(request, _("De zaak staat weer in de pool van het team."))
        elif to == user:
            messages.success(request, _("U pakt deze zaak op."))
        else:
            messages.success(request, _("De zaak is toegewezen aan %(naam)s.")
                             % {"naam": to.get_full_name() or to.username})
    return _back(request)


def _back(request: HttpRequest) -> HttpResponseRedirect:
    target = request.POST.get("volgende", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(reverse("vroegsignalering:outreach_queue"))


@require(may_lead_outreach)
def outreach_overview(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    today = timezone.localdate()
    teams = list(teams_led_by(user))
    blocks = []
    for team in teams:
        # The list names residents: only the zaken this lead may open (need to know); the figures count all.
        overdue = list(q.with_lateness(q.open_zaken_of(team), today).filter(
            q.te_laat_contact(today) | q.te_laat_afsluiten(today),
            pk__in=zaken_visible_to(user).values("pk")).select_related(
            "huishouden__adres", "buurt", "toegewezen_aan").order_by(*q.QUEUE_ORDER)[:OVERDUE_SHOWN])
        names = _names(request, overdue, via="overzicht")
        for zaak in overdue:
            record(request, Action.READ, obj=zaak, household_id=zaak.huishouden_id, detail={"via": "overzicht"})
        blocks.append({"figures": q.figures(team, today=today),
                       "overdue": [{"zaak": z, "names": names.get(z.pk, [])} for z in overdue]})
    central = Vroegsignaalzaak.objects.filter(status__in=sorted(q.ZAAK_OPEN), team__isnull=True).count()
    return render(request, "vroegsignalering/outreach/overview.html", {
        "blocks": blocks, "today": today, "central": central, "overdue_shown": OVERDUE_SHOWN})


def _settings_context(team: Team, termijnen: TermijnenForm, regel: RegelForm) -> dict[str, Any]:
    return {"team": team, "termijnen": termijnen, "regel_form": regel,
            "regels": list(RoutingRegel.objects.filter(team=team).select_related("buurt__wijk", "medewerker")
                           .order_by("volgorde", "pk"))}


@require(may_lead_outreach, scope=Scope.TEAM)
def outreach_settings(request: HttpRequest, team_pk: int) -> HttpResponse:
    """The team's deadlines and routing rules (add here; reorder and delete through `routing_rule`)."""
    user = _user(request)
    team = get_team_for_lead(request, team_pk)
    instelling = OutreachInstelling.objects.filter(team=team).first()
    termijnen = TermijnenForm.for_team(instelling)
    regel = RegelForm(team=team)
    if request.method == "POST":
        if request.POST.get("form") == "termijnen":
            termijnen = TermijnenForm.for_team(instelling, request.POST)
            if termijnen.is_valid():
                data = termijnen.cleaned_data
                save_termijnen(team, eerste_contact=data["eerste_contact"],
                               eerste_contact_crisis=data["eerste_contact_crisis"], afsluiten=data["afsluiten"],
                               by=user, request=request)
                messages.success(request, _("De termijnen zijn opgeslagen. Ze gelden voor nieuwe zaken."))
                return HttpResponseRedirect(request.path)
        else:
            regel = RegelForm(request.POST, team=team)
            if regel.is_valid():
                try:
                    add_regel(team, buurt=regel.cleaned_data["buurt"], medewerker=regel.cleaned_data["medewerker"],
                              by=user, request=request)
                except ValidationError as error:
                    regel.add_error(None, error)
                else:
                    messages.success(request, _("De regel is toegevoegd."))
                    return HttpResponseRedirect(request.path + "#regels")
        status = 400
    else:
        status = 200
    return render(request, "vroegsignalering/outreach/settings.html", _settings_context(team, termijnen, regel),
                  status=status)


@require(may_lead_outreach, scope=Scope.TEAM)
@require_POST
def routing_rule(request: HttpRequest, team_pk: int, pk: int) -> HttpResponse:
    """Move a rule up or down, or delete it (`actie`)."""
    user = _user(request)
    team = get_team_for_lead(request, team_pk)
    actie = request.POST.get("actie")
    try:
        if actie in ("omhoog", "omlaag"):
            move_regel(team, pk, up=actie == "omhoog", by=user, request=request)
        elif actie == "verwijderen":
            delete_regel(team, pk, by=user, request=request)
            messages.success(request, _("De regel is verwijderd."))
        else:
            messages.error(request, _("Kies omhoog, omlaag of verwijderen."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return HttpResponseRedirect(reverse("vroegsignalering:outreach_settings", args=[team.pk]) + "#regels")
