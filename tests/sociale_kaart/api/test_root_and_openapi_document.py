# SPDX-License-Identifier: EUPL-1.2
"""`/` says which HSDS version and profile we follow and where our OpenAPI document is; that document
is the official one, describing this site."""

from __future__ import annotations

import pytest

from wijkteam.sociale_kaart.hsds_io import schemas

from .conftest import API, get_json, schema_errors

pytestmark = pytest.mark.django_db


def test_root_points_at_our_openapi_document(db):
    data = get_json("/")
    assert schema_errors("/", data) == []
    assert data == {
        "version": "3.0",
        "profile": "https://openreferral.org/imports/hsds/",
        "openapi_url": f"http://testserver{API}/openapi.json",
    }


def test_profile_can_be_set_per_municipality(db, settings):
    settings.WIJKTEAM_HSDS_PROFILE_URL = "https://voorbeeld.nl/hsds-profiel/"
    assert get_json("/")["profile"] == "https://voorbeeld.nl/hsds-profiel/"


def test_served_document_is_the_official_one_with_our_server(db):
    served = get_json("/openapi.json")
    official = schemas.openapi_document()
    assert served["servers"] == [{"url": f"http://testserver{API}", "description": "Sociale kaart Gemeente Voorbeeld"}]
    # The official paths, parameters and answers are all there unchanged; what the official
    # document leaves out is added (errors, ndjson: test_served_openapi_documents_every_answer.py).
    assert served["paths"].keys() == official["paths"].keys()
    for path, item in official["paths"].items():
        operation = served["paths"][path]["get"]
        assert all(p in operation.get("parameters", []) for p in item["get"].get("parameters", []))
        for status, answer in item["get"]["responses"].items():
            for content_type, content in answer["content"].items():
                assert operation["responses"][status]["content"][content_type] == content
    assert served["components"] == {**official["components"], "schemas": {
        **official["components"]["schemas"], "Error": served["components"]["schemas"]["Error"]}}
    assert served["openapi"] == official["openapi"]
    assert "REQUIRED" not in served["info"]["title"]
    assert served["info"]["version"] == "3.0"
    # The official file is left alone (the served copy is a deep copy).
    assert "servers" not in official
    assert "Error" not in official["components"]["schemas"]
    assert "400" not in official["paths"]["/services"]["get"]["responses"]
