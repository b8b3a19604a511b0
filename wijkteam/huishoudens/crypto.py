# SPDX-License-Identifier: EUPL-1.2
"""Encryption at rest for identifying numbers (BSN).

A database dump must not reveal a BSN: we store the Fernet ciphertext (MultiFernet, so keys can be
rotated) and a keyed HMAC-SHA256 for exact-match lookup. Without the keys from the environment,
neither column gives the number back.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@cache
def _fernet() -> MultiFernet:
    keys = settings.WIJKTEAM_FIELD_KEYS
    if not keys:
        raise ImproperlyConfigured("WIJKTEAM_FIELD_KEYS must hold at least one Fernet key")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def lookup_hash(value: str) -> str:
    key = settings.WIJKTEAM_HASH_KEY.encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()
