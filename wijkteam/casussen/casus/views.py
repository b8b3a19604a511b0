# SPDX-License-Identifier: EUPL-1.2
"""The case page (/werk/casussen/<pk>/) and its actions; opening a case (/werk/casussen/openen/).

The page shows the household and its members, who works on the case, the status with the steps it may take,
the plan in short, the open tasks (late ones marked) and one timeline of everything that happened. Each
action is a plain POST form that works without JavaScript; a refused action re-renders the page with the
Dutch error beside its field (400), nothing written.

Who: `access.may_work_on_cases` (wijkteam workers and team leads); which case: `access.get_case_for_user`
(Scope.CASE: regisseur, co-workers, team lead; others of the team through emergency access).
A team member outside the case gets a 403 that offers emergency access; anyone else the plain 403.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkteam.accounts.decorators import deny, require
from wijkteam.accounts.models import User
from wijkteam.core.access_rules import Scope
from wijkteam.core.forms import add_service_errors
from wijkteam.core.query_ids import database_id
from wijkteam.huishoudens.access import get_household_for_user, household_members_for_user
from wijkteam.hulpvragen.access import get_hulpvraag_for_user

from .. import services
from ..access import (
    active_emergency_access,
    case_exists_in_users_team,
    get_case_for_user,
    may_edit_case,
    may_lead_case,
    may_work_on_cases,
)
from ..actions import case_actions
from ..models import CASUS_OPEN, Casus, Taak
from ..plan.views import plan_summary
from ..timeline import case_timeline
from .forms import BreakGlassForm, CloseForm, ContactForm, OpenCaseForm, PeopleForm, ReopenForm, StatusForm, TaskForm

TASKS_SHOWN = 50


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # @require let only a logged-in worker in
    return request.user


def case_or_403(request: HttpRequest, pk: int) -> Casus:
    """The case through need to know; a team member outside it gets a 403 page that offers emergency access."""
    try:
        return get_case_for_user(request, pk)
    except PermissionDenied:
        casus = case_exists_in_users_team(request.user, pk)
        if casus is not None:
            raise OfferBreakGlass(casus) from None
        raise


class OfferBreakGlass(Exception):
    def __init__(self, casus: Casus) -> None:
        self.casus = casus


def _no_access(request: HttpRequest, casus: Casus) -> HttpResponse:
    return render(request, "casussen/geen_toegang.html", {"casus": casus}, status=403)


def _context(request: HttpRequest, casus: Casus, **bound: forms.Form) -> dict[str, Any]:
    user = _user(request)
    lead, edit = may_lead_case(user, casus), may_edit_case(user, casus)
    today = timezone.localdate()
    taken = list(Taak.objects.filter(casus=casus).select_related("toegewezen_aan")
                 .order_by("afgerond", "deadline", "id")[:TASKS_SHOWN])
    for taak in taken:
        taak.te_laat = taak.is_te_laat(today)  # type: ignore[attr-defined]
    context = {
        "casus": casus,
        "household": casus.huishouden,
        # The case is what lets this worker see the household: each name shown is its own audited read.
        "leden": household_members_for_user(request, casus.huishouden),
        "medewerkers": list(casus.medewerkers.order_by("first_name", "pk")),
        "may_lead": lead,
        "may_edit": edit,
        "noodtoegang": None if (lead or edit) else active_emergency_access(user, casus),
        "taken": taken,
        "plan": plan_summary(casus),
        "actions": case_actions(user, casus),
        "timeline": case_timeline(casus),
        "status_form": bound.get("status_form") or StatusForm(casus=casus),
        "close_form": bound.get("close_form") or CloseForm(casus=casus),
        "reopen_form": bound.get("reopen_form") or ReopenForm(casus=casus),
        "people_form": bound.get("people_form") or PeopleForm(casus=casus),
        "contact_form": bound.get("contact_form") or ContactForm(),
        "task_form": bound.get("task_form") or TaskForm(casus=casus),
    }
    return context


def _page(request: HttpRequest, casus: Casus, *, status: int = 200, **bound: forms.Form) -> HttpResponse:
    return render(request, "casussen/casus_detail.html", _context(request, casus, **bound), status=status)


def _to_case(casus: Casus, anchor: str = "") -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("casussen:casus_detail", args=[casus.pk]) + (f"#{anchor}" if anchor else ""))


@require(may_work_on_cases, scope=Scope.CASE)
def casus_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        casus = case_or_403(request, pk)
    except OfferBreakGlass as offer:
        return _no_access(request, offer.casus)
    return _page(request, casus)


def _acting(request: HttpRequest, pk: int, *, lead: bool = False, edit: bool = False) -> Casus | HttpResponse:
    """The case for an action, or the response refusing it (audited)."""
    try:
        casus = case_or_403(request, pk)
    except OfferBreakGlass as offer:
        return _no_access(request, offer.casus)
    user = _user(request)
    if (lead and not may_lead_case(user, casus)) or (edit and not may_edit_case(user, casus)):
        raise deny(request, object_type="casussen.casus", object_id=casus.pk, household_id=casus.huishouden_id,
                   detail={"action": request.resolver_match.url_name if request.resolver_match else ""})
    return casus


@require(may_work_on_cases, scope=Scope.CASE)
@require_POST
def casus_status(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _acting(request, pk, lead=True)
    if isinstance(casus, HttpResponse):
        return casus
    action = request.POST.get("actie", "status")
    form: forms.Form
    if action == "sluiten":
        form = CloseForm(request.POST, casus=casus)
        key = "close_form"
    elif action == "heropenen":
        form = ReopenForm(request.POST, casus=casus)
        key = "reopen_form"
    else:
        form = StatusForm(request.POST, casus=casus)
        key = "status_form"
    if form.is_valid():
        data = form.cleaned_data
        try:
            if action == "sluiten":
                services.close_case(casus, sluitreden=data["sluitreden"], uitkomst=data["uitkomst"],
                                    toelichting=data["toelichting"], versie=data["versie"], by=_user(request),
                                    request=request)
            elif action == "heropenen":
                services.reopen_case(casus, toelichting=data["toelichting"], versie=data["versie"],
                                     by=_user(request), request=request)
            else:
                services.change_case_status(casus, data["naar"], toelichting=data["toelichting"],
                                            versie=data["versie"], by=_user(request), request=request)
        except (services.TransitionNotAllowed, services.StaleVersion) as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De status is nu: %(status)s.") % {"status": casus.get_status_display()})
            return _to_case(casus, "status")
    return _page(request, casus, status=400, **{key: form})


@require(may_work_on_cases, scope=Scope.CASE)
@require_POST
def casus_team(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _acting(request, pk, lead=True)
    if isinstance(casus, HttpResponse):
        return casus
    form = PeopleForm(request.POST, casus=casus)
    if form.is_valid():
        data, user = form.cleaned_data, _user(request)
        try:
            services.update_case_people(casus, regisseur=data["regisseur"], medewerkers=data["medewerkers"],
                                        gewicht=data["gewicht"], versie=data["versie"], reden=data["reden"],
                                        by=user, request=request)
        except services.StaleVersion as exc:
            # Someone else changed the case: show it as it is now (with its new version) and say so.
            casus.refresh_from_db()
            return render(request, "casussen/casus_detail.html",
                          {**_context(request, casus), "people_conflict": str(exc)}, status=409)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Wie er aan de casus werkt, is opgeslagen."))
            return _to_case(casus, "team")
    return _page(request, casus, status=400, people_form=form)


@require(may_work_on_cases, scope=Scope.CASE)
@require_POST
def casus_contact(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _acting(request, pk)  # emergency access may record what was done in the emergency
    if isinstance(casus, HttpResponse):
        return casus
    form = ContactForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_contact(casus, soort=data["soort"], datum=data["datum"], verslag=data["verslag"],
                                    duur_minuten=data["duur_minuten"], by=_user(request), request=request)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Het contactmoment is vastgelegd."))
            return _to_case(casus, "tijdlijn")
    return _page(request, casus, status=400, contact_form=form)


@require(may_work_on_cases, scope=Scope.CASE)
@require_POST
def casus_taak(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _acting(request, pk, edit=True)
    if isinstance(casus, HttpResponse):
        return casus
    form = TaskForm(request.POST, casus=casus)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_task(casus, titel=data["titel"], due=data["deadline"], toegewezen_aan=data["toegewezen_aan"],
                              by=_user(request), request=request)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De taak is toegevoegd."))
            return _to_case(casus, "taken")
    return _page(request, casus, status=400, task_form=form)


@require(may_work_on_cases, scope=Scope.CASE)
@require_POST
def taak_afronden(request: HttpRequest, pk: int, taak_pk: int) -> HttpResponse:
    casus = _acting(request, pk, edit=True)
    if isinstance(casus, HttpResponse):
        return casus
    taak = Taak.objects.filter(pk=taak_pk, casus=casus).first()  # scoped to a case this user may edit
    if taak is None:
        raise deny(request, object_type="casussen.taak", object_id=taak_pk, household_id=casus.huishouden_id)
    services.complete_task(taak, by=_user(request), request=request)
    messages.success(request, _("De taak is afgerond."))
    return _to_case(casus, "taken")


# --- Opening a case ---------------------------------------------------------------------------


# No scope on the rule: the household in the query string is read through huishoudens.access (Scope.TEAM,
# audited), and a household with an open case only by those who may see that case.
@require(may_work_on_cases)
def casus_openen(request: HttpRequest) -> HttpResponse:
    """Open the case of the household `?huishouden=<id>` (from a household page or triage's next step)."""
    user = _user(request)
    household_id = database_id(request.GET.get("huishouden") or request.POST.get("huishouden"))
    if household_id is None:
        return render(request, "casussen/casus_openen.html", {"household": None}, status=400)
    open_case = (Casus.objects.filter(huishouden_id=household_id, status__in=sorted(CASUS_OPEN))
                 .select_related("regisseur", "team").first())
    if open_case is not None:
        # 1 gezin, 1 plan: to the open case when this worker may see it; else who to ask (no personal data).
        if get_case_allowed(request, open_case):
            messages.info(request, _("Dit huishouden heeft al een open casus."))
            return _to_case(open_case)
        if not open_case.team.leden.filter(pk=user.pk).exists():
            raise deny(request, object_type="huishoudens.huishouden", object_id=household_id,
                       household_id=household_id)
        return render(request, "casussen/casus_openen.html", {"household": None, "open_case": open_case})
    household = get_household_for_user(request, household_id)
    # The hidden request id is the client's word: it is read through hulpvragen.access (a request another
    # team handles is a 403, audited), and only a request of this household is linked.
    hulpvraag_id = database_id(request.GET.get("hulpvraag") or request.POST.get("hulpvraag"))
    hulpvraag = (get_hulpvraag_for_user(request, hulpvraag_id, purpose="casus_openen")
                 if hulpvraag_id is not None else None)
    if hulpvraag is not None and hulpvraag.huishouden_id != household.pk:
        hulpvraag = None
    teams = user.teams.filter(wijken__buurten__adressen__huishoudens=household).distinct()
    if not teams.exists():
        teams = user.teams.all()
    if request.method == "POST":
        form = OpenCaseForm(request.POST, teams=teams, user=user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                casus = services.open_case(household, regisseur=data["regisseur"], team=data["team"], by=user,
                                           request=request, gewicht=data["gewicht"], hulpvraag=hulpvraag)
            except services.CaseAlreadyOpen as exc:
                return _to_case(exc.casus)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("De casus is geopend."))
                return _to_case(casus)
    else:
        form = OpenCaseForm(teams=teams, user=user)
    return render(request, "casussen/casus_openen.html", {
        "household": household, "leden": household_members_for_user(request, household), "form": form,
        "hulpvraag": hulpvraag,
    }, status=400 if request.method == "POST" else 200)


def get_case_allowed(request: HttpRequest, casus: Casus) -> bool:
    try:
        get_case_for_user(request, casus.pk)
    except PermissionDenied:
        return False
    return True


# --- Emergency access -------------------------------------------------------------------------


@require(may_work_on_cases, scope=Scope.CASE)
def casus_noodtoegang(request: HttpRequest, pk: int) -> HttpResponse:
    """Break the glass: a team member outside the case states why and gets NOODTOEGANG_DUUR of access."""
    user = _user(request)
    casus = case_exists_in_users_team(user, pk)
    if casus is None:
        raise deny(request, object_type="casussen.casus", object_id=pk)
    if may_edit_case(user, casus) or active_emergency_access(user, casus) is not None:
        return _to_case(casus)  # already allowed: nothing to break
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            toegang = services.break_glass(casus, by=user, reden=form.cleaned_data["reden"], request=request)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.warning(request, _("U heeft noodtoegang tot %(tijd)s. Dit is vastgelegd en wordt bekeken door "
                                        "de privacyfunctionaris.")
                             % {"tijd": timezone.localtime(toegang.verloopt).strftime("%H:%M")})
            return _to_case(casus)
    hours = int(services.NOODTOEGANG_DUUR.total_seconds() // 3600)
    return render(request, "casussen/noodtoegang.html", {"casus": casus, "form": form, "duur_uren": hours},
                  status=400 if request.method == "POST" else 200)
