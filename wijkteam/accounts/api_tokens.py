# SPDX-License-Identifier: EUPL-1.2
"""Partner organisations' API tokens: the one write path (create, revoke) and the check every partner API
call goes through (`authenticate`, `check_rate`, or both at once with the `token_endpoint` decorator).

A token is `wt_` followed by 43 random URL-safe characters (32 bytes from `secrets`). It is shown once,
when it is made; the database keeps only

- `hash`: SHA-256 of the whole secret. Not a slow password hash: those exist to make guessing a *chosen*
  password expensive, and a 256-bit random secret cannot be guessed, so a fast hash loses nothing and
  lets a call be checked with one indexed lookup. Not keyed with SECRET_KEY either: rotating that key
  (after a leak, or when moving servers) would silently break every partner's integration, and a keyed
  hash adds nothing for secrets that cannot be guessed. A database dump therefore holds no usable token.
- `prefix`: the first 11 characters ("wt_" + 8), shown in lists and the audit trail so a beheerder and a
  partner can talk about a token without either being able to use it.

Lookup is by hash (a unique index), so the comparison is between hashes, never between the secret and
anything stored; `hmac.compare_digest` confirms the row found, in constant time.

Refusals are JSON with a Dutch message: 401 for a missing, unknown, revoked or expired token (with
`WWW-Authenticate: Bearer`, RFC 6750), 403 for a token without the scope the endpoint needs, 429 with
`Retry-After` past the rate limit. Every refusal is a DENIED row in the audit trail; the acting "user" of
an API call is written as `api-token:<prefix>` with the organisation's name as `on_behalf_of`.

Rate limit: a fixed window of one minute per token in the `limits` cache, which every worker process shares
(the database cache by default, see settings.CACHES). Its incr() is a read and a write, not atomic: two
simultaneous calls may count as one, so the limit can be passed by a few calls, never by a multiple.
Refusals per address: a caller guessing tokens (or sending none) never reaches a token's own limit, and
each refusal costs a lookup and an audit row. So `token_endpoint` counts refused calls per client address
(`wijkteam.core.client_ip`, also in the `limits` cache) *before* the token lookup: past
`refusals_per_minute()` in the current minute the address gets 429 with Retry-After, without a lookup and
without an audit row per call; one DENIED row ("te veel geweigerde verzoeken") records that the limit was
reached. A partner behind the same address is slowed down for at most the rest of that minute.

The limits come from settings when set there (`WIJKTEAM_API_RATE_PER_MINUTE`,
`WIJKTEAM_API_REFUSALS_PER_MINUTE`, `WIJKTEAM_API_TOKEN_MAX_DAYS`), else from the defaults below.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

import structlog
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from wijkteam.audit.models import Action, Outcome
from wijkteam.audit.services import record
from wijkteam.core.client_ip import client_ip

from .models import ApiScope, ApiToken, Organisatie, User

log = structlog.get_logger(__name__)

SECRET_START = "wt_"  # noqa: S105 - the visible start of every token, not a secret
PREFIX_LENGTH = len(SECRET_START) + 8
DEFAULT_VALID_DAYS = 365
DEFAULT_MAX_VALID_DAYS = 366
DEFAULT_RATE_PER_MINUTE = 120
DEFAULT_REFUSALS_PER_MINUTE = 30
RATE_WINDOW_SECONDS = 60
# `laatst_gebruikt` is written at most this often per token: not one UPDATE per call.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def max_valid_days() -> int:
    return int(getattr(settings, "WIJKTEAM_API_TOKEN_MAX_DAYS", DEFAULT_MAX_VALID_DAYS))


def rate_per_minute() -> int:
    return int(getattr(settings, "WIJKTEAM_API_RATE_PER_MINUTE", DEFAULT_RATE_PER_MINUTE))


def refusals_per_minute() -> int:
    return int(getattr(settings, "WIJKTEAM_API_REFUSALS_PER_MINUTE", DEFAULT_REFUSALS_PER_MINUTE))


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def actor(token: ApiToken | None) -> str:
    """Who an API call is, in the audit trail's username column."""
    return f"api-token:{token.prefix}" if token is not None else "api-token:onbekend"


def record_api(request: HttpRequest | None, action: Action | str, token: ApiToken, **fields: Any) -> None:
    """An audit row for something a token did: no user; the token's prefix and organisation instead."""
    detail = {"api_token_id": token.pk, "organisatie_id": token.organisatie_id, **fields.pop("detail", {})}
    record(request, action, user=AnonymousUser(), username=actor(token), on_behalf_of=token.organisatie.naam,
           detail=detail, **fields)


