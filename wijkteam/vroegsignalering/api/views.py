# SPDX-License-Identifier: EUPL-1.2
"""The signal partners' API (/api/vroegsignalering/): send signals, read whether help was accepted.

- POST `signalen/`: one signal (a JSON object with the batch file's columns) → 201 new, 200 repeat,
  400 with the errors per field;
- POST `signalen/batch/`: a list of at most `max_batch()` signals → 200 with the result of each (nieuw,
  herhaald, ongeldig + errors); the valid ones are stored in one transaction;
- GET `signalen/<id>/uitkomst/`: whether help was accepted for a signal this organisation sent, and how
  far it is. Never a name, address, BSN, or the DDAS end result (which may say that a resident died or
  moved away: personal data the partner has no need for). Another organisation's signal is a 404;
- GET `openapi.json`: the OpenAPI 3.0 document (public, no token).

Who: a partner organisation's API token with the scope `signalen` (wijkteam.accounts.api_tokens), never a
session; every call is on the audit trail as `api-token:<prefix>` on behalf of the organisation. Signals
go through the one write path `services.ingest_signal` (source API, the token's organisation), after the
file's row validation (`payload.py`), so the same signal through the file and the API is stored once.
"""

from __future__ import annotations

import json
from typing import Any

import structlog
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from wijkteam.accounts.api_tokens import ApiRefusal, record_api, token_endpoint
from wijkteam.accounts.models import ApiScope, ApiToken
from wijkteam.audit.models import Action, Outcome
from wijkteam.core.access_rules import public
from wijkteam.core.query_ids import MAX_DATABASE_ID

from ..models import Bron, Signaal, ZaakStatus
from ..services import IngestResult, classify_addresses, ingest_signal, teams_by_buurt
from ..services import Outcome as IngestOutcome
from .openapi import served_document
from .payload import FieldError, parse_signal

log = structlog.get_logger(__name__)

# Signals per batch call. Each goes through the single write path (~40 queries, every audit row), and
# the call holds the write transaction throughout (on SQLite: the whole database's write lock). Measured
# on the 2-core reference machine under load 7: ~110 ms a new signal, ~15 ms a repeat; 200 new signals
# stay well inside gunicorn's 30 s timeout and other writers' 20 s lock wait. A month's file of
# thousands goes through the upload (batch/bulk.py). Settings may set WIJKTEAM_API_MAX_SIGNALS_PER_CALL.
DEFAULT_MAX_BATCH = 200


def max_batch() -> int:
    return int(getattr(settings, "WIJKTEAM_API_MAX_SIGNALS_PER_CALL", DEFAULT_MAX_BATCH))


NIEUW, HERHAALD, ONGELDIG = "nieuw", "herhaald", "ongeldig"
# The zaak's progress in the partner's words; the worker's own steps stay inside the municipality.
VOORTGANG: dict[str, str] = {
    ZaakStatus.NIEUW: "ontvangen",
    ZaakStatus.CONTACT_GEZOCHT: "in_behandeling",
    ZaakStatus.IN_GESPREK: "in_behandeling",
    ZaakStatus.NAAR_INTAKE: "in_behandeling",
    ZaakStatus.GESLOTEN: "afgesloten",
}
VOORTGANG_VALUES = ("ontvangen", "in_behandeling", "afgesloten")
API_REASON = "signal partners' API: authenticated by API token in the view, no session"


def _json(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def _body(request: HttpRequest) -> Any:
    """The JSON body, or raise ApiRefusal (400, 413, 415) with a Dutch message."""
    if request.content_type != "application/json":
        raise ApiRefusal(415, _("Stuur JSON, met de kop Content-Type: application/json."))
    try:
        raw = request.body
    except RequestDataTooBig as too_big:
        raise ApiRefusal(413, _("Dit verzoek is te groot. Stuur minder signalen per keer.")) from too_big
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, ValueError) as bad:
        raise ApiRefusal(400, _("De inhoud is geen geldige JSON.")) from bad


def _system(token: ApiToken) -> str:
    return f"api-token:{token.prefix}"


def _store(request: HttpRequest, token: ApiToken, rows: list[tuple[int, Any]]) -> dict[int, IngestResult | FieldError]:
    """Store valid rows (index, SignalRow) in one transaction through the single write path."""
    results: dict[int, IngestResult | FieldError] = {}
    adres_ids: set[int] = set()
    with transaction.atomic():
        teams = teams_by_buurt()
        for index, row in rows:
            try:
                result = ingest_signal(row, system=_system(token), by=None, request=request, bron=Bron.API,
                                       organisatie_id=token.organisatie_id, teams=teams, classify_now=False)
            except ValidationError:
                # The address or person was refused by the household write path (its own savepoint is
                # rolled back): this signal is invalid, the others are stored.
                results[index] = FieldError("", _("Dit signaal kon niet worden opgeslagen; controleer het adres."))
                continue
            results[index] = result
            if result.signaal is not None and result.signaal.adres_id is not None:
                adres_ids.add(result.signaal.adres_id)
        classify_addresses(sorted(adres_ids))
    return results


def _answer(index: int | None, outcome: IngestResult | list[FieldError]) -> dict[str, Any]:
    item: dict[str, Any] = {} if index is None else {"index": index}
    if isinstance(outcome, list):
        item.update(resultaat=ONGELDIG, fouten=[error.as_json() for error in outcome])
    elif outcome.outcome is IngestOutcome.NEW:
        assert outcome.signaal is not None
        item.update(resultaat=NIEUW, id=outcome.signaal.pk)
    else:
        item.update(resultaat=HERHAALD)
    return item


