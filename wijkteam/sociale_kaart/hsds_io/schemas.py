# SPDX-License-Identifier: EUPL-1.2
"""The vendored official HSDS 3.0 schemas, usable offline.

The OpenAPI document and the compiled schemas refer to each other by their canonical GitHub URLs;
`registry()` maps those URLs to the files in `sociale_kaart/hsds/schema/`, so validation never
touches the network. `FORMAT_CHECKER` adds the formats jsonschema cannot check without optional
packages (`uri`, `date-time`, `time`), so "" or "geen url" fail where the schemas say `format: uri`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

HSDS_DIR = Path(__file__).resolve().parent.parent / "hsds"
SCHEMA_DIR = HSDS_DIR / "schema"
EXAMPLES_DIR = HSDS_DIR / "examples"
DATAPACKAGE_PATH = EXAMPLES_DIR / "csv" / "datapackage.json"
OPENAPI_PATH = SCHEMA_DIR / "openapi.json"

# Where the official files live upstream; the OpenAPI document's $refs use this prefix.
SCHEMA_BASE_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI_URL = SCHEMA_BASE_URL + "openapi.json"

# RFC 3986: a scheme, a colon, and no whitespace. For web schemes also a host.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$")
_WEB_URI = re.compile(r"^(?i:https?|ftp)://[^\s/?#]+[^\s]*$")
# RFC 3339 date-time (the JSON Schema `date-time` format), fractions of any length.
_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)
_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$")


def is_uri(value: str) -> bool:
    """An absolute URI (RFC 3986), e.g. https://voorbeeld.nl or mailto:info@voorbeeld.nl."""
    if not _URI.match(value):
        return False
    scheme = value.split(":", 1)[0].lower()
    if scheme in {"http", "https", "ftp"}:
        return bool(_WEB_URI.match(value))
    return True


def is_web_url(value: str) -> bool:
    """An http or https address with a host: what an imported URL field may hold.

    HSDS only says `format: uri`, which `is_uri` checks; but these fields become links on the public
    service page, and a `javascript:` or `data:` URI there would run in the visitor's browser. E-mail
    addresses and phone numbers have fields of their own, so mailto: and tel: are not needed here.
    """
    scheme = value.split(":", 1)[0].lower()
    return scheme in {"http", "https"} and bool(_WEB_URI.match(value))


def is_date_time(value: str) -> bool:
    if not _DATE_TIME.match(value):
        return False
    try:
        dt.datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))
    except ValueError:
        return False
    return True


def is_time(value: str) -> bool:
    if not _TIME.match(value):
        return False
    hours, minutes = int(value[0:2]), int(value[3:5])
    seconds = int(value[6:8]) if len(value) >= 8 and value[5] == ":" else 0
    return hours < 24 and minutes < 60 and seconds < 60


def _format_checker() -> FormatChecker:
    checker = FormatChecker()
    for name, check in Draft202012Validator.FORMAT_CHECKER.checkers.items():
        checker.checkers[name] = check
    checker.checks("uri")(lambda value: not isinstance(value, str) or is_uri(value))
    checker.checks("date-time")(lambda value: not isinstance(value, str) or is_date_time(value))
    checker.checks("time")(lambda value: not isinstance(value, str) or is_time(value))
    return checker


FORMAT_CHECKER = _format_checker()


@cache
def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def schema(name: str) -> dict[str, Any]:
    """A schema file by its path below schema/, e.g. "service.json" or "compiled/service_list.json"."""
    result: dict[str, Any] = load_json(SCHEMA_DIR / name)
    return result


def openapi_document() -> dict[str, Any]:
    """The official OpenAPI document (a shared, cached object: copy before changing it)."""
    result: dict[str, Any] = load_json(OPENAPI_PATH)
    return result


def datapackage() -> dict[str, Any]:
    result: dict[str, Any] = load_json(DATAPACKAGE_PATH)
    return result


@cache
def registry() -> Registry:
    """Every vendored schema file (and the OpenAPI document) under its canonical URL."""
    resources = []
    for path in sorted(SCHEMA_DIR.rglob("*.json")):
        uri = SCHEMA_BASE_URL + path.relative_to(SCHEMA_DIR).as_posix()
        resources.append((uri, Resource.from_contents(load_json(path), default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


def validator(ref: str) -> Draft202012Validator:
    """A Draft 2020-12 validator for a schema URL, or a file below schema/, optionally with #pointer."""
    url = ref if ref.startswith("https://") else SCHEMA_BASE_URL + ref
    return _validator(url)


@cache
def _validator(url: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": url}, registry=registry(), format_checker=FORMAT_CHECKER)


def openapi_response_validator(path: str, method: str = "get", status: str = "200") -> Draft202012Validator:
    """The validator of one response schema of the OpenAPI document, e.g. ("/services", "get")."""
    pointer = "/".join(
        part.replace("~", "~0").replace("/", "~1")
        for part in ["paths", path, method, "responses", status, "content", "application/json", "schema"]
    )
    return _validator(f"{OPENAPI_URL}#/{pointer}")
