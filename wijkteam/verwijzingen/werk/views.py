# SPDX-License-Identifier: EUPL-1.2
"""The workers' referral pages (/werk/verwijzingen/): refer from a case or from triage, the referrals of a case,
one referral (status, consent, waits against the norm, bridging plan, history), and the team lead's list of
referrals waiting past their norm.

Which referral: `access.get_verwijzing_for_worker` (the case's need to know, else the request's team).
Every action is a plain POST form that works without JavaScript; a refused action re-renders the page with
the Dutch error at its field (400), nothing written.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from wijkteam.accounts.decorators import deny, require
from wijkteam.accounts.models import User
from wijkteam.casussen.access import get_case_for_user, may_edit_case
from wijkteam.casussen.models import Casus
from wijkteam.core.access_rules import Scope
from wijkteam.core.query_ids import database_id
from wijkteam.huishoudens.access import persons_visible_to, record_shown
from wijkteam.huishoudens.models import Persoon
from wijkteam.hulpvragen.access import get_hulpvraag_for_user
from wijkteam.hulpvragen.models import Hulpvraag

from .. import services, wachttijd
from ..access import escalated_for, get_verwijzing_for_worker, may_refer, may_view_escalaties
from ..forms import BridgingForm, DatesForm, ReferralForm, RiskForm, StopForm
from ..models import WACHTEND, GedeeldGegeven, Overbruggingsplan, Soort, Verwijzing

LIST_LIMIT = 200


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # @require let only a logged-in worker in
    return request.user


def _copy_errors(form: forms.Form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


# --- Refer -----------------------------------------------------------------------------------------

# No scope declared: the page starts from a case (?casus=) or a request (?hulpvraag=) named in the query,
# which it opens through get_case_for_user / get_hulpvraag_for_user (need to know; refusals 403, audited).
@require(may_refer)
def nieuw(request: HttpRequest) -> HttpResponse:
    casus: Casus | None = None
    hulpvraag: Hulpvraag | None = None
    casus_id = database_id(request.GET.get("casus"))
    hulpvraag_id = database_id(request.GET.get("hulpvraag"))
    if casus_id is not None:
        casus = get_case_for_user(request, casus_id)
        if not may_edit_case(request.user, casus):
            # Referring shares the household's data with a partner: for the people on the case, not for
            # emergency access (which reads, as for the plan and tasks).
            raise deny(request, object_type="casussen.casus", object_id=casus.pk, household_id=casus.huishouden_id)
    if hulpvraag_id is not None:
        hulpvraag = get_hulpvraag_for_user(request, hulpvraag_id, purpose="verwijzen")
    if casus is None and hulpvraag is None:
        return render(request, "verwijzingen/werk/nieuw_zonder_bron.html")
    huishouden_id = casus.huishouden_id if casus is not None else hulpvraag.huishouden_id  # type: ignore[union-attr]
    persons = (persons_visible_to(request.user).filter(huishouden_id=huishouden_id).order_by("achternaam", "pk")
               if huishouden_id is not None else Persoon.objects.none())
    if request.method == "GET":
        # The "voor wie" choice names every member: each one's own trail says so (a POST shows the same form).
        record_shown(request, list(persons), via="verwijzing")
    initial: dict[str, Any] = {"verwezen_op": timezone.localdate()}
    if hulpvraag is not None:
        initial.update(samenvatting=hulpvraag.omschrijving, levensdomeinen=list(hulpvraag.levensdomeinen),
                       persoon=hulpvraag.persoon_id)
    service_id = request.GET.get("service", "")
    if service_id:
        initial["service"] = service_id
    form = ReferralForm(request.POST or None, persons=persons, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                v = services.create_referral(
                    services.NewReferral(service=data["service"], soort=data["soort"], gedeeld=data["gedeeld"],
                                         samenvatting=data["samenvatting"],
                                         levensdomeinen=tuple(data["levensdomeinen"]),
                                         domein=data["domein"], product=data["product"], persoon=data["persoon"],
                                         verwezen_op=data["verwezen_op"], aangemeld_op=data["aangemeld_op"]),
                    by=_user(request), casus=casus, hulpvraag=hulpvraag, request=request)
            except ValidationError as exc:
                _copy_errors(form, exc)
            else:
                return HttpResponseRedirect(reverse("verwijzingen:detail", args=[v.pk]))
        status = 400
    return render(request, "verwijzingen/werk/nieuw.html",
                  {"form": form, "casus": casus, "hulpvraag": hulpvraag}, status=status)


# --- A case's referrals ------------------------------------------------------------------------------


def _annotate(rows: list[Verwijzing]) -> list[Verwijzing]:
    today = timezone.localdate()
    table = wachttijd.norms()
    for v in rows:
        heeft_plan = getattr(v, "_plan_id", None) is not None
        v.wacht = wachttijd.wacht(v, today, table) if v.is_tweede_lijn else None  # type: ignore[attr-defined]
        v.te_laat = wachttijd.is_te_laat(v, today, table)  # type: ignore[attr-defined]
        v.mist_plan = wachttijd.mist_overbrugging(v, today, table, heeft_plan=heeft_plan)  # type: ignore[attr-defined]
        v.reactie_te_laat = v.status == "verstuurd" and v.reactie_uiterlijk < today  # type: ignore[attr-defined]
    return rows


def _rows(qs: Any) -> list[Verwijzing]:
    rows = list(qs.select_related("organisatie", "casus")[:LIST_LIMIT])
    with_plan = set(Verwijzing.objects.filter(pk__in=[v.pk for v in rows], overbruggingsplan__isnull=False)
                    .values_list("pk", flat=True))
    for v in rows:
        v._plan_id = v.pk if v.pk in with_plan else None  # type: ignore[attr-defined]
    return _annotate(rows)


@require(may_refer, scope=Scope.CASE)
def casus_lijst(request: HttpRequest, pk: int) -> HttpResponse:
    casus = get_case_for_user(request, pk)
    rows = _rows(Verwijzing.objects.filter(casus=casus).order_by("-verwezen_op", "-id"))
    # Emergency access reads the list; referring (sharing the household's data) is for the people on the case,
    # and only while it is open (create_referral refuses a closed case; the link would lead to that refusal).
    return render(request, "verwijzingen/werk/casus_lijst.html", {
        "casus": casus, "verwijzingen": rows, "may_refer_here": casus.is_open and may_edit_case(request.user, casus)})


# --- One referral -------------------------------------------------------------------------------------


def _context(request: HttpRequest, v: Verwijzing, **bound: forms.Form) -> dict[str, Any]:
    today = timezone.localdate()
    table = wachttijd.norms()
    plan = Overbruggingsplan.objects.filter(verwijzing=v).first()
    return {
        "v": v,
        # Emergency access to the case reads the referral; the forms are for the people on the case.
        "may_change": v.casus is None or may_edit_case(request.user, v.casus),
        "gedeeld_labels": [GedeeldGegeven(i).label for i in v.gedeeld],
        "niet_gedeeld_labels": [label for value, label in GedeeldGegeven.choices if value not in v.gedeeld],
        "gebeurtenissen": list(v.gebeurtenissen.select_related("door").order_by("tijdstip", "id")),
        "wacht": wachttijd.wacht(v, today, table) if v.is_tweede_lijn else None,
        "te_laat": wachttijd.is_te_laat(v, today, table),
        "overbrugging_nodig": wachttijd.heeft_overbrugging_nodig(v, today, table),
        "mist_plan": wachttijd.mist_overbrugging(v, today, table, heeft_plan=plan is not None),
        "reactie_te_laat": v.status == "verstuurd" and v.reactie_uiterlijk < today,
        "plan": plan,
        "stop_form": bound.get("stop_form") or StopForm(),
        "dates_form": bound.get("dates_form") or DatesForm(initial={
            name: getattr(v, name) for name in (*services.DATE_FIELDS, "warme_overdracht")}),
        "bridging_form": bound.get("bridging_form") or BridgingForm(initial=(
            {"wat_team": plan.wat_team, "wat_netwerk": plan.wat_netwerk, "checkin_dagen": plan.checkin_dagen,
             "risicosignalen": plan.risicosignalen} if plan else None)),
        "risk_form": bound.get("risk_form") or RiskForm(),
    }


def _page(request: HttpRequest, v: Verwijzing, *, status: int = 200, **bound: forms.Form) -> HttpResponse:
    return render(request, "verwijzingen/werk/detail.html", _context(request, v, **bound), status=status)


def _to_detail(v: Verwijzing, anchor: str = "") -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("verwijzingen:detail", args=[v.pk]) + (f"#{anchor}" if anchor else ""))


@require(may_refer, scope=Scope.CASE)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, get_verwijzing_for_worker(request, pk))


@require(may_refer, scope=Scope.CASE)
@require_POST
def stoppen(request: HttpRequest, pk: int) -> HttpResponse:
    v = get_verwijzing_for_worker(request, pk, write=True)
    form = StopForm(request.POST)
    if form.is_valid():
        try:
            services.change_status(v, "gestopt", by=_user(request), request=request, reden=form.cleaned_data["reden"])
        except ValidationError as exc:
            _copy_errors(form, exc)
        else:
            return _to_detail(v)
    return _page(request, v, status=400, stop_form=form)


@require(may_refer, scope=Scope.CASE)
@require_POST
def datums(request: HttpRequest, pk: int) -> HttpResponse:
    v = get_verwijzing_for_worker(request, pk, write=True)
    form = DatesForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        overdracht = data.pop("warme_overdracht")
        try:
            services.update_dates(v, by=_user(request), request=request, dates=data, warme_overdracht=overdracht)
        except ValidationError as exc:
            _copy_errors(form, exc)
        else:
            return _to_detail(v, "wachttijd")
    return _page(request, v, status=400, dates_form=form)


@require(may_refer, scope=Scope.CASE)
@require_POST
def overbrugging(request: HttpRequest, pk: int) -> HttpResponse:
    v = get_verwijzing_for_worker(request, pk, write=True)
    form = BridgingForm(request.POST)
    if form.is_valid():
        try:
            services.save_bridging_plan(v, by=_user(request), request=request, **form.cleaned_data)
        except ValidationError as exc:
            _copy_errors(form, exc)
        else:
            return _to_detail(v, "overbrugging")
    return _page(request, v, status=400, bridging_form=form)


@require(may_refer, scope=Scope.CASE)
@require_POST
def risico(request: HttpRequest, pk: int) -> HttpResponse:
    v = get_verwijzing_for_worker(request, pk, write=True)
    form = RiskForm(request.POST)
    if form.is_valid():
        try:
            services.report_risk_signal(v, omschrijving=form.cleaned_data["omschrijving"], by=_user(request),
                                        request=request)
        except ValidationError as exc:
            _copy_errors(form, exc)
        else:
            return _to_detail(v, "overbrugging")
    return _page(request, v, status=400, risk_form=form)


# --- The team lead's list ------------------------------------------------------------------------------


@require(may_view_escalaties)
def escalaties(request: HttpRequest) -> HttpResponse:
    """Second-line referrals of the lead's teams that wait past their norm, miss a bridging plan, or were
    escalated (risk signal). No names: the case number leads to the case (the team lead needs to know it)."""
    qs = (escalated_for(request.user).filter(soort=Soort.TWEEDE_LIJN, status__in=sorted(WACHTEND))
          .order_by("aangemeld_op", "pk"))
    rows = [v for v in _rows(qs) if v.te_laat or v.mist_plan or v.geescaleerd_op]  # type: ignore[attr-defined]
    return render(request, "verwijzingen/werk/escalaties.html", {"verwijzingen": rows})
