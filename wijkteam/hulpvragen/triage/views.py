# SPDX-License-Identifier: EUPL-1.2
"""The triage screen of one request (/werk/hulpvragen/triage/<pk>/): collectief waar mogelijk.

One page, three steps that each work without JavaScript (two forms, each posting back here):
1. the assessment: a level for the request's domains and any the worker adds, and the safety question;
2. the proposals per domain with their reasons, and the worker's decision per domain (a reason when it
   deviates from the proposal);
3. one step onwards: the next steps other capabilities registered (next_steps.py), or what to do now.
The household's progress over earlier assessments is shown as a chart with its table.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from wijkteam.accounts.decorators import require
from wijkteam.accounts.models import User
from wijkteam.core.access_rules import Scope
from wijkteam.core.forms import add_service_errors

from ..access import get_hulpvraag_for_user, may_handle_hulpvragen
from ..assessment.forms import AssessmentForm, error_links
from ..assessment.progress import chart_svg, progress_for
from ..assessment.services import current_instrument, record_assessment
from ..models import InstrumentDomein, InstrumentNiveau
from ..next_steps import next_steps
from .forms import TriageForm
from .reads import latest_decisions
from .services import latest_assessment, proposals_for, record_triage

ASSESSMENT = "assessment"
BESLUITEN = "besluiten"


def _domains() -> list[InstrumentDomein]:
    instrument = current_instrument()
    return list(
        InstrumentDomein.objects.filter(instrument=instrument).prefetch_related(
            Prefetch("niveaus", queryset=InstrumentNiveau.objects.order_by("niveau"))
        )
    )


def _apply_errors(form: AssessmentForm | TriageForm, error: ValidationError) -> None:
    add_service_errors(form, error)


@require(may_handle_hulpvragen, scope=Scope.TEAM)
def triage(request: HttpRequest, pk: int) -> HttpResponse:
    hulpvraag = get_hulpvraag_for_user(request, pk, purpose="triage")
    assert isinstance(request.user, User)  # @require let only a verified medewerker or teamleider in
    url = reverse("hulpvragen:triage", args=[hulpvraag.pk])
    domains = _domains()
    named = list(hulpvraag.levensdomeinen or [])
    step = request.POST.get("stap") if request.method == "POST" else None

    assessment_form = AssessmentForm(request.POST if step == ASSESSMENT else None, domains=domains, named=named)
    if step == ASSESSMENT and assessment_form.is_valid():
        try:
            record_assessment(
                hulpvraag,
                assessment_form.scores(),
                veiligheid=assessment_form.cleaned_data["veiligheid"],
                veiligheid_toelichting=assessment_form.cleaned_data.get("veiligheid_toelichting", ""),
                by=request.user,
                request=request,
            )
        except ValidationError as error:
            _apply_errors(assessment_form, error)
        else:
            messages.success(request, _("Het assessment is vastgelegd. Bekijk de voorstellen per levensdomein."))
            return HttpResponseRedirect(f"{url}#voorstellen")

    assessment = latest_assessment(hulpvraag)
    proposals = proposals_for(hulpvraag, assessment) if assessment is not None else []
    decisions = latest_decisions(hulpvraag)
    triage_form = TriageForm(request.POST if step == BESLUITEN else None, proposals=proposals, decided=decisions)
    if step == BESLUITEN and triage_form.is_valid():
        try:
            record_triage(hulpvraag, triage_form.decisions(), by=request.user, request=request, proposals=proposals)
        except ValidationError as error:
            _apply_errors(triage_form, error)
        else:
            messages.success(request, _("De triage is vastgelegd. Kies hieronder de volgende stap."))
            return HttpResponseRedirect(f"{url}#vervolg")

    progress = progress_for(hulpvraag.huishouden_id, hulpvraag_id=hulpvraag.pk)
    return render(
        request,
        "hulpvragen/triage/triage.html",
        {
            "hulpvraag": hulpvraag,
            "assessment": assessment,
            "assessment_form": assessment_form,
            "assessment_rows": assessment_form.rows(),
            "triage_form": triage_form,
            "triage_rows": triage_form.rows(),
            "decisions": decisions,
            "next_steps": [(s, s.url(hulpvraag)) for s in next_steps(request.user, hulpvraag)],
            "progress": progress,
            "chart": chart_svg(progress) if progress.has_history else "",
            "error_links": error_links(assessment_form, triage_form),
            "stap_assessment": ASSESSMENT,
            "stap_besluiten": BESLUITEN,
        },
    )

