# SPDX-License-Identifier: EUPL-1.2
"""Caseload and continuity pages, at /werk/casussen/team/.

- `mijn/`: the worker's open cases, as regisseur and as co-worker, with weight, open and late tasks.
- `bord/`: the team board by status. Every worker sees only the cases they need to know (the team lead all of
  the team's); the counts per column are the team's, so a worker sees how busy the team is without seeing whose.
- `belasting/`: caseload per FTE against the team norm, overload alerts; the norm and FTEs (team lead).
- `afwezigheid/`: mark a worker ill, on leave or leaving (team lead) → `afwezigheid/<pk>/`: the redistribution
  proposal, adjusted per case and applied in one action, with each case's handover summary.
- `casus/<pk>/overdracht/`: a case's handover summary (need to know, like the case page).

Lists show no names or addresses (case number, buurt, status): a list is not a read of each household.
Every list runs a fixed number of queries whatever the number of cases.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, F, IntegerField, Max, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.accounts.decorators import deny, require
from wijkteam.accounts.models import Role, Team, User
from wijkteam.accounts.permissions import has_role, is_verified
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.access_rules import Scope
from wijkteam.core.forms import add_service_errors
from wijkteam.core.query_ids import database_id
from wijkteam.huishoudens.access import household_members_for_user

from ..access import cases_visible_to, may_work_on_cases
from ..casus.views import OfferBreakGlass, case_or_403
from ..models import (
    CASUS_OPEN,
    Afwezigheid,
    Casus,
    CasusStatus,
    Contactmoment,
    Gewicht,
    MedewerkerProfiel,
    Taak,
)
from . import services
from .forms import AbsenceForm, FteForm, NormForm, RedistributionForm
from .summary import handover_summaries, handover_summary

BOARD_COLUMNS = [CasusStatus.AANGEMELD, CasusStatus.HEROPEND, CasusStatus.INTAKE, CasusStatus.PLAN,
                 CasusStatus.UITVOERING, CasusStatus.AFRONDING]
CARDS_PER_COLUMN = 25
MY_CASES_LIMIT = 200


def may_lead_team(user: Any) -> bool:
    """Caseload, norms, absences and redistribution: the team lead, for their own team(s) (checked per view)."""
    return is_verified(user) and has_role(user, Role.TEAMLEIDER)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # @require let only a logged-in worker in
    return request.user


def _team(request: HttpRequest) -> Team | None:
    """The team in ?team= (one of the user's own; another team's id is refused, audited), else the first."""
    user = _user(request)
    teams = list(user.teams.order_by("naam", "pk"))
    wanted = request.GET.get("team") or request.POST.get("team")
    if wanted:
        team_id = database_id(wanted)
        team = next((t for t in teams if t.pk == team_id), None)
        if team is None:
            raise deny(request, object_type="accounts.team", object_id=wanted)
        return team
    return teams[0] if teams else None


def _with_tasks(cases: Any) -> Any:
    today = timezone.localdate()
    open_tasks = Taak.objects.filter(casus_id=OuterRef("pk"), afgerond__isnull=True)
    count = lambda qs: Subquery(qs.values("casus_id").annotate(n=Count("id")).values("n"),  # noqa: E731
                                output_field=IntegerField())
    return cases.annotate(
        open_taken=Coalesce(count(open_tasks), 0),
        te_laat=Coalesce(count(open_tasks.filter(deadline__lt=today)), 0),
        laatste_contact=Subquery(Contactmoment.objects.filter(casus_id=OuterRef("pk")).values("casus_id")
                                 .annotate(d=Max("datum")).values("d")),
    )


def _decorate(cases: list[Casus], user: User | None = None) -> list[Casus]:
    for casus in cases:
        weight, derived = services.effective_weight(casus)
        casus.gewicht_label, casus.gewicht_afgeleid = Gewicht(weight).label, derived  # type: ignore[attr-defined]
        if user is not None:
            casus.rol = _("regisseur") if casus.regisseur_id == user.pk else _("medewerker")  # type: ignore[attr-defined]
    return cases


def _lead_badge(user: User) -> int:
    return services.overload_count(user) if user.role == Role.TEAMLEIDER else 0


# --- Mijn casussen and the board ----------------------------------------------------------------


# No scope on the rule: the page lists only the user's own cases (need to know is the query itself).
@require(may_work_on_cases)
def mijn_casussen(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    # IN-subqueries, not a join over co-workers: each uses its index, none repeats a row (measured at 100,000).
    as_coworker = Casus.medewerkers.through.objects.filter(user_id=user.pk).values("casus_id")
    cases = _with_tasks(services.with_weights(
        Casus.objects.filter(Q(regisseur=user) | Q(pk__in=as_coworker), status__in=sorted(CASUS_OPEN))
        .select_related("team", "huishouden__adres__buurt")
        .order_by("geopend", "pk")))
    rows = _decorate(list(cases[:MY_CASES_LIMIT]), user)
    order = {str(status): i for i, status in enumerate(BOARD_COLUMNS)}
    rows.sort(key=lambda c: (-getattr(c, "te_laat", 0), order.get(c.status, 9), c.pk))
    my_tasks = (Taak.objects.filter(toegewezen_aan=user, afgerond__isnull=True, casus__status__in=sorted(CASUS_OPEN))
                .aggregate(open=Count("id"), te_laat=Count("id", filter=Q(deadline__lt=timezone.localdate()))))
    return render(request, "casussen/continuiteit/mijn_casussen.html", {
        "casussen": rows, "meer": len(rows) >= MY_CASES_LIMIT, "taken": my_tasks,
        "als_regisseur": sum(1 for c in rows if c.regisseur_id == user.pk),
        "overbelast": _lead_badge(user), "weight_rule": services.WEIGHT_RULE,
    })


# No scope on the rule: the board is of the user's own team, and lists only cases_visible_to(user).
@require(may_work_on_cases)
def teambord(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    team = _team(request)
    columns = []
    if team is not None:
        totals = dict(Casus.objects.filter(team=team, status__in=BOARD_COLUMNS).values_list("status")
                      .annotate(n=Count("id")).values_list("status", "n"))
        visible = cases_visible_to(user).filter(team=team, status__in=BOARD_COLUMNS)
        # Two queries for every column: the ids of the oldest CARDS_PER_COLUMN per status (a window, no
        # subqueries), then those cases with their weights and tasks. Measured at 100,000 cases: computing the
        # weights of every open case of the team first cost more than the cards shown.
        ranked = visible.annotate(rang=Window(RowNumber(), partition_by=[F("status")],
                                              order_by=[F("geopend").asc(), F("pk").asc()]))
        ids = list(ranked.filter(rang__lte=CARDS_PER_COLUMN).values_list("pk", flat=True))
        rows = _decorate(list(_with_tasks(services.with_weights(
            Casus.objects.filter(pk__in=ids).select_related("regisseur", "huishouden__adres__buurt")))
            .order_by("geopend", "pk")))
        per_status: dict[str, list[Casus]] = {status: [] for status in BOARD_COLUMNS}
        for casus in rows:
            if len(per_status[casus.status]) < CARDS_PER_COLUMN:
                per_status[casus.status].append(casus)
        for status in BOARD_COLUMNS:
            if status == CasusStatus.HEROPEND and not totals.get(status):
                continue  # reopened cases are rare: no empty column for them
            columns.append({"status": status, "label": CasusStatus(status).label, "cards": per_status[status],
                            "totaal": totals.get(status, 0)})
    return render(request, "casussen/continuiteit/teambord.html", {
        "team": team, "teams": list(user.teams.order_by("naam")), "columns": columns,
        "is_lead": user.role == Role.TEAMLEIDER, "overbelast": _lead_badge(user), "per_column": CARDS_PER_COLUMN,
    })


# --- Caseload per FTE ---------------------------------------------------------------------------


@require(may_lead_team, scope=Scope.TEAM)
def belasting(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    team = _team(request)
    if team is None:
        raise deny(request, object_type="accounts.team", object_id="")
    norm = services.norm_for(team)
    norm_form = NormForm(norm=norm)
    fte_error: tuple[int, str] | None = None
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("actie") == "norm":
                norm_form = NormForm(request.POST, norm=norm)
                if norm_form.is_valid():
                    data = norm_form.cleaned_data
                    services.save_norm(team, by=user, request=request, **data)
                    messages.success(request, _("De norm is opgeslagen."))
                    return HttpResponseRedirect(f"{reverse('casussen:belasting')}?team={team.pk}")
            else:
                fte_form = FteForm(request.POST)
                if fte_form.is_valid():
                    worker = team.leden.filter(pk=fte_form.cleaned_data["medewerker"]).first()
                    if worker is None:
                        raise deny(request, object_type="accounts.user", object_id=fte_form.cleaned_data["medewerker"])
                    services.set_fte(team, worker, fte_form.cleaned_data["fte"], by=user, request=request)
                    messages.success(request, _("De fte is opgeslagen."))
                    return HttpResponseRedirect(f"{reverse('casussen:belasting')}?team={team.pk}")
                worker_id = database_id(request.POST.get("medewerker")) or 0
                fte_error = (worker_id, "; ".join(str(e) for errs in fte_form.errors.values() for e in errs))
        except ValidationError as exc:
            if request.POST.get("actie") == "norm":
                add_service_errors(norm_form, exc)
            else:
                fte_error = (database_id(request.POST.get("medewerker")) or 0, "; ".join(exc.messages))
        status = 400
    loads = services.team_load(team, norm)
    ftes = set(MedewerkerProfiel.objects.filter(team=team).values_list("medewerker_id", flat=True))
    for load in loads:
        load.boven_norm = load.overloaded(norm)  # type: ignore[attr-defined]
        load.fte_ingesteld = load.user.pk in ftes  # type: ignore[attr-defined]
        load.fte_fout = fte_error[1] if fte_error and fte_error[0] == load.user.pk else ""  # type: ignore[attr-defined]
    workers = [w for w in loads if w.user.role == Role.MEDEWERKER]
    return render(request, "casussen/continuiteit/belasting.html", {
        "team": team, "teams": list(user.teams.order_by("naam")), "norm": norm, "norm_form": norm_form,
        "loads": loads, "overbelast": [w for w in workers if w.overloaded(norm)],
        "weight_rule": services.WEIGHT_RULE,
        "team_punten": sum(w.punten for w in workers), "team_fte": sum(w.fte for w in workers),
    }, status=status)


# --- Absences and redistribution ------------------------------------------------------------------


def _team_workers(team: Team, *, exclude: int | None = None) -> Any:
    qs = team.leden.filter(role__in=(Role.MEDEWERKER, Role.TEAMLEIDER), is_active=True)
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    return qs.order_by("first_name", "last_name", "pk")


@require(may_lead_team, scope=Scope.TEAM)
def afwezigheden(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    team = _team(request)
    if team is None:
        raise deny(request, object_type="accounts.team", object_id="")
    form = AbsenceForm(request.POST or None, workers=_team_workers(team, exclude=user.pk),
                       initial={"vanaf": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            afwezigheid = services.mark_absence(data["medewerker"], team=team, soort=data["soort"],
                                                vanaf=data["vanaf"], tot=data["tot"], by=user, request=request)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De afwezigheid is vastgelegd. Bekijk hieronder het voorstel om de "
                                        "casussen te verdelen."))
            return HttpResponseRedirect(reverse("casussen:herverdeling", args=[afwezigheid.pk]))
    rows = (Afwezigheid.objects.filter(team=team).select_related("medewerker", "gemeld_door")
            .annotate(open_casussen=Count("medewerker__casussen_als_regisseur", filter=Q(
                medewerker__casussen_als_regisseur__team=team,
                medewerker__casussen_als_regisseur__status__in=sorted(CASUS_OPEN))))
            .order_by("-vanaf", "-id")[:50])
    today = timezone.localdate()
    return render(request, "casussen/continuiteit/afwezigheden.html", {
        "team": team, "teams": list(user.teams.order_by("naam")), "form": form,
        "afwezigheden": [(a, a.is_actief(today)) for a in rows],
    }, status=400 if request.method == "POST" else 200)


def _afwezigheid(request: HttpRequest, pk: int) -> Afwezigheid:
    user = _user(request)
    afwezigheid = (Afwezigheid.objects.select_related("team", "medewerker")
                   .filter(pk=pk, team__leden=user).first())
    if afwezigheid is None:
        raise deny(request, object_type="casussen.afwezigheid", object_id=pk)
    return afwezigheid


@require(may_lead_team, scope=Scope.TEAM)
def herverdeling(request: HttpRequest, pk: int) -> HttpResponse:
    """The proposal for an absent worker's open cases; the team lead changes who per case and applies it."""
    user = _user(request)
    afwezigheid = _afwezigheid(request, pk)
    team = afwezigheid.team
    status, fout = 200, ""
    try:
        proposal = services.propose_redistribution(afwezigheid)
    except ValidationError as exc:
        return render(request, "casussen/continuiteit/herverdeling.html", {
            "afwezigheid": afwezigheid, "team": team, "fout": "; ".join(exc.messages), "regels": []}, status=200)
    workers = _team_workers(team, exclude=afwezigheid.medewerker_id)
    form = RedistributionForm(request.POST or None, regels=proposal.regels, workers=workers)
    shown = request.POST.get("casussen", "") if request.method == "POST" else ""
    if request.method == "POST" and shown != ",".join(str(pk) for pk in proposal.case_ids):
        # The cases changed since the page was shown: say so, and show the new proposal (nothing written).
        form = RedistributionForm(regels=proposal.regels, workers=workers)
        fout = _("De casussen van deze medewerker zijn intussen veranderd. Bekijk het nieuwe voorstel en pas het "
                 "opnieuw toe.")
        status = 400
    elif request.method == "POST":
        if form.is_valid():
            try:
                done = services.apply_redistribution(afwezigheid, form.choices(),
                                                     shown_case_ids=form.cleaned_data["casussen"], by=user,
                                                     request=request)
            except services.ProposalChanged as exc:
                form, fout = RedistributionForm(regels=proposal.regels, workers=workers), str(exc)
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, _("%(n)s casus(sen) overgedragen. Elke casus heeft een regisseur.")
                                 % {"n": len(done)})
                return HttpResponseRedirect(reverse("casussen:herverdeling", args=[afwezigheid.pk]))
        status = 400
    summaries = handover_summaries([r.casus for r in proposal.regels])
    for regel in proposal.regels:
        # The team lead needs to know every case of the team; each summary shown is an audited read.
        record(request, Action.READ, obj=regel.casus, household_id=regel.casus.huishouden_id,
               detail={"via": "herverdeling", "afwezigheid": afwezigheid.pk})
        regel.samenvatting = summaries.get(regel.casus.pk)  # type: ignore[attr-defined]
        regel.veld = form[regel.field_name]  # type: ignore[attr-defined]
    names = {w.user.pk: w.user for w in proposal.ontvangers}
    spread = [{"user": names[pk], "voor": next(w.punten for w in proposal.ontvangers if w.user.pk == pk),
               "na": punten} for pk, punten in proposal.na.items()]
    return render(request, "casussen/continuiteit/herverdeling.html", {
        "afwezigheid": afwezigheid, "team": team, "proposal": proposal, "regels": proposal.regels, "form": form,
        "spreiding": spread, "norm": proposal.norm, "weight_rule": services.WEIGHT_RULE, "fout": fout,
    }, status=status)


# --- Handover summary -----------------------------------------------------------------------------


@require(may_work_on_cases, scope=Scope.CASE)
def overdracht(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        casus = case_or_403(request, pk)
    except OfferBreakGlass as offer:
        return render(request, "casussen/geen_toegang.html", {"casus": offer.casus}, status=403)
    summary = handover_summary(casus)
    summary.leden = household_members_for_user(request, casus.huishouden)
    weight, derived = services.effective_weight(services.with_weights(Casus.objects.filter(pk=casus.pk)).get())
    return render(request, "casussen/continuiteit/overdracht.html", {
        "casus": casus, "s": summary, "gewicht": weight, "afgeleid": derived, "weight_rule": services.WEIGHT_RULE,
    })
