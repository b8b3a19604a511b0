# SPDX-License-Identifier: EUPL-1.2
"""The beheerder's duplicates worklist under /werk/sociale-kaart/dubbelingen/: pairs that look
alike, merged (services.merge_services) or dismissed as "geen dubbeling"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkteam.accounts.decorators import require
from wijkteam.accounts.permissions import may_merge_sociale_kaart
from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from ..models import Location, Service
from ..models.werk import DuplicateCandidate, DuplicateStatus
from ..navigation import PAGE_SIZE, nav_context
from ..visibility import last_checked
from . import dismiss_candidate, services
from .forms import MergeForm


@require(may_merge_sociale_kaart)
def dubbelingen(request: HttpRequest) -> HttpResponse:
    qs = (
        DuplicateCandidate.objects.filter(status=DuplicateStatus.OPEN)
        .exclude(service_a__merged_into__isnull=False).exclude(service_b__merged_into__isnull=False)
        .select_related("service_a__organization", "service_b__organization")
    )
    page = Paginator(qs.order_by("-score", "detected_at", "id"), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "sociale_kaart/duplicates/dubbelingen.html", {"page": page, **nav_context(request)})


def _candidate_services(candidate: DuplicateCandidate) -> tuple[Service, Service]:
    return candidate.service_a, candidate.service_b


@require(may_merge_sociale_kaart)
@require_http_methods(["GET", "POST"])
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirmation page (GET) and the merge itself (POST)."""
    candidate = get_object_or_404(
        DuplicateCandidate.objects.select_related("service_a__organization", "service_b__organization"),
        pk=pk, status=DuplicateStatus.OPEN,
    )
    pair = _candidate_services(candidate)
    form = MergeForm(request.POST or None, services=pair, initial={"survivor": str(_default_survivor(pair).pk)})
    if request.method == "POST" and form.is_valid():
        survivor, merged = form.chosen()
        try:
            services.merge_services(survivor, merged, user=request.user, request=request)
        except services.MergeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("„%(merged)s” is samengevoegd met „%(survivor)s”.") % {
                "merged": merged.name, "survivor": survivor.name})
            return redirect("sociale_kaart_werk:dubbelingen")
    summaries = [_summary(s) for s in pair]
    return render(request, "sociale_kaart/duplicates/merge.html", {
        "candidate": candidate, "form": form, "summaries": summaries, **nav_context(request),
    })


def _default_survivor(pair: tuple[Service, Service]) -> Service:
    """The most recently checked one, else the older record (its id is more likely linked to)."""
    a, b = pair
    if last_checked(a) != last_checked(b):
        return a if last_checked(a) > last_checked(b) else b
    return a if a.created <= b.created else b


def _summary(service: Service) -> dict[str, Any]:
    return {
        "service": service,
        "locations": list(Location.objects.filter(service_at_locations__service=service)
                          .prefetch_related("addresses")),
        "phones": list(service.phones.values_list("number", flat=True)),
        "schedules": service.schedules.count(),
        "terms": list(service.terms().values_list("name", flat=True)),
        "last_checked": last_checked(service),
    }


@require(may_merge_sociale_kaart)
@require_POST
def dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(DuplicateCandidate, pk=pk, status=DuplicateStatus.OPEN)
    dismiss_candidate(candidate, username=request.user.get_username())
    record(request, Action.UPDATE, obj=candidate, detail={"dismissed": True,
                                                          "service_a": str(candidate.service_a_id),
                                                          "service_b": str(candidate.service_b_id)})
    messages.success(request, _("Gemarkeerd als geen dubbeling."))
    return redirect("sociale_kaart_werk:dubbelingen")
