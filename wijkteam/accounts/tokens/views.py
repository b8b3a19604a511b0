# SPDX-License-Identifier: EUPL-1.2
"""The beheerder's API token pages (/werk/api-sleutels/): the list per organisation, a new token (its secret
shown once, on the answer to the form, never again), and revoking one.

Tokens are no personal data, and the beheerder may see every organisation's (`may_manage_api_tokens`),
so these views look tokens up directly; each page is still on the audit trail, since a token opens a
door into residents' data.
"""

from __future__ import annotations

from itertools import groupby

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.query_ids import MAX_DATABASE_ID, database_id

from ..api_tokens import create_token, revoke_token
from ..decorators import require
from ..models import ApiToken, Organisatie, User
from ..permissions import may_manage_api_tokens
from .forms import ApiTokenForm

LIST_LIMIT = 500


@require(may_manage_api_tokens)
def token_list(request: HttpRequest) -> HttpResponse:
    organisatie_id = database_id(request.GET.get("organisatie"))
    tokens = ApiToken.objects.select_related("organisatie", "aangemaakt_door", "ingetrokken_door")
    if organisatie_id is not None:
        tokens = tokens.filter(organisatie_id=organisatie_id)
    rows = list(tokens.order_by("organisatie__naam", "organisatie_id", "-aangemaakt", "-id")[:LIST_LIMIT])
    now = timezone.now()
    groups = [(organisatie, [(token, token.status_at(now), token.is_active_at(now)) for token in items])
              for organisatie, items in groupby(rows, key=lambda token: token.organisatie)]
    record(request, Action.READ, object_type="accounts.apitoken",
           detail={"view": "list", "count": len(rows), "organisatie_id": organisatie_id})
    return render(request, "accounts/tokens/list.html", {
        "groups": groups, "count": len(rows), "limit": LIST_LIMIT, "organisatie_id": organisatie_id,
        "organisaties": Organisatie.objects.order_by("naam").only("pk", "naam"),
    })


@require(may_manage_api_tokens)
def token_create(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ApiTokenForm(request.POST)
        if form.is_valid():
            assert isinstance(request.user, User)  # @require let only a logged-in beheerder in
            token, secret = create_token(form.cleaned_data["organisatie"], scopes=[form.cleaned_data["scope"]],
                                         naam=form.cleaned_data["naam"], by=request.user, request=request,
                                         valid_days=form.cleaned_data["geldig_dagen"])
            # The one time the secret exists outside the partner's system: this answer, which is not
            # a redirect (the secret would have to be kept somewhere to show it after one) and never cached.
            response = render(request, "accounts/tokens/created.html", {"token": token, "secret": secret})
            patch_cache_control(response, no_store=True, private=True)
            return response
    else:
        form = ApiTokenForm(initial={"organisatie": database_id(request.GET.get("organisatie")) or ""})
    return render(request, "accounts/tokens/create.html", {"form": form})


@require(may_manage_api_tokens)
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = ApiToken.objects.select_related("organisatie").filter(pk=pk).first() if pk <= MAX_DATABASE_ID else None
    if token is None:
        raise Http404
    if request.method == "POST":
        assert isinstance(request.user, User)
        if revoke_token(token, by=request.user, request=request):
            messages.success(request, _("De sleutel %(naam)s van %(organisatie)s is ingetrokken. Hij werkt niet meer.")
                             % {"naam": token.naam, "organisatie": token.organisatie.naam})
        else:
            messages.info(request, _("Deze sleutel was al ingetrokken."))
        return HttpResponseRedirect(reverse("accounts:api_tokens") + f"?organisatie={token.organisatie_id}")
    record(request, Action.READ, obj=token, detail={"view": "revoke"})
    return render(request, "accounts/tokens/revoke.html", {"token": token, "status": token.status_at(timezone.now())})
