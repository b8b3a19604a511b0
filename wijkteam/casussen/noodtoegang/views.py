# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's review of emergency accesses (/werk/casussen/noodtoegang/).

Every time someone broke the glass is listed, unreviewed first: who, which case (by number; the officer
needs no case contents to judge the reason), when, for how long, the reason, and how often that case was
read during the access. The officer marks each one reviewed, with a finding when something is wrong.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkteam.accounts.decorators import deny, require
from wijkteam.accounts.models import User
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.audit.services import record
from wijkteam.core.forms import UtrechtFormMixin

from .. import services
from ..access import may_review_emergency_access
from ..models import Noodtoegang

PAGE_SIZE = 100


class ReviewForm(UtrechtFormMixin, forms.Form):
    bevinding = forms.CharField(label=gettext_lazy("Bevinding"), required=False, max_length=2000,
                                widget=forms.Textarea(attrs={"rows": 2}),
                                help_text=gettext_lazy("Leeg laten als de noodtoegang terecht was."))


@require(may_review_emergency_access)
def review_list(request: HttpRequest) -> HttpResponse:
    show_all = request.GET.get("alles") == "1"
    rows = Noodtoegang.objects.select_related("gebruiker", "casus__team", "beoordeeld_door")
    if not show_all:
        rows = rows.filter(beoordeeld__isnull=True)
    items = list(rows.order_by("beoordeeld", "-start", "-id")[:PAGE_SIZE])
    open_count = Noodtoegang.objects.filter(beoordeeld__isnull=True).count()
    record(request, Action.READ, object_type="casussen.noodtoegang",
           detail={"view": "review_list", "count": len(items), "alles": show_all})
    return render(request, "casussen/noodtoegang_review.html", {
        "items": items, "show_all": show_all, "open_count": open_count, "form": ReviewForm()})


@require(may_review_emergency_access)
def review_item(request: HttpRequest, pk: int) -> HttpResponse:
    toegang = _item(pk)
    if toegang is None:
        raise deny(request, object_type="casussen.noodtoegang", object_id=pk)
    # Reads of the case by this user while the access lasted, from the audit trail: what was looked at.
    reads = _reads_during(toegang)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assert isinstance(request.user, User)
        try:
            services.review_emergency_access(toegang, by=request.user, bevinding=form.cleaned_data["bevinding"],
                                             request=request)
        except ValidationError as error:
            # Reviewed by someone else in between: say so, and show their finding instead of the form.
            form.add_error(None, error)
            toegang = _item(pk) or toegang
        else:
            messages.success(request, _("De noodtoegang is als beoordeeld gemarkeerd."))
            return HttpResponseRedirect(reverse("casussen:noodtoegang_review"))
    record(request, Action.READ, obj=toegang, household_id=toegang.casus.huishouden_id)
    return render(request, "casussen/noodtoegang_item.html", {"toegang": toegang, "form": form, "reads": reads},
                  status=400 if request.method == "POST" else 200)


def _item(pk: int) -> Noodtoegang | None:
    return Noodtoegang.objects.select_related("gebruiker", "casus__team", "beoordeeld_door").filter(pk=pk).first()


def _reads_during(toegang: Noodtoegang) -> int:
    return AuditEvent.objects.filter(
        Q(object_type="casussen.casus", object_id=str(toegang.casus_id)) | Q(household_id=toegang.casus.huishouden_id),
        user_id=toegang.gebruiker_id, action=Action.READ, timestamp__gte=toegang.start,
        timestamp__lt=toegang.verloopt).count()