# --- The write path ------------------------------------------------------------------------------


def create_token(organisatie: Organisatie, *, scopes: Iterable[str], naam: str, by: User,
                 request: HttpRequest | None = None, valid_days: int = DEFAULT_VALID_DAYS) -> tuple[ApiToken, str]:
    """Make a token; returns it with its secret, which exists nowhere else: show it once, then forget it."""
    scope_list = sorted(set(scopes))
    if not scope_list or any(scope not in ApiScope.values for scope in scope_list):
        raise ValidationError(_("Kies waarvoor de sleutel gebruikt mag worden."), code="scopes")
    if not naam.strip():
        raise ValidationError(_("Geef de sleutel een naam."), code="naam")
    if not 1 <= valid_days <= max_valid_days():
        raise ValidationError(_("Een sleutel is 1 tot %(max)s dagen geldig.") % {"max": max_valid_days()},
                              code="valid_days")
    secret = SECRET_START + secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        token = ApiToken.objects.create(
            organisatie=organisatie, naam=naam.strip(), scopes=scope_list, prefix=secret[:PREFIX_LENGTH],
            hash=hash_secret(secret), aangemaakt=now, aangemaakt_door=by,
            verloopt_op=now + dt.timedelta(days=valid_days),
        )
        record(request, Action.CREATE, obj=token, user=by, on_behalf_of=organisatie.naam,
               detail={"organisatie_id": organisatie.pk, "scopes": scope_list, "prefix": token.prefix,
                       "verloopt_op": token.verloopt_op.isoformat()})
    log.info("api_token_created", api_token_id=token.pk, organisatie_id=organisatie.pk, by=by.pk)
    return token, secret


def revoke_token(token: ApiToken, *, by: User, request: HttpRequest | None = None) -> bool:
    """Revoke a token for good; False (and nothing written) when it was revoked already."""
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.ingetrokken_op is not None:
            return False
        locked.ingetrokken_op = timezone.now()
        locked.ingetrokken_door = by
        locked.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
        token.ingetrokken_op, token.ingetrokken_door = locked.ingetrokken_op, by
        record(request, Action.UPDATE, obj=locked, user=by, on_behalf_of=token.organisatie.naam,
               detail={"organisatie_id": locked.organisatie_id, "prefix": locked.prefix, "ingetrokken": True})
    log.info("api_token_revoked", api_token_id=token.pk, by=by.pk)
    return True


# --- Checking a call -----------------------------------------------------------------------------


class ApiRefusal(Exception):
    """A refused API call; `response()` is the JSON answer to send."""

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}

    def response(self) -> JsonResponse:
        response = JsonResponse({"status": self.status, "melding": self.message}, status=self.status,
                                json_dumps_params={"ensure_ascii": False})
        for name, value in self.headers.items():
            response[name] = value
        patch_cache_control(response, no_store=True, private=True)
        return response


def _refuse(request: HttpRequest, status: int, message: str, *, token: ApiToken | None, reason: str,
            scope: str, headers: dict[str, str] | None = None) -> ApiRefusal:
    detail = {"reden": reason, "scope": scope}
    if token is not None:
        record_api(request, Action.DENIED, token, outcome=Outcome.DENIED, object_type="accounts.apitoken",
                   object_id=token.pk, detail=detail)
    else:
        record(request, Action.DENIED, outcome=Outcome.DENIED, user=AnonymousUser(), username=actor(None),
               object_type="accounts.apitoken", detail=detail)
    log.info("api_call_refused", reason=reason, api_token_id=token.pk if token else None, status=status)
    return ApiRefusal(status, message, headers=headers)


def _bearer(error: str) -> dict[str, str]:
    return {"WWW-Authenticate": f'Bearer realm="wijkteam", error="{error}"'}


def authenticate(request: HttpRequest, scope: str) -> ApiToken:
    """The token of this call (`Authorization: Bearer <secret>`), or raise ApiRefusal (401/403), audited."""
    scheme, _space, secret = request.headers.get("Authorization", "").partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        raise _refuse(request, 401, _("Stuur uw API-sleutel mee in de kop Authorization: Bearer <sleutel>."),
                      token=None, reason="geen sleutel", scope=scope, headers=_bearer("invalid_request"))
    digest = hash_secret(secret)
    token = ApiToken.objects.select_related("organisatie").filter(hash=digest).first()
    if token is None or not hmac.compare_digest(token.hash, digest):
        raise _refuse(request, 401, _("Deze API-sleutel kennen we niet."), token=None, reason="onbekend",
                      scope=scope, headers=_bearer("invalid_token"))
    now = timezone.now()
    if token.ingetrokken_op is not None:
        raise _refuse(request, 401, _("Deze API-sleutel is ingetrokken. Vraag de gemeente om een nieuwe."),
                      token=token, reason="ingetrokken", scope=scope, headers=_bearer("invalid_token"))
    if now >= token.verloopt_op:
        raise _refuse(request, 401, _("Deze API-sleutel is verlopen. Vraag de gemeente om een nieuwe."),
                      token=token, reason="verlopen", scope=scope, headers=_bearer("invalid_token"))
    if scope not in token.scopes:
        raise _refuse(request, 403, _("Deze API-sleutel mag hier niet voor gebruikt worden."), token=token,
                      reason="andere scope", scope=scope, headers=_bearer("insufficient_scope"))
    if token.laatst_gebruikt is None or now - token.laatst_gebruikt >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt=now)
        token.laatst_gebruikt = now
    return token