def _send(request: HttpRequest, items: list[Any]) -> list[dict[str, Any]]:
    token: ApiToken = request.api_token  # type: ignore[attr-defined]
    today = timezone.localdate()
    outcomes: dict[int, IngestResult | list[FieldError]] = {}
    valid = []
    for index, item in enumerate(items):
        row, errors = parse_signal(item, organisatie_naam=token.organisatie.naam, today=today)
        if row is None:
            outcomes[index] = errors
        else:
            valid.append((index, row))
    for index, stored in _store(request, token, valid).items():
        outcomes[index] = [stored] if isinstance(stored, FieldError) else stored
    answers = [_answer(index, outcomes[index]) for index in range(len(items))]
    counts = {key: sum(1 for a in answers if a["resultaat"] == key) for key in (NIEUW, HERHAALD, ONGELDIG)}
    # One row per call, also when nothing was stored (each stored signal has its own CREATE row).
    record_api(request, Action.CREATE, token, object_type="vroegsignalering.signaal",
               outcome=Outcome.SUCCESS if counts[ONGELDIG] < len(items) else Outcome.FAILURE,
               detail={"api": "signalen", "aantal": len(items), **counts})
    log.info("signal_api_call", api_token_id=token.pk, organisatie_id=token.organisatie_id, **counts)
    return answers


def _refused(request: HttpRequest, refusal: ApiRefusal) -> HttpResponse:
    token: ApiToken = request.api_token  # type: ignore[attr-defined]
    record_api(request, Action.CREATE, token, object_type="vroegsignalering.signaal", outcome=Outcome.FAILURE,
               detail={"api": "signalen", "status": refusal.status})
    return refusal.response()


# Token-authenticated JSON endpoints: no session cookie authorises anything here (token_endpoint sets the
# user to anonymous), so a cross-site request cannot act for a logged-in user and CSRF protection has
# nothing to protect; partners' systems send no CSRF token.
@public(API_REASON)
@csrf_exempt
@require_POST
@token_endpoint(ApiScope.SIGNALEN)
def signal_create(request: HttpRequest) -> HttpResponse:
    try:
        item = _body(request)
    except ApiRefusal as refusal:
        return _refused(request, refusal)
    if not isinstance(item, dict):
        return _refused(request, ApiRefusal(400, _("Stuur één signaal als JSON-object; een lijst gaat naar "
                                                   "signalen/batch/.")))
    answer = _send(request, [item])[0]
    answer.pop("index")  # one signal: no place in a list to name
    status = {NIEUW: 201, HERHAALD: 200, ONGELDIG: 400}[answer["resultaat"]]
    return _json(answer, status=status)


@public(API_REASON)
@csrf_exempt
@require_POST
@token_endpoint(ApiScope.SIGNALEN)
def signal_batch(request: HttpRequest) -> HttpResponse:
    try:
        items = _body(request)
    except ApiRefusal as refusal:
        return _refused(request, refusal)
    limit = max_batch()
    if not isinstance(items, list) or not items:
        return _refused(request, ApiRefusal(400, _("Stuur een lijst (JSON-array) met 1 tot %(max)s signalen.")
                                            % {"max": limit}))
    if len(items) > limit:
        return _refused(request, ApiRefusal(413, _("Te veel signalen in één keer: hoogstens %(max)s, u stuurde "
                                                   "er %(n)s.") % {"max": limit, "n": len(items)}))
    answers = _send(request, items)
    counts = {key: sum(1 for a in answers if a["resultaat"] == key) for key in (NIEUW, HERHAALD, ONGELDIG)}
    return _json({"aantallen": counts, "resultaten": answers})


def outcome_of(signaal: Signaal) -> dict[str, Any]:
    """What a partner may know of its own signal: nothing about the resident beyond "help accepted"."""
    zaak = signaal.zaak
    return {
        "id": signaal.pk,
        "hulp_geaccepteerd": zaak.hulp_geaccepteerd if zaak is not None else None,
        "status": VOORTGANG.get(zaak.status, "in_behandeling") if zaak is not None else "ontvangen",
    }


@public(API_REASON)
@require_GET
@token_endpoint(ApiScope.SIGNALEN)
def signal_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    token: ApiToken = request.api_token  # type: ignore[attr-defined]
    # Only the organisation's own signals: another's answers 404 as an unknown id does, so ids of other
    # partners' signals reveal nothing.
    signaal = (Signaal.objects.select_related("zaak").filter(pk=pk, bron=Bron.API, organisatie_id=token.organisatie_id)
               .first()) if pk <= MAX_DATABASE_ID else None
    if signaal is None:
        record_api(request, Action.DENIED, token, outcome=Outcome.DENIED, object_type="vroegsignalering.signaal",
                   object_id=pk if pk <= MAX_DATABASE_ID else "", detail={"api": "uitkomst"})
        return _json({"status": 404, "melding": _("Geen signaal van uw organisatie met dit nummer.")}, status=404)
    answer = outcome_of(signaal)
    record_api(request, Action.READ, token, obj=signaal, person_id=signaal.persoon_id,
               household_id=signaal.huishouden_id, detail={"api": "uitkomst", **answer})
    return _json(answer)


@public("the OpenAPI document of the signal partners' API: describes it, holds no data")
@require_GET
def openapi(request: HttpRequest) -> HttpResponse:
    return _json(served_document(request, max_batch=max_batch()))
