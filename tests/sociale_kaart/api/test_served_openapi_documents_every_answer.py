# SPDX-License-Identifier: EUPL-1.2
"""A schema-driven fuzzer against the served OpenAPI document (issue 16 item 9).

For every path and every parameter the served /api/hsds/openapi.json declares, the API is asked
with valid, invalid, huge, negative and empty values (one parameter at a time, then all valid ones
together; a fixed list, so the run is the same every time and bounded). Every answer's status
must be documented for that path, and its body must validate against the schema documented for
that status and content type (Draft 2020-12, offline: the vendored HSDS schemas).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from tests.factories_sociale_kaart import term
from wijkteam.sociale_kaart.api.openapi import response_validator

from .conftest import API

pytestmark = pytest.mark.django_db

HUGE = "9" * 40
LONG = "x" * 5000
# Values per declared schema type: valid ones first, then invalid, huge, negative and empty.
BY_TYPE: dict[str, list[str]] = {
    "integer": ["1", "2", "0", "-1", HUGE, "-" + HUGE, "1.5", "abc", "", " ", "1e3", "٣"],
    "boolean": ["true", "false", "1", "0", "ja", "", "TRUE", LONG],
    "string": ["", " ", "-1", HUGE, LONG, "é ñ ☃", "%00", "' OR 1=1 --", "\t"],
}
# Valid values that only make sense per parameter (they select something on the test kaart).
PER_NAME: dict[str, list[str]] = {
    "format": ["json", "ndjson", "xml", "NDJSON"],
    "modified_after": ["2026-01-01T00:00:00Z", "2026-01-01", "2026-13-45T99:99:99Z", "gisteren"],
    "postcode": ["3511 AB", "3511AB", "3511", "9999 ZZ", "ABCD 12"],
    "proximity": ["5000", "0", "-5", "1e400", "nan", "inf"],
    "search": ["geld", "schuldhulp verlening", "LD01"],
    "per_page": ["100", "101", "100000"],
    "page": ["100000"],
}


def _resolve(document: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in item:
        name = item["$ref"].rsplit("/", 1)[-1]
        item = document["components"]["parameters"][name]
    return item


def _parameters(document: dict[str, Any], path: str) -> list[dict[str, Any]]:
    item = document["paths"][path]
    found = [_resolve(document, p) for p in item.get("parameters", []) + item["get"].get("parameters", [])]
    return [p for p in found if p["in"] == "query"]


def _values(parameter: dict[str, Any], known_ids: dict[str, str]) -> list[str]:
    name = parameter["name"]
    values = list(PER_NAME.get(name, []))
    if name.endswith("_id"):
        values += [known_ids.get(name, ""), "00000000-0000-0000-0000-000000000000", "niet-een-uuid"]
    values += BY_TYPE.get(parameter.get("schema", {}).get("type", "string"), BY_TYPE["string"])
    return list(dict.fromkeys(values))


def _check(document: dict[str, Any], path: str, url: str, params: dict[str, str], client: Client) -> str | None:
    """None when the answer is documented and valid; else what is wrong (for the failure list)."""
    response = client.get(url, params)
    status = str(response.status_code)
    responses = document["paths"][path]["get"]["responses"]
    where = f"GET {url} {params!r:.120} -> {status}"
    if status not in responses:
        return f"{where}: status not documented"
    content_type = response["Content-Type"].split(";")[0].strip()
    documented = responses[status].get("content", {})
    if content_type not in documented:
        return f"{where}: content type {content_type} not documented"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    validator = response_validator(document, path, status, content_type)
    items = [json.loads(line) for line in body.splitlines() if line] if content_type != "application/json" else [
        json.loads(body)
    ]
    for item in items:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"[:200] for e in validator.iter_errors(item)]
        if errors:
            return f"{where}: body does not match the documented schema: {errors[:2]}"
    return None


def test_every_answer_is_documented_with_its_schema(client: Client, kaart: Any) -> None:
    document = client.get(f"{API}/openapi.json").json()
    sal = kaart.geld.service_at_locations.get()
    known_ids = {
        "taxonomy_term_id": str(term("LD01").id),
        "taxonomy_id": str(term("LD01").taxonomy_id),
        "organization_id": str(kaart.org_a.id),
        "parent_id": str(term("LD01").id),
    }
    path_ids = {
        "/services/{id}": str(kaart.geld.id),
        "/organizations/{id}": str(kaart.org_a.id),
        "/service_at_locations/{id}": str(sal.id),
        "/taxonomies/{id}": str(term("LD01").taxonomy_id),
        "/taxonomy_terms/{id}": str(term("LD01").id),
    }
    bad_ids = ["00000000-0000-0000-0000-000000000000", "niet-een-uuid", HUGE, "-1", LONG[:1000], "%20"]
    problems: list[str] = []
    asked = 0
    for path in sorted(document["paths"]):
        urls = [path.replace("{id}", value) for value in [path_ids[path], *bad_ids]] if "{id}" in path else [path]
        parameters = _parameters(document, path)
        for url in urls:
            full_url = API + url
            problems.append(_check(document, path, full_url, {}, client) or "")
            asked += 1
            if url != urls[0]:
                continue  # the parameters are fuzzed on the existing record
            for parameter in parameters:
                for value in _values(parameter, known_ids):
                    problems.append(_check(document, path, full_url, {parameter["name"]: value}, client) or "")
                    asked += 1
    problems = [p for p in problems if p]
    assert asked > 300  # the fuzzer really ran (the document lists every path and parameter)
    assert problems == [], "\n".join(problems[:40])


def test_the_served_document_declares_the_error_body_on_every_path(client: Client) -> None:
    document = client.get(f"{API}/openapi.json").json()
    error = document["components"]["schemas"]["Error"]
    assert error["required"] == ["status", "message"]
    for path, item in document["paths"].items():
        responses = item["get"]["responses"]
        for status in ("400", "404"):
            schema = responses[status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Error"}, (path, status)
