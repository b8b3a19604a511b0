# SPDX-License-Identifier: EUPL-1.2
"""The match worklist (/werk/vroegsignalering/werklijst/): signals whose person ingest could not decide.

The list shows the open items of the worker's zaken (Scope.TEAM, through `werklijst/access.py`); an item's
page shows what the partner delivered beside the candidates, and the worker chooses one or "Nieuwe persoon"
(`services.resolve_match`). A plain POST form: works without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from wijkteam.accounts.decorators import require
from wijkteam.accounts.models import User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.access_rules import Scope
from wijkteam.huishoudens.access import record_shown

from ..access import may_work_on_zaken
from ..models import WerklijstStatus
from .access import get_werklijst_item_for_user, open_items_for
from .forms import KeuzeForm
from .services import choices_for, resolve_match

PAGE_SIZE = 50


@require(may_work_on_zaken)
def werklijst_index(request: HttpRequest) -> HttpResponse:
    items = list(open_items_for(request.user)
                 .select_related("signaal__adres", "signaal__zaak")
                 .annotate(aantal_kandidaten=Count("kandidaten"))
                 .order_by("signaal__signaaldatum", "pk")[:PAGE_SIZE])
    total = open_items_for(request.user).count() if len(items) == PAGE_SIZE else len(items)
    # Each row names a resident as delivered: every row shown is a read of that signal.
    for item in items:
        record(request, Action.READ, obj=item.signaal, household_id=item.signaal.huishouden_id,
               detail={"via": "werklijst"})
    return render(request, "vroegsignalering/werklijst/index.html", {"items": items, "total": total})


@require(may_work_on_zaken, scope=Scope.TEAM)
def werklijst_item(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_werklijst_item_for_user(request, pk)
    persons = choices_for(item)
    form = KeuzeForm(request.POST if request.method == "POST" else None, persons=persons)
    status = 200
    if request.method == "POST" and item.status == WerklijstStatus.OPEN:
        if form.is_valid():
            assert isinstance(request.user, User)  # the @require above let only a logged-in worker in
            try:
                person = resolve_match(item, persoon=form.chosen(), by=request.user, request=request)
            except ValidationError as exc:
                keyed = exc.message_dict.get("keuze") if hasattr(exc, "error_dict") else None
                form.add_error("keuze", keyed or exc.messages)
            else:
                messages.success(request, _("Het signaal is gekoppeld aan %(naam)s.") % {"naam": person})
                zaak_id = item.signaal.zaak_id
                target = (reverse("vroegsignalering:zaak_detail", args=[zaak_id]) if zaak_id
                          else reverse("vroegsignalering:werklijst_index"))
                return HttpResponseRedirect(target)
        status = 400
    record_shown(request, persons, via="werklijst")
    return render(request, "vroegsignalering/werklijst/item.html",
                  {"item": item, "persons": persons, "form": form, "delivered": item.aangeleverd}, status=status)
