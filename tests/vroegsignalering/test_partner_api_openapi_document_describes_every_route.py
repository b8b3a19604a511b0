# SPDX-License-Identifier: EUPL-1.2
"""The signal partners' API's OpenAPI document is served without a token, is OpenAPI 3.0, names every
route of api/urls.py with the methods it answers, asks for exactly the batch file's columns, and the
API's real answers fit the schemas it documents.

openapi-spec-validator is not installed (no new dependency for this), so the document is checked here
with jsonschema against the structure of OpenAPI 3.0 that it uses (OPENAPI_30 below: document, path
item, operation, parameter, request body, response, security scheme, written from the 3.0.3
specification), plus the rules a structural schema cannot state: every $ref resolves, every path
template has its path parameter, operationIds are unique, and schema objects use only OpenAPI 3.0's
keywords (no JSON Schema 2019+ `const`, `$defs`, type lists) and are valid JSON Schema themselves.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from django.urls import reverse
from jsonschema import Draft4Validator

from wijkteam.vroegsignalering.api import urls as api_urls
from wijkteam.vroegsignalering.api import views
from wijkteam.vroegsignalering.api.openapi import EXAMPLE_SIGNAL
from wijkteam.vroegsignalering.batch.reader import COLUMNS
from wijkteam.vroegsignalering.models import Signaal

from .partner_api_support import call, energy_company, signal_json, token_for
from .support import place_postcode

pytestmark = pytest.mark.django_db

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_TEXT = {"type": "string"}
OPENAPI_30: dict[str, Any] = {
    "type": "object",
    "required": ["openapi", "info", "paths"],
    "additionalProperties": False,
    "patternProperties": {"^x-": {}},
    "properties": {
        "openapi": {"type": "string", "pattern": r"^3\.0\.\d+$"},
        "info": {"type": "object", "required": ["title", "version"], "additionalProperties": False,
                 "properties": {"title": _TEXT, "version": _TEXT, "description": _TEXT,
                                "license": {"type": "object", "required": ["name"]}}},
        "servers": {"type": "array", "items": {"type": "object", "required": ["url"],
                                               "properties": {"url": _TEXT, "description": _TEXT}}},
        "security": {"$ref": "#/definitions/security"},
        "paths": {"type": "object", "additionalProperties": False,
                  "patternProperties": {"^/": {"$ref": "#/definitions/pathItem"}}},
        "components": {"type": "object", "additionalProperties": False, "properties": {
            "schemas": {"type": "object", "additionalProperties": {"type": "object"}},
            "securitySchemes": {"type": "object", "additionalProperties": {"$ref": "#/definitions/securityScheme"}},
        }},
    },
    "definitions": {
        "security": {"type": "array", "items": {"type": "object", "additionalProperties": {"type": "array"}}},
        "pathItem": {"type": "object", "additionalProperties": False, "minProperties": 1,
                     "properties": {method: {"$ref": "#/definitions/operation"} for method in METHODS}},
        "operation": {"type": "object", "required": ["responses"], "additionalProperties": False, "properties": {
            "operationId": _TEXT, "summary": _TEXT, "description": _TEXT,
            "parameters": {"type": "array", "items": {"$ref": "#/definitions/parameter"}},
            "requestBody": {"type": "object", "required": ["content"], "additionalProperties": False,
                            "properties": {"required": {"type": "boolean"}, "description": _TEXT,
                                           "content": {"$ref": "#/definitions/content"}}},
            "responses": {"type": "object", "minProperties": 1, "additionalProperties": False,
                          "patternProperties": {"^([1-5][0-9]{2}|default)$": {"$ref": "#/definitions/response"}}},
            "security": {"$ref": "#/definitions/security"},
        }},
        "parameter": {"type": "object", "required": ["name", "in", "schema"], "additionalProperties": False,
                      "properties": {"name": _TEXT, "in": {"enum": ["query", "header", "path", "cookie"]},
                                     "required": {"type": "boolean"}, "description": _TEXT,
                                     "schema": {"type": "object"}}},
        "content": {"type": "object", "minProperties": 1, "additionalProperties": {
            "type": "object", "required": ["schema"], "additionalProperties": False,
            "properties": {"schema": {"type": "object"}, "example": {}}}},
        "response": {"type": "object", "required": ["description"], "additionalProperties": False, "properties": {
            "description": _TEXT, "content": {"$ref": "#/definitions/content"},
            "headers": {"type": "object", "additionalProperties": {
                "type": "object", "required": ["schema"], "properties": {"description": _TEXT,
                                                                        "schema": {"type": "object"}}}}}},
        "securityScheme": {"type": "object", "required": ["type"], "properties": {
            "type": {"enum": ["apiKey", "http", "oauth2", "openIdConnect"]}, "scheme": _TEXT, "description": _TEXT}},
    },
}
# The Schema Object keywords OpenAPI 3.0 allows (3.0.3, "Schema Object").
SCHEMA_KEYWORDS = {
    "title", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
    "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties", "required", "enum", "type",
    "allOf", "oneOf", "anyOf", "not", "items", "properties", "additionalProperties", "description", "format",
    "default", "nullable", "discriminator", "readOnly", "writeOnly", "xml", "externalDocs", "example",
    "deprecated", "$ref",
}


@pytest.fixture
def document(db):
    response = call(None, "openapi")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


def _schemas(node: Any, inside: bool = False):
    """Every Schema Object in the document (the values under `schema`, and their sub-schemas)."""
    if isinstance(node, dict):
        if inside:
            yield node
            for key in ("properties",):
                for sub in node.get(key, {}).values():
                    yield from _schemas(sub, True)
            for key in ("items", "additionalProperties", "not"):
                if isinstance(node.get(key), dict):
                    yield from _schemas(node[key], True)
            for key in ("oneOf", "anyOf", "allOf"):
                for sub in node.get(key, []):
                    yield from _schemas(sub, True)
            return
        for key, value in node.items():
            if key == "schema":
                yield from _schemas(value, True)
            elif key == "schemas":
                for sub in value.values():
                    yield from _schemas(sub, True)
            else:
                yield from _schemas(value, False)
    elif isinstance(node, list):
        for value in node:
            yield from _schemas(value, inside)


def _refs(node: Any):
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def json_schema(node: Any) -> Any:
    """An OpenAPI 3.0 Schema Object as JSON Schema draft 4: `nullable` becomes a type list, refs point at
    `definitions`, and the keywords JSON Schema does not know are left out."""
    if isinstance(node, list):
        return [json_schema(value) for value in node]
    if not isinstance(node, dict):
        return node
    out = {key: json_schema(value) for key, value in node.items() if key not in ("nullable", "example")}
    if "$ref" in node:
        out["$ref"] = node["$ref"].replace("#/components/schemas/", "#/definitions/")
    if node.get("nullable") and "type" in node:
        out["type"] = [node["type"], "null"]
    return out


def validator_for(document: dict[str, Any], schema: dict[str, Any]) -> Draft4Validator:
    root = {**json_schema(schema), "definitions": json_schema(document["components"]["schemas"])}
    return Draft4Validator(root)


def test_the_document_is_openapi_3_0(document):
    assert sorted(e.message for e in Draft4Validator(OPENAPI_30).iter_errors(document)) == []
    assert document["servers"] == [{"url": "http://testserver/api/vroegsignalering",
                                     "description": "Vroegsignalering Gemeente Voorbeeld"}]
    for ref in _refs(document):
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in document["components"]["schemas"]
    for schema in _schemas(document):
        assert set(schema) <= SCHEMA_KEYWORDS, set(schema) - SCHEMA_KEYWORDS
        assert not isinstance(schema.get("type"), list)
        if "nullable" in schema:
            assert "type" in schema, "OpenAPI 3.0: nullable only means something next to type"
        Draft4Validator.check_schema(json_schema(schema))
    operation_ids = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            operation_ids.append(operation["operationId"])
            path_params = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path" and p["required"]}
            assert path_params == set(re.findall(r"{(\w+)}", path)), (path, method)
            for answer in operation["responses"].values():
                for content in answer.get("content", {}).values():
                    validator_for(document, content["schema"])  # builds: every ref resolves
    assert len(operation_ids) == len(set(operation_ids))
    assert document["components"]["securitySchemes"]["apiToken"] == {
        "type": "http", "scheme": "bearer", "description": document["components"]["securitySchemes"]["apiToken"][
            "description"]}


def _documented_path(route: str) -> str:
    # Django's `<int:pk>` is the document's `{id}`: partners know the id from the answer that gave it.
    return "/" + re.sub(r"<(?:\w+:)?pk>", "{id}", route)


def test_every_route_is_documented_with_the_methods_it_answers(document, client):
    routes = {_documented_path(str(pattern.pattern)): pattern.name for pattern in api_urls.urlpatterns}
    assert set(routes) == set(document["paths"])
    for path, item in document["paths"].items():
        url = "/api/vroegsignalering" + path.replace("{id}", "1")
        for method in ("get", "post", "put", "delete"):
            answer = getattr(client, method)(url)
            if method in item:
                assert answer.status_code != 405, (path, method)
            else:
                assert answer.status_code == 405, (path, method, answer.status_code)


def test_the_batch_limit_is_the_configured_one(settings):
    settings.WIJKTEAM_API_MAX_SIGNALS_PER_CALL = 50
    batch = call(None, "openapi").json()["paths"]["/signalen/batch/"]["post"]
    assert batch["requestBody"]["content"]["application/json"]["schema"]["maxItems"] == 50
    assert batch["summary"] == "Tot 50 signalen tegelijk sturen"


def test_the_request_schema_asks_for_exactly_the_batch_columns(document):
    signal = document["components"]["schemas"]["Signaal"]
    assert list(signal["properties"]) == list(COLUMNS)
    assert signal["additionalProperties"] is False
    assert set(signal["required"]) <= set(COLUMNS)
    assert list(signal["example"]) == list(COLUMNS)
    batch = document["paths"]["/signalen/batch/"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert batch["maxItems"] == views.DEFAULT_MAX_BATCH == 200
    assert batch["items"] == {"$ref": "#/components/schemas/Signaal"}


def _fits(document, path, method, response):
    documented = document["paths"][path][method]["responses"][str(response.status_code)]
    schema = documented["content"]["application/json"]["schema"]
    errors = sorted(e.message for e in validator_for(document, schema).iter_errors(response.json()))
    assert errors == [], (path, response.status_code, response.json())
    for header in documented.get("headers", {}):
        assert response.has_header(header), (path, response.status_code, header)


def test_the_real_answers_fit_the_documented_schemas(document, place, users, settings, frozen_time):
    place_postcode(place)
    _token, secret = token_for(energy_company(), users.beheerder)
    _other, other_scope = token_for(energy_company("Voorbeeld Water"), users.beheerder, scopes=("verwijzingen",))
    example = copy.deepcopy(EXAMPLE_SIGNAL)
    assert validator_for(document, {"$ref": "#/components/schemas/Signaal"}).is_valid(example)

    one = "/signalen/"
    created = call(secret, "signal_create", example)
    assert created.status_code == 201  # the document's own example is a valid signal
    _fits(document, one, "post", created)
    _fits(document, one, "post", call(secret, "signal_create", example))  # 200 herhaald
    _fits(document, one, "post", call(secret, "signal_create", {**example, "bsn": "1"}))  # 400 per field
    _fits(document, one, "post", call(secret, "signal_create", [example]))  # 400 message
    _fits(document, one, "post", call(None, "signal_create", example))  # 401
    _fits(document, one, "post", call(other_scope, "signal_create", example))  # 403
    batch = "/signalen/batch/"
    mixed = call(secret, "signal_batch", [example, signal_json(huisnummer="2"), {"bedrag": -1}])
    assert mixed.json()["aantallen"] == {"nieuw": 1, "herhaald": 1, "ongeldig": 1}
    _fits(document, batch, "post", mixed)
    _fits(document, batch, "post", call(secret, "signal_batch", [example] * 201))  # 413
    _fits(document, batch, "post", call(secret, "signal_batch", {}))  # 400
    outcome = "/signalen/{id}/uitkomst/"
    _fits(document, outcome, "get", call(secret, "signal_outcome", pk=created.json()["id"]))
    _fits(document, outcome, "get", call(secret, "signal_outcome", pk=created.json()["id"] + 1000))  # 404
    settings.WIJKTEAM_API_RATE_PER_MINUTE = 1
    _fits(document, outcome, "get", call(secret, "signal_outcome", pk=created.json()["id"]))  # 429
    assert Signaal.objects.count() == 2
    assert reverse("vroegsignalering_api:openapi") == "/api/vroegsignalering/openapi.json"
