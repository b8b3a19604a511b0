# SPDX-License-Identifier: EUPL-1.2
"""Per-process cache of public answers: rendered search results and HSDS API responses.

Public answers hold nothing personal and are the same for everyone who asks the same thing, and
popular questions ("schulden", "eenzaam") come back all day. A key holds the search-index
generation (vocabulary.current().key: every write to the sociale kaart, every reindex and every
taxonomy change makes a new one), so a partner's change is visible on the next request; entries
also expire after WIJKTEAM_PUBLIC_CACHE_SECONDS, which bounds what the generation does not cover
(a wijkteam's phone number on the "nothing found" page).

Per process (locmem) on purpose: no cache server to run, and each gunicorn worker warms itself
within a few requests.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import caches

_MISSING = object()


def seconds() -> int:
    return int(getattr(settings, "WIJKTEAM_PUBLIC_CACHE_SECONDS", 0) or 0)


def key(kind: str, *parts: object) -> str:
    digest = hashlib.blake2b("\x1f".join(str(p) for p in parts).encode(), digest_size=16).hexdigest()
    return f"sk:{kind}:{digest}"


def get(cache_key: str | None) -> Any:
    """The cached value, or None (also when caching is off or there is no key)."""
    if cache_key is None or seconds() <= 0:
        return None
    return caches["public"].get(cache_key)


def put(cache_key: str | None, value: Any, *, timeout: int | None = None) -> None:
    if cache_key is None or seconds() <= 0:
        return
    caches["public"].set(cache_key, value, timeout if timeout is not None else seconds())


def clear() -> None:
    caches["public"].clear()
