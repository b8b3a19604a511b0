# SPDX-License-Identifier: EUPL-1.2
"""The client's address, seen the same way by the audit trail and by the login lockout (django-axes).

Behind a proxy REMOTE_ADDR is the proxy: locking out on it would lock every user out from
everywhere. X-Forwarded-For is only trusted for as many hops as WIJKTEAM_TRUSTED_PROXY_COUNT says;
a client can put anything in the header, so the address we use is the one the *last trusted*
proxy saw (counted from the right), never the leftmost entry.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    proxies = settings.WIJKTEAM_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(forwarded) >= proxies:
            return _valid(forwarded[-proxies])
    return _valid(request.META.get("REMOTE_ADDR") or "")
