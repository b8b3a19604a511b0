# SPDX-License-Identifier: EUPL-1.2
"""The partner portal (/werk/partner/verwijzingen/): a partner organisation's referrals, each with only what the
resident consented to share, and the answer as a change of status (with a reason where needed).

Who: `access.may_answer_verwijzingen` (partner logins); which referral: `access.get_verwijzing_for_partner`
(Scope.ORGANISATION: the own organisation only; another's referral is a 403, audited).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from wijkteam.accounts.decorators import require
from wijkteam.accounts.models import User
from wijkteam.core.access_rules import Scope

from .. import services
from ..access import get_verwijzing_for_partner, may_answer_verwijzingen, partner_view, referrals_of_partner
from ..forms import StatusForm
from ..models import GedeeldGegeven, Verwijzing

LIST_LIMIT = 200


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


# No scope: the list itself is the own organisation's referrals (referrals_of_partner), every partner has one.
@require(may_answer_verwijzingen)
def lijst(request: HttpRequest) -> HttpResponse:
    """No names on the list: a name is shown (and its read audited) only on the referral's page, if shared."""
    rows = list(referrals_of_partner(request.user).only(
        "pk", "aanbod_naam", "soort", "product", "status", "verwezen_op", "reactie_uiterlijk")
        .order_by("-verwezen_op", "-id")[:LIST_LIMIT])
    today = timezone.localdate()
    for v in rows:
        v.reactie_te_laat = v.status == "verstuurd" and v.reactie_uiterlijk < today  # type: ignore[attr-defined]
    return render(request, "verwijzingen/partner/lijst.html", {"verwijzingen": rows})


def _page(request: HttpRequest, v: Verwijzing, form: StatusForm | None = None, status: int = 200) -> HttpResponse:
    return render(request, "verwijzingen/partner/detail.html", {
        "v": v, "gegevens": partner_view(v), "gedeeld_labels": [GedeeldGegeven(i).label for i in v.gedeeld],
        "form": form or StatusForm(allowed=v.allowed_transitions()),
        "gebeurtenissen": list(v.gebeurtenissen.filter(soort__in=["aangemaakt", "status", "datums", "overdracht",
                                                                   "herinnering"]).order_by("tijdstip", "id")),
    }, status=status)


@require(may_answer_verwijzingen, scope=Scope.ORGANISATION)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, get_verwijzing_for_partner(request, pk))


@require(may_answer_verwijzingen, scope=Scope.ORGANISATION)
@require_POST
def antwoord(request: HttpRequest, pk: int) -> HttpResponse:
    v = get_verwijzing_for_partner(request, pk)
    form = StatusForm(request.POST, allowed=v.allowed_transitions())
    if form.is_valid():
        data = form.cleaned_data
        dates = {name: data[name] for name in ("intake_op", "verwachte_intake", "verwachte_start")
                 if data[name] is not None}
        organisatie = _user(request).organisatie
        try:
            services.change_status(v, data["status"], by=_user(request), request=request, reden=data["reden"],
                                   datum=data["datum"], dates=dates, warme_overdracht=data["warme_overdracht"],
                                   on_behalf_of=organisatie.naam if organisatie is not None else "")
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc.messages)
        else:
            return HttpResponseRedirect(reverse("verwijzingen_partner:detail", args=[v.pk]))
    return _page(request, v, form, status=400)
