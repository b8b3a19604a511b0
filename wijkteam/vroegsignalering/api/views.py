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
are checked by the file's row validation (`payload.py`) and stored through the upload's bulk write path
without an upload (`batch.bulk.ingest_rows`: the same decisions as `services.ingest_signal`, proven row for
row, with an audit row per household, person and signal written), so the same signal through the file and
the API is stored once.
"""

from __future__ import annotations

import json
from typing import Any

import structlog
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import OperationalError
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

from ..batch.bulk import RowOutcome, ingest_rows
from ..batch.rows import SignalRow
from ..models import Bron, Signaal, ZaakStatus
from .openapi import served_document
from .payload import FieldError, parse_signal

log = structlog.get_logger(__name__)

# Signals per batch call. They are stored by the bulk write path in one transaction, which holds the write
# lock throughout (on SQLite: the whole database's). Measured 2026-12-03 on the 2-core machine under load 6
# (generated rows straight into `ingest_rows`): 1,000 new signals, each with a new
# household and person and their three audit rows, 2.6-3.5 s (about 1 s CPU); 1,000 repeats 0.1 s. That
# stays inside gunicorn's 30 s timeout and other writers' 20 s lock wait. (The single path took ~110 ms a
# signal, hence 200.) So 1,000 fits; the limit is settings' WIJKTEAM_API_MAX_SIGNALS_PER_CALL (default 200
# there, kept equal to this one by tests/vroegsignalering/test_partner_api_openapi_document_describes_every_route.py).
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


def _store(request: HttpRequest, token: ApiToken, rows: list[tuple[int, SignalRow]]) -> dict[int, RowOutcome]:
    """Store valid rows (index, SignalRow) in one transaction through the bulk write path (`batch.bulk.ingest_rows`).

    The same decisions as the single path `services.ingest_signal`, proven row for row by
    tests/vroegsignalering/test_bulk_ingest_equals_the_single_path.py, with an audit row for every household,
    person and signal written; a fixed number of queries per call instead of ~40 per signal.
    """
    outcomes = ingest_rows([row for _index, row in rows], system=_system(token), bron=Bron.API,
                           organisatie_id=token.organisatie_id, request=request)
    return {index: outcome for (index, _row), outcome in zip(rows, outcomes, strict=True)}


def _answer(index: int | None, outcome: RowOutcome | list[FieldError]) -> dict[str, Any]:
    item: dict[str, Any] = {} if index is None else {"index": index}
    if isinstance(outcome, list):
        item.update(resultaat=ONGELDIG, fouten=[error.as_json() for error in outcome])
    elif outcome.signaal_id is not None:
        item.update(resultaat=NIEUW, id=outcome.signaal_id)
    else:
        item.update(resultaat=HERHAALD)
    return item


def _send(request: HttpRequest, items: list[Any]) -> list[dict[str, Any]]:
    token: ApiToken = request.api_token  # type: ignore[attr-defined]
    today = timezone.localdate()
    outcomes: dict[int, RowOutcome | list[FieldError]] = {}
    valid = []
    for index, item in enumerate(items):
        row, errors = parse_signal(item, organisatie_naam=token.organisatie.naam, today=today)
        if row is None:
            outcomes[index] = errors
        else:
            valid.append((index, row))
    try:
        outcomes.update(_store(request, token, valid))
    except OperationalError as busy:
        # A large upload is being stored (PostgreSQL: the bulk writers take turns) or the database is
        # locked (SQLite): nothing of this call was stored; the partner sends it again later.
        log.warning("signal_api_busy", api_token_id=token.pk)
        raise ApiRefusal(503, _("Het systeem verwerkt nu een groot bestand. Er is niets opgeslagen; stuur de "
                                "signalen over een minuut opnieuw."), headers={"Retry-After": "60"}) from busy
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
    try:
        answer = _send(request, [item])[0]
    except ApiRefusal as refusal:
        return _refused(request, refusal)
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
    try:
        answers = _send(request, items)
    except ApiRefusal as refusal:
        return _refused(request, refusal)
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
