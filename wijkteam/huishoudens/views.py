# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkteam.accounts.decorators import require
from wijkteam.accounts.permissions import may_use_werkomgeving, may_view_personal_data
from wijkteam.core.access_rules import Scope

from .access import (
    get_household_for_user,
    get_person_for_user,
    household_members_for_user,
    looks_like_bsn,
    search_person_by_bsn,
    search_persons,
)
from .links import household_links


# The view only requires a staff login; who may see *this* person is the access helper's decision,
# so that a partner or analist opening a person is refused there and the refusal is audited with the id.
@require(may_use_werkomgeving, scope=Scope.TEAM)
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request, pk)
    toestemmingen = person.toestemmingen.select_related("vastgelegd_door")
    return render(request, "huishoudens/person_detail.html", {"person": person, "toestemmingen": toestemmingen})


@require(may_use_werkomgeving, scope=Scope.TEAM)
def household_detail(request: HttpRequest, pk: int) -> HttpResponse:
    household = get_household_for_user(request, pk)
    leden = household_members_for_user(request, household)
    return render(request, "huishoudens/household_detail.html",
                  {"household": household, "leden": leden, "links": household_links(request, household)})


def _search_page(request: HttpRequest, context: dict[str, Any], *, status: int = 200) -> HttpResponse:
    partial = bool(getattr(request, "htmx", False))
    template = "huishoudens/_person_results.html" if partial else "huishoudens/person_search.html"
    return render(request, template, {"query": "", "kind": "", "results": [], "bsn_error": "", **context},
                  status=status)


@require(may_view_personal_data)
@require_http_methods(["GET", "POST"])
def person_search(request: HttpRequest) -> HttpResponse:
    """Surname or postcode by GET (a shareable URL); a BSN only by POST, so it never lands in a URL."""
    if request.method == "POST":
        bsn = request.POST.get("bsn", "")[:20]
        try:
            results = search_person_by_bsn(request, bsn)
        except ValidationError as exc:
            # The typed BSN is not echoed back: the officer retypes it rather than have it in the page source.
            return _search_page(request, {"bsn_error": exc.messages[0]}, status=400)
        return _search_page(request, {"query": True, "kind": "bsn", "results": results})
    query = request.GET.get("q", "")[:100]
    if looks_like_bsn(query):
        # Away from a URL holding the BSN at once, so it is not in the address bar, a Referer or the
        # language switch's return link; the page then points to the BSN field.
        return redirect(f"{reverse('huishoudens:person_search')}?fout=bsn")
    if request.GET.get("fout") == "bsn":
        message = _("Zoek niet op BSN in dit veld: het komt dan in de adresbalk en de browsergeschiedenis. "
                    "Gebruik hieronder het veld Zoeken op BSN.")
        # htmx swaps only 2xx answers into the page, so the fragment comes as 200 to be seen at all.
        return _search_page(request, {"query_error": message}, status=200 if getattr(request, "htmx", False) else 400)
    if not query.strip():
        return _search_page(request, {})
    kind, results = search_persons(request, query)
    return _search_page(request, {"query": query, "kind": kind, "results": results})
