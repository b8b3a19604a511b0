# SPDX-License-Identifier: EUPL-1.2
"""Spam and flood protection of the residents' request form, without a third-party captcha.

A captcha from elsewhere would send residents' visits to another company and shut out people who
cannot solve it. Three quiet checks instead, each refused with a kind Dutch message:

- a honeypot: a field hidden from people (the `hidden` attribute, so screen readers skip it too)
  that form-filling robots fill in;
- a minimum fill time: the form carries a signed timestamp; a person needs more than a few seconds
  to fill it in, a robot does not. The signature also limits how long one form can be re-used;
- a rate limit per client address (`wijkteam.core.client_ip`, so a proxy is not one big client),
  counted in Django's cache per hour: attempts (every submission) and requests sent.

The cache keeps a keyed hash of the address, never the address. With several worker processes
the limit counts per process unless CACHES["default"] is shared (Redis, database cache).
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.http import HttpRequest

from wijkteam.core.client_ip import client_ip

HONEYPOT_FIELD = "kenmerk"  # a name no browser autofills; people never see the field
TOKEN_FIELD = "formulier"  # noqa: S105 (a form field's name, not a secret)
_SALT = "wijkteam.hulpvragen.public.request-form"
_CACHE = "limits"  # shared by every worker process (settings.CACHES)


def min_fill_seconds() -> int:
    return int(getattr(settings, "WIJKTEAM_HULPVRAAG_MIN_SECONDS", 3))


def token_max_age() -> int:
    # A resident may leave the form open for a while (look something up, ask someone): a day.
    return int(getattr(settings, "WIJKTEAM_HULPVRAAG_FORM_MAX_AGE", 24 * 3600))


def attempts_per_hour() -> int:
    return int(getattr(settings, "WIJKTEAM_HULPVRAAG_ATTEMPTS_PER_HOUR", 30))


def requests_per_hour() -> int:
    # A buurthuis computer or a library shares one address between residents: a few per hour.
    return int(getattr(settings, "WIJKTEAM_HULPVRAAG_PER_HOUR", 5))


class Verdict(enum.StrEnum):
    OK = "ok"
    HONEYPOT = "honeypot"
    TOO_FAST = "too_fast"
    EXPIRED = "expired"
    INVALID = "invalid"  # no token, or one we did not sign
    FLOOD = "flood"
    DUPLICATE = "duplicate"  # the same form sent twice (reload, double click)


def new_token() -> str:
    """A signed, timestamped random id for one rendering of the form."""
    return signing.dumps({"n": secrets.token_urlsafe(12), "t": time.time()}, salt=_SALT, compress=False)


@dataclass(frozen=True)
class TokenCheck:
    verdict: Verdict
    nonce: str = ""


def check_token(value: str) -> TokenCheck:
    try:
        payload = signing.loads(value or "", salt=_SALT, max_age=token_max_age())
        nonce, issued = str(payload["n"]), float(payload["t"])
    except signing.SignatureExpired:
        return TokenCheck(Verdict.EXPIRED)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return TokenCheck(Verdict.INVALID)
    if time.time() - issued < min_fill_seconds():
        return TokenCheck(Verdict.TOO_FAST, nonce)
    if _used(nonce):
        return TokenCheck(Verdict.DUPLICATE, nonce)
    return TokenCheck(Verdict.OK, nonce)


def _client_key(request: HttpRequest, kind: str) -> str:
    address = client_ip(request) or "onbekend"
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:24]
    window = int(time.time() // 3600)
    return f"hulpvragen:{kind}:{digest}:{window}"


def _count(key: str) -> int:
    cache = caches[_CACHE]
    cache.add(key, 0, timeout=3600)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        return 1


def count_attempt(request: HttpRequest) -> bool:
    """Count one submission from this client; False when it is over the hourly limit."""
    return _count(_client_key(request, "poging")) <= attempts_per_hour()


def may_send(request: HttpRequest) -> bool:
    """Whether this client may send one more request this hour (not counted yet)."""
    return int(caches[_CACHE].get(_client_key(request, "verstuurd"), 0)) < requests_per_hour()


def claim(nonce: str) -> bool:
    """Take the form's token for this post, before anything is stored: False when another post (a double
    click still being stored, or one already sent) has it. cache.add() writes only where no key is: one
    INSERT against the cache table's primary key, so of two posts at the same moment one gets it."""
    return bool(caches[_CACHE].add(_nonce_key(nonce), True, timeout=token_max_age()))


def release(nonce: str) -> None:
    """Give the token back: the post stored nothing (a field error), so the corrected form may be sent."""
    caches[_CACHE].delete(_nonce_key(nonce))


def count_sent(request: HttpRequest) -> None:
    _count(_client_key(request, "verstuurd"))


def _nonce_key(nonce: str) -> str:
    return f"hulpvragen:formulier:{nonce}"


def _used(nonce: str) -> bool:
    return bool(caches[_CACHE].get(_nonce_key(nonce)))


def filled_honeypot(value: str | None) -> bool:
    return bool((value or "").strip())
