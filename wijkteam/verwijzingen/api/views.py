# SPDX-License-Identifier: EUPL-1.2
"""The partners' referral API (/api/verwijzingen/): the same as the portal, for a partner's own system.

- GET `` : the organisation's referrals (newest first, at most LIST_LIMIT; `?status=` filters), without
  personal data;
- GET `<id>/`: one referral with exactly the data the resident consented to share (`access.partner_view`);
- POST `<id>/status/`: the answer, JSON {"status", "reden", "datum", "intake_op", "verwachte_intake",
  "verwachte_start", "warme_overdracht"} through the one write path `services.change_status`.

Who: the organisation's API token with the scope `verwijzingen`, never a session; every call is on the audit
trail as `api-token:<prefix>` on behalf of the organisation. Another organisation's referral answers 404,
exactly as an unknown id does, and the attempt is audited (DENIED).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from wijkteam.accounts.api_tokens import actor, record_api, token_endpoint
from wijkteam.accounts.models import ApiScope, ApiToken
from wijkteam.audit.models import Action, Outcome
from wijkteam.core.access_rules import public
from wijkteam.core.forms import check_supported_year
from wijkteam.core.query_ids import MAX_DATABASE_ID

from .. import services
from ..access import partner_view
from ..models import Verwijzing, VerwijzingStatus

API_REASON = "partners' referral API: authenticated by API token in the view, no session"
LIST_LIMIT = 500
DATE_KEYS = ("datum", "intake_op", "verwachte_intake", "verwachte_start")


def _json(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def _token(request: HttpRequest) -> ApiToken:
    return request.api_token  # type: ignore[attr-defined, no-any-return]


def _summary(v: Verwijzing) -> dict[str, Any]:
    return {"id": v.pk, "aanbod": v.aanbod_naam, "soort": v.soort, "domein": v.domein, "product": v.product,
            "status": v.status, "verwezen_op": v.verwezen_op.isoformat(),
            "reactie_uiterlijk": v.reactie_uiterlijk.isoformat(),
            "toegestane_statussen": v.allowed_transitions()}


def _detail(v: Verwijzing) -> dict[str, Any]:
    dates = {name: (getattr(v, name).isoformat() if getattr(v, name) else None)
             for name in ("aangemeld_op", "intake_op", "gestart_op", "verwachte_intake", "verwachte_start")}
    return {**_summary(v), **dates, "gedeeld": list(v.gedeeld), "bewoner": partner_view(v)}


def _own(request: HttpRequest, pk: int, api: str) -> Verwijzing | None:
    token = _token(request)
    v = (Verwijzing.objects.select_related("persoon", "huishouden__adres")
         .filter(pk=pk, organisatie_id=token.organisatie_id).first()) if pk <= MAX_DATABASE_ID else None
    if v is None:
        record_api(request, Action.DENIED, token, outcome=Outcome.DENIED, object_type="verwijzingen.verwijzing",
                   object_id=pk if pk <= MAX_DATABASE_ID else "", detail={"api": api})
    return v


def _not_found() -> JsonResponse:
    return _json({"status": 404, "melding": _("Geen verwijzing aan uw organisatie met dit nummer.")}, status=404)


@public(API_REASON)
@require_GET
@token_endpoint(ApiScope.VERWIJZINGEN)
def lijst(request: HttpRequest) -> HttpResponse:
    token = _token(request)
    qs = Verwijzing.objects.filter(organisatie_id=token.organisatie_id).order_by("-verwezen_op", "-id")
    status = request.GET.get("status", "")
    if status:
        if status not in VerwijzingStatus.values:
            return _json({"status": 400, "melding": _("Onbekende status: %(s)s") % {"s": status[:30]}}, status=400)
        qs = qs.filter(status=status)
    rows = [_summary(v) for v in qs[:LIST_LIMIT]]
    record_api(request, Action.SEARCH, token, object_type="verwijzingen.verwijzing",
               detail={"api": "lijst", "aantal": len(rows), "status": status})
    return _json({"verwijzingen": rows})


@public(API_REASON)
@require_GET
@token_endpoint(ApiScope.VERWIJZINGEN)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    v = _own(request, pk, "detail")
    if v is None:
        return _not_found()
    record_api(request, Action.READ, _token(request), obj=v, household_id=v.huishouden_id, person_id=v.persoon_id,
               detail={"api": "detail", "gedeeld": list(v.gedeeld)})
    return _json(_detail(v))


def _date(body: dict[str, Any], key: str, errors: dict[str, str]) -> dt.date | None:
    value = body.get(key)
    if value in (None, ""):
        return None
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        errors[key] = _("Geef de datum als jjjj-mm-dd.")
        return None
    try:
        check_supported_year(day)  # the forms' one range: a year like 0001 or 9999 is a typing error here too
    except ValidationError as exc:
        errors[key] = exc.messages[0]
        return None
    return day


# Token-authenticated JSON: no session cookie authorises anything here (token_endpoint makes the user
# anonymous), so CSRF protection has nothing to protect; partners' systems send no CSRF token.
@public(API_REASON)
@csrf_exempt
@require_POST
@token_endpoint(ApiScope.VERWIJZINGEN)
def status(request: HttpRequest, pk: int) -> HttpResponse:
    token = _token(request)
    v = _own(request, pk, "status")
    if v is None:
        return _not_found()
    try:
        body = json.loads(request.body or b"{}")
    except (UnicodeDecodeError, ValueError):
        return _json({"status": 400, "melding": _("De inhoud is geen geldige JSON.")}, status=400)
    if not isinstance(body, dict):
        return _json({"status": 400, "melding": _("Stuur een JSON-object.")}, status=400)
    errors: dict[str, str] = {}
    dates = {key: _date(body, key, errors) for key in DATE_KEYS}
    if errors:
        return _json({"status": 400, "fouten": errors}, status=400)
    datum = dates.pop("datum")
    try:
        services.change_status(v, str(body.get("status", "")), system=actor(token), on_behalf_of=token.organisatie.naam,
                               request=request, reden=str(body.get("reden", "")), datum=datum,
                               dates={k: d for k, d in dates.items() if d is not None},
                               warme_overdracht=str(body.get("warme_overdracht", "")))
    except ValidationError as exc:
        fouten = ({k: [str(m) for m in msgs] for k, msgs in exc.message_dict.items()} if hasattr(exc, "error_dict")
                  else {"status": [str(m) for m in exc.messages]})
        return _json({"status": 400, "fouten": fouten}, status=400)
    return _json(_detail(v))
