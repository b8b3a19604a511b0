# SPDX-License-Identifier: EUPL-1.2
"""The plan: edit it (/werk/casussen/<pk>/plan/) and print it for the household (/werk/casussen/<pk>/plan.pdf).

Two workers may have the plan open at once. The form carries the version it showed; the save that comes
second is refused (409) with a Dutch message, the first save stays as it was, and the page shows the plan as
it is now beside the text the second worker typed, so nothing they wrote is lost on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wijkteam.accounts.decorators import deny, require
from wijkteam.accounts.models import User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.access_rules import Scope
from wijkteam.huishoudens.models import Persoon
from wijkteam.sociale_kaart.public.forms import LEVENSDOMEIN_LABELS

from .. import services
from ..access import get_case_for_user, may_edit_case, may_work_on_cases
from ..models import INFORMEEL, Casus, Plan, PlanActie
from . import pdf
from .forms import (
    LABELS,
    PREFIXES,
    ActieFormSet,
    BetrokkeneFormSet,
    DoelFormSet,
    PlanForm,
    refuse_actions_on_deleted_goals,
)


@dataclass(frozen=True)
class PlanSummary:
    plan: Plan
    doelen: list[Any]
    acties: list[PlanActie]
    netwerk: list[Any]
    professionals: list[Any]


def plan_summary(casus: Casus) -> PlanSummary:
    """The plan with its rows, in four queries whatever its size (the case page and the conflict page)."""
    plan = Plan.objects.select_related("gewijzigd_door").get(casus_id=casus.pk)
    betrokkenen = list(plan.betrokkenen.all())
    return PlanSummary(plan=plan, doelen=list(plan.doelen.all()),
                       acties=list(plan.acties.select_related("doel")),
                       netwerk=[b for b in betrokkenen if b.soort in INFORMEEL],
                       professionals=[b for b in betrokkenen if b.soort not in INFORMEEL])


def _formsets(plan: Plan, data: Any = None) -> dict[str, Any]:
    return {
        "doelen": DoelFormSet(data, instance=plan, prefix=PREFIXES["doelen"]),
        "acties": ActieFormSet(data, instance=plan, prefix=PREFIXES["acties"]),
        "betrokkenen": BetrokkeneFormSet(data, instance=plan, prefix=PREFIXES["betrokkenen"]),
    }


def _error_links(form: PlanForm, formsets: dict[str, Any]) -> list[tuple[str, str]]:
    links: list[tuple[str, str]] = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        links += [(f"id_{name}" if name in form.fields else "", f"{label}: {e}" if label else str(e)) for e in errors]
    for key, formset in formsets.items():
        for error in formset.non_form_errors():
            links.append((formset.prefix, f"{LABELS[key]}: {error}"))
        for index, row in enumerate(formset.forms):
            for name, errors in row.errors.items():
                label = row.fields[name].label if name in row.fields else ""
                for error in errors:
                    links.append((row[name].auto_id if name in row.fields else "",
                                  _("%(groep)s, rij %(rij)s, %(veld)s: %(fout)s")
                                  % {"groep": LABELS[key], "rij": index + 1, "veld": label, "fout": error}))
    return links


def _editable_case(request: HttpRequest, pk: int) -> Casus:
    casus = get_case_for_user(request, pk)
    if not may_edit_case(request.user, casus):
        # Emergency access reads the plan; changing it is for the people on the case.
        raise deny(request, object_type="casussen.plan", object_id=pk, household_id=casus.huishouden_id)
    return casus


@require(may_work_on_cases, scope=Scope.CASE)
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _editable_case(request, pk)
    plan = Plan.objects.get(casus_id=casus.pk)
    conflict: dict[str, str] | None = None
    status = 200
    if request.method == "POST":
        form = PlanForm(request.POST, instance=plan)
        posted = request.POST.get("versie", "")
        if posted != str(plan.versie):
            conflict = {name: request.POST.get(name, "") for name in services.PLAN_FIELDS}
        else:
            formsets = _formsets(plan, request.POST)
            if (form.is_valid() and all(f.is_valid() for f in formsets.values())
                    and not refuse_actions_on_deleted_goals(formsets["doelen"], formsets["acties"])):
                fields = {name: form.cleaned_data[name] for name in services.PLAN_FIELDS}

                def apply(locked: Plan) -> None:
                    for formset in formsets.values():
                        formset.instance = locked
                        formset.save()

                assert isinstance(request.user, User)
                try:
                    services.save_plan(casus, versie=form.cleaned_data["versie"], fields=fields, apply=apply,
                                       by=request.user, request=request)
                except services.StaleVersion:
                    conflict = {name: request.POST.get(name, "") for name in services.PLAN_FIELDS}
                else:
                    messages.success(request, _("Het plan is opgeslagen."))
                    return HttpResponseRedirect(reverse("casussen:casus_detail", args=[casus.pk]) + "#plan")
            else:
                status = 400
                return render(request, "casussen/plan_edit.html", {
                    "casus": casus, "form": form, "formsets": formsets,
                    "error_links": _error_links(form, formsets)}, status=status)
        if conflict is not None:
            plan.refresh_from_db()
            status = 409
    form = PlanForm(instance=plan)
    return render(request, "casussen/plan_edit.html", {
        "casus": casus, "form": form, "formsets": _formsets(plan), "conflict": conflict,
        "conflict_message": _("Iemand anders heeft dit plan opgeslagen terwijl u het aanpaste. Uw wijzigingen zijn "
                              "NIET opgeslagen; het plan hieronder is de nieuwste versie. Uw tekst staat onderaan: "
                              "neem over wat nog nodig is en sla opnieuw op.") if conflict is not None else "",
        "conflict_by": plan.gewijzigd_door,
    }, status=status)


def plan_members(casus: Casus) -> list[Persoon]:
    """The household members the printed plan names, in the order it names them."""
    return list(casus.huishouden.leden.order_by("geboortedatum", "pk"))


def print_plan(casus: Casus, members: list[Persoon] | None = None) -> pdf.PrintPlan:
    summary = plan_summary(casus)
    adres = casus.huishouden.adres
    leden = [p.volledige_naam for p in (plan_members(casus) if members is None else members)]
    gemeente = casus.team.gemeente.naam

    def who(actie: PlanActie) -> str:
        label = {"bewoner": _("U zelf"), "netwerk": _("Iemand uit uw omgeving"),
                 "medewerker": _("Het wijkteam"), "partner": _("Een andere organisatie")}[actie.wie]
        return f"{label}: {actie.wie_naam}" if actie.wie_naam else label

    return pdf.PrintPlan(
        gemeente=gemeente,
        address=str(adres),
        made_on=formats.date_format(timezone.localdate(), "j F Y"),
        situation=summary.plan.situatie,
        own_words=summary.plan.eigen_woorden,
        goals=[pdf.PrintGoal(str(LEVENSDOMEIN_LABELS.get(d.levensdomein, d.get_levensdomein_display())), d.doel,
                             d.eigen_woorden) for d in summary.doelen],
        actions=[pdf.PrintAction(who(a), a.wat, formats.date_format(a.wanneer, "j F Y") if a.wanneer else "",
                                 a.afgerond) for a in summary.acties],
        agreements=summary.plan.afspraken,
        network=[pdf.PrintPerson(b.naam, b.rol, b.telefoon) for b in summary.netwerk],
        professionals=[pdf.PrintPerson(b.naam, ", ".join(x for x in (b.rol, b.organisatie) if x), b.telefoon)
                       for b in summary.professionals],
        contact_name=casus.regisseur.get_full_name() or casus.regisseur.get_username(),
        contact_team=casus.team.naam,
        contact_phone=casus.team.telefoon,
        members=leden,
    )


@require(may_work_on_cases, scope=Scope.CASE)
def plan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    casus = get_case_for_user(request, pk)
    members = plan_members(casus)
    content = pdf.render_plan_pdf(print_plan(casus, members))
    # Printing the plan puts personal data on paper: its own audit row, beside the READ of the case, and one in
    # the trail of each person the paper names (every member, with the address), as record_shown does for reads.
    record(request, Action.PRINT, obj=casus.plan, household_id=casus.huishouden_id,
           detail={"casus": casus.pk, "personen": [p.pk for p in members]})
    for person in members:
        record(request, Action.PRINT, obj=person, person_id=person.pk, household_id=casus.huishouden_id,
               detail={"document": "plan", "casus": casus.pk})
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="plan-casus-{casus.pk}.pdf"'
    return response
