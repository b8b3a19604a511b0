# SPDX-License-Identifier: EUPL-1.2
"""The OpenAPI document we serve: the official HSDS 3.0 one, describing this site.

`servers` and `info` are filled in (the official file has placeholders there). Paths, parameters
and the 200 answers' schemas stay as Open Referral publishes them, so clients generated from the
official document work against us unchanged; what the official document leaves out is added
(issue 16 item 9: a schema-driven fuzzer found 11 undocumented status codes):

- every path documents 400 (a parameter we cannot use) and 404 (an id we do not publish, or a page
  past the last) with the error body `{"status": ..., "message": ...}` (components/schemas/Error);
- list paths document `format=ndjson`: a 200 `application/x-ndjson` answer, one list item a line;
- /services documents `postcode` and `proximity`, which it accepts as /service_at_locations does.

tests/sociale_kaart/api/test_served_openapi_documents_every_answer.py asks every path with
valid, invalid, huge, negative and empty values of every parameter and checks each answer against
this document. The document is CC BY-SA 4.0, like the rest of HSDS.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from jsonschema import Draft202012Validator
from referencing import Resource
from referencing.jsonschema import DRAFT202012

from ..hsds_io.schemas import FORMAT_CHECKER, openapi_document, registry

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
    document["paths"] = copy.deepcopy(documented_paths())  # shared and cached: never handed out
    document["components"]["schemas"]["Error"] = ERROR_SCHEMA
    return document


ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Why the request could not be answered.",
    "properties": {
        "status": {"type": "integer", "description": "The HTTP status code, repeated."},
        "message": {"type": "string", "description": "What to change, in Dutch (or the Accept-Language)."},
    },
    "required": ["status", "message"],
}
_ERROR_ANSWERS = {
    "400": "A parameter that cannot be used (its message says which and why).",
    "404": "No published record with this id, or a page past the last.",
}
NDJSON = "application/x-ndjson"
# Parameters /services accepts beyond the official document (as /service_at_locations has them).
EXTRA_PARAMETERS = {"/services": ["postcode", "proximity"]}


@cache
def documented_paths() -> dict[str, Any]:
    """The official paths with every answer this API gives (see the module docstring)."""
    official = openapi_document()
    paths: dict[str, Any] = copy.deepcopy(official["paths"])
    for path, item in paths.items():
        operation = item["get"]
        names = {p.get("$ref", "").rsplit("/", 1)[-1] for p in operation.get("parameters", [])}
        for extra in EXTRA_PARAMETERS.get(path, []):
            if extra not in names:
                operation.setdefault("parameters", []).append({"$ref": f"#/components/parameters/{extra}"})
        responses = operation["responses"]
        if "format" in names:
            listed = responses["200"]["content"]["application/json"]["schema"]["properties"]["contents"]["items"]
            responses["200"]["content"][NDJSON] = {"schema": listed}
        for status, description in _ERROR_ANSWERS.items():
            responses.setdefault(status, {
                "description": description,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            })
    return paths


# The served document's own address for resolving its references (never fetched).
SERVED_URI = "urn:wijkteam:hsds-openapi"


def response_validator(document: dict[str, Any], path: str, status: str, content_type: str) -> Draft202012Validator:
    """A validator for one documented answer of a served `document` (its "#/components/..."
    references resolve within it; the HSDS schema files through the offline registry)."""
    pointer = "/".join(
        part.replace("~", "~0").replace("/", "~1")
        for part in ["paths", path, "get", "responses", status, "content", content_type, "schema"]
    )
    resources = registry().with_resource(
        SERVED_URI, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    return Draft202012Validator(
        {"$ref": f"{SERVED_URI}#/{pointer}"}, registry=resources, format_checker=FORMAT_CHECKER
    )
