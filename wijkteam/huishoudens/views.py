# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wijkteam.accounts.decorators import require
from wijkteam.accounts.permissions import may_use_werkomgeving, may_view_personal_data

from .access import get_household_for_user, get_person_for_user, search_persons


# The view only requires a staff login; who may see *this* person is the access helper's decision,
# so that a partner or analist opening a person is refused there and the refusal is audited with the id.
@require(may_use_werkomgeving)
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request, pk)
    toestemmingen = person.toestemmingen.select_related("vastgelegd_door")
    return render(request, "huishoudens/person_detail.html", {"person": person, "toestemmingen": toestemmingen})


@require(may_use_werkomgeving)
def household_detail(request: HttpRequest, pk: int) -> HttpResponse:
    household = get_household_for_user(request, pk)
    return render(request, "huishoudens/household_detail.html",
                  {"household": household, "leden": household.leden.order_by("geboortedatum")})


@require(may_view_personal_data)
def person_search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:100]
    kind, results = search_persons(request, query) if query.strip() else ("", [])
    partial = bool(getattr(request, "htmx", False))
    template = "huishoudens/_person_results.html" if partial else "huishoudens/person_search.html"
    return render(request, template, {"query": query, "kind": kind, "results": results})
