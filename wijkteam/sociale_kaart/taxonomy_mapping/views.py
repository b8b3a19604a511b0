# SPDX-License-Identifier: EUPL-1.2
"""The beheerder's page /werk/sociale-kaart/taxonomie/: which of our terms an imported term means.

Terms matched by code or name on import are shown with how they were matched and may be changed;
the ones without a match come first. Only the beheerder (who imports) may see or change this.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from wijkteam.accounts.decorators import require
from wijkteam.accounts.permissions import may_import_sociale_kaart

from ..models import TaxonomyTermMapping
from ..navigation import PAGE_SIZE, nav_context
from . import imported_terms, unmapped_count
from .forms import MappingForm, field_name
from .services import NO_EQUIVALENT, save_mappings


@require(may_import_sociale_kaart)
@require_http_methods(["GET", "POST"])
def taxonomie_koppelen(request: HttpRequest) -> HttpResponse:
    qs = (
        imported_terms()
        .select_related("taxonomy", "mapping__target")
        .annotate(uses=Count("attributes"), unmapped=Count("pk", filter=Q(mapping__isnull=True)))
        .order_by("-unmapped", "taxonomy__name", "code", "name", "id")
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.POST.get("pagina") or request.GET.get("pagina"))
    terms = list(page.object_list)
    initial = {}
    for term in terms:
        mapping = getattr(term, "mapping", None)
        if isinstance(mapping, TaxonomyTermMapping):
            initial[term.id] = str(mapping.target_id) if mapping.target_id else NO_EQUIVALENT
    form = MappingForm(request.POST or None, terms=terms, initial_choices=initial)
    if request.method == "POST" and form.is_valid():
        changed = save_mappings(form.choices(), request=request, user=request.user)
        messages.success(request, ngettext("%(n)s koppeling opgeslagen.", "%(n)s koppelingen opgeslagen.",
                                           changed) % {"n": changed})
        return redirect(f"{request.path}?pagina={page.number}")
    rows = [(term, form[field_name(term.id)]) for term in terms]
    return render(request, "sociale_kaart/taxonomy_mapping/koppelen.html", {
        "page": page, "form": form, "rows": rows, "unmapped": unmapped_count(), **nav_context(request),
    })