def _window() -> tuple[float, int]:
    now = timezone.now().timestamp()
    return now, int(now // RATE_WINDOW_SECONDS)


def _retry_after(now: float) -> int:
    return max(1, RATE_WINDOW_SECONDS - int(now) % RATE_WINDOW_SECONDS)


def _count(key: str) -> int:
    """One more in the window's counter `key` of the `limits` cache; the new count."""
    cache = caches["limits"]
    # add() then incr(): add() only starts the window's counter.
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS * 2)
    try:
        return int(cache.incr(key))
    except ValueError:  # the key expired between add() and incr()
        cache.set(key, 1, timeout=RATE_WINDOW_SECONDS * 2)
        return 1


def _refusals_key(request: HttpRequest, window: int) -> str:
    return f"api-refusals:{client_ip(request) or 'onbekend'}:{window}"


def check_refusals(request: HttpRequest) -> None:
    """Before any token lookup: raise ApiRefusal (429) when this address was refused too often this minute.

    Only the first call past the limit is audited and moves the counter on (to limit + 1); later calls of
    the minute cost one cache read and nothing else: a row per guess would let a guesser fill the audit
    trail. Two calls at the same moment may both write that row: a second row, never one per call."""
    now, window = _window()
    key = _refusals_key(request, window)
    limit = refusals_per_minute()
    cache = caches["limits"]
    count = int(cache.get(key) or 0)
    if count < limit:
        return
    retry_after = _retry_after(now)
    message = _("Te veel geweigerde verzoeken vanaf uw adres. Probeer het over %(s)s seconden opnieuw.") % {
        "s": retry_after}
    headers = {"Retry-After": str(retry_after)}
    if count == limit:
        cache.set(key, limit + 1, timeout=RATE_WINDOW_SECONDS * 2)
        raise _refuse(request, 429, message, token=None, reason="te veel geweigerde verzoeken", scope="",
                      headers=headers)
    raise ApiRefusal(429, message, headers=headers)


def count_refusal(request: HttpRequest) -> None:
    """A call from this address was refused (no, unknown, revoked or expired token; another scope)."""
    _now, window = _window()
    _count(_refusals_key(request, window))


def check_rate(request: HttpRequest, token: ApiToken) -> None:
    """Count this call in the token's current minute; raise ApiRefusal (429, Retry-After) past the limit."""
    now, window = _window()
    count = _count(f"api-token-rate:{token.pk}:{window}")
    limit = rate_per_minute()
    if count > limit:
        retry_after = _retry_after(now)
        raise _refuse(request, 429, _("Te veel verzoeken: hoogstens %(n)s per minuut. Probeer het over %(s)s "
                                      "seconden opnieuw.") % {"n": limit, "s": retry_after},
                      token=token, reason="te veel verzoeken", scope="",
                      headers={"Retry-After": str(retry_after)})


View = Callable[..., HttpResponseBase]


def token_endpoint(scope: str) -> Callable[[View], View]:
    """A partner API view: the token (never a session) decides, within the rate limit; refusals are JSON.

    The view finds the token on `request.api_token`. `request.user` is set to anonymous first: an API
    call acts for the token's organisation only, so a browser's session cookie that happens to be sent
    along must neither grant anything nor be named in the audit trail.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            request.user = AnonymousUser()
            try:
                check_refusals(request)
                try:
                    token = authenticate(request, scope)
                except ApiRefusal:
                    count_refusal(request)
                    raise
                check_rate(request, token)
            except ApiRefusal as refusal:
                return refusal.response()
            request.api_token = token  # type: ignore[attr-defined]
            response = view(request, *args, **kwargs)
            # Answers are about residents' signals: no browser or proxy keeps them.
            patch_cache_control(response, no_store=True, private=True)
            return response

        return wrapped

    return decorator
