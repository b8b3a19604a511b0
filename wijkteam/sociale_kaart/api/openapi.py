# SPDX-License-Identifier: EUPL-1.2
"""The OpenAPI document we serve: the official HSDS 3.0 one, describing this site.

Only `servers` and `info` change (the official file has placeholders there); paths, parameters and
response schemas stay exactly as Open Referral publishes them, so clients generated from the
official document work against us unchanged. The document is CC BY-SA 4.0, like the rest of HSDS.
"""

from __future__ import annotations

import copy
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from ..hsds_io.schemas import openapi_document

HSDS_VERSION = "3.0"
# The profile this API conforms to: HSDS itself. A municipality with its own profile sets this.
DEFAULT_PROFILE_URL = "https://openreferral.org/imports/hsds/"


def profile_url() -> str:
    return str(getattr(settings, "WIJKTEAM_HSDS_PROFILE_URL", DEFAULT_PROFILE_URL))


def api_base_url(request: HttpRequest) -> str:
    """Absolute URL of the API root without the trailing slash, as OpenAPI `servers` expects."""
    return request.build_absolute_uri(reverse("sociale_kaart_api:root")).rstrip("/")


def served_document(request: HttpRequest) -> dict[str, Any]:
    from .views import ndjson_max_items  # views imports this module

    document: dict[str, Any] = copy.deepcopy(openapi_document())
    gemeente = settings.WIJKTEAM_GEMEENTE_NAAM
    document["info"] = {
        "title": f"Sociale kaart {gemeente} (HSDS {HSDS_VERSION})",
        "version": HSDS_VERSION,
        "summary": f"Hulp en activiteiten in {gemeente}, volgens de Human Services Data Specification.",
        "description": (
            "Read-only HSDS 3.0 API of the sociale kaart. No key needed; CORS is open. Only services that "
            "are active (or temporarily closed) and checked in the last year are published. This document "
            "is the official Open Referral HSDS 3.0 OpenAPI document (CC BY-SA 4.0) with servers and info "
            "filled in. One difference in behaviour: `format=ndjson` streams at most "
            f"{ndjson_max_items():,} results per answer (`per_page` may ask fewer); `X-Total-Count` gives "
            "the number of results and a `Link: <...>; rel=\"next\"` header the next page. An ndjson stream "
            "that runs out of time is broken off (an incomplete transfer), never silently shortened."
        ),
        "license": {"name": "CC BY-SA 4.0", "url": "https://creativecommons.org/licenses/by-sa/4.0/"},
    }
    document["servers"] = [{"url": api_base_url(request), "description": f"Sociale kaart {gemeente}"}]
    return document
