# SPDX-License-Identifier: EUPL-1.2
"""Every path and every query parameter of the official HSDS OpenAPI document is served, and every
answer validates against the response schema the document declares (Draft 2020-12, offline).

The paths and parameters are read from the vendored openapi.json, so an endpoint or parameter we do
not serve fails here; the sample values below must cover them all.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import resolve

from tests.factories_sociale_kaart import term
from wijkteam.sociale_kaart.hsds_io import schemas

from .conftest import API, EXAMPLE_SERVICE_ID, get, get_json, schema_errors, term_id

pytestmark = pytest.mark.django_db

OPENAPI = schemas.openapi_document()


def _parameters(path: str) -> list[str]:
    names = []
    for param in OPENAPI["paths"][path]["get"].get("parameters", []):
        if "$ref" in param:
            param = OPENAPI["components"]["parameters"][param["$ref"].rsplit("/", 1)[-1]]
        if param["in"] == "query":
            names.append(param["name"])
    return names


PATHS = sorted(OPENAPI["paths"])
PATH_PARAMS = [(path, name) for path in PATHS for name in _parameters(path)]


def _ids(kaart: Any, example: Any) -> dict[str, str]:
    sal = kaart.geld.service_at_locations.get()
    return {
        "/services/{id}": str(kaart.geld.id),
        "/organizations/{id}": str(kaart.org_a.id),
        "/service_at_locations/{id}": str(sal.id),
        "/taxonomies/{id}": str(term("LD01").taxonomy_id),
        "/taxonomy_terms/{id}": term_id("LD01"),
    }


def _url(path: str, kaart: Any, example: Any) -> str:
    return path.replace("{id}", _ids(kaart, example)[path]) if "{id}" in path else path


SEARCH = {"/services": "geld", "/service_at_locations": "geld", "/organizations": "geldhulp",
          "/taxonomies": "levensdomeinen", "/taxonomy_terms": "LD01"}


def _sample(path: str, name: str, kaart: Any) -> dict[str, str]:
    """A value for each parameter that selects at least one result."""
    return {
        "search": {"search": SEARCH.get(path, "")},
        "page": {"page": "1"},
        "per_page": {"per_page": "2"},
        "format": {"format": "json"},
        "taxonomy_term_id": {"taxonomy_term_id": term_id("LD01")},
        "taxonomy_id": {"taxonomy_id": str(term("LD01").taxonomy_id)},
        "organization_id": {"organization_id": str(kaart.org_a.id)},
        "modified_after": {"modified_after": "2026-01-01T00:00:00Z"},
        "minimal": {"minimal": "true"},
        "full": {"full": "true"},
        "full_service": {"full_service": "true"},
        "postcode": {"postcode": "3511 AB"},
        "proximity": {"postcode": "3511 AB", "proximity": "5000"},
        "top_only": {"top_only": "true"},
        "parent_id": {"parent_id": term_id("LD01")},
    }[name]


def test_the_document_has_the_paths_we_expect():
    # If Open Referral adds a path, this list (and the API) must grow with it.
    assert PATHS == [
        "/", "/organizations", "/organizations/{id}", "/service_at_locations", "/service_at_locations/{id}",
        "/services", "/services/{id}", "/taxonomies", "/taxonomies/{id}", "/taxonomy_terms", "/taxonomy_terms/{id}",
    ]
    assert len(PATH_PARAMS) == 39


@pytest.mark.parametrize("path", PATHS)
def test_every_path_answers_and_validates(path, kaart, example):
    data = get_json(_url(path, kaart, example))
    assert schema_errors(path, data) == []
    if "{id}" not in path and path != "/":
        assert data["total_items"] >= 1


@pytest.mark.parametrize(("path", "name"), PATH_PARAMS, ids=[f"{p} {n}" for p, n in PATH_PARAMS])
def test_every_parameter_is_understood_and_the_answer_validates(path, name, kaart, example):
    url = _url(path, kaart, example)
    view = resolve(f"{API}{url}").func
    assert name in view.hsds_params, f"{path} does not declare parameter {name}"
    data = get_json(url, **_sample(path, name, kaart))
    assert schema_errors(path, data) == []
    if "{id}" not in path and name not in {"top_only", "parent_id"}:
        assert data["contents"], f"{path}?{name} selected nothing; the sample value proves nothing"


@pytest.mark.parametrize("path", [p for p in PATHS if "{id}" in p])
def test_unknown_ids_are_404_in_json(path, kaart):
    for bad in ("0b6f8a52-9d8e-4d43-8f7d-5a0d8d0c9999", "geen-uuid"):
        response = get(path.replace("{id}", bad))
        assert response.status_code == 404
        assert response.json() == {"status": 404, "message": "niet gevonden"}
        assert response["Access-Control-Allow-Origin"] == "*"


def test_the_official_example_data_validates_too(example):
    data = get_json(f"/services/{EXAMPLE_SERVICE_ID}")
    assert schema_errors("/services/{id}", data) == []
    assert data["attributes"][0]["taxonomy_term"]["taxonomy_detail"]["name"] == "name"
    # The example's parent organisation lives elsewhere: kept and published as is.
    assert data["organization"]["parent_organization_id"] == "cd09a387-91f4-4555-94ec-e799c35344cd"


def test_every_endpoint_of_the_api_reference_required_or_optional_is_served(kaart, example):
    import re

    text = (schemas.HSDS_DIR / "api_reference.md").read_text(encoding="utf-8")
    named = re.findall(r"### The `([^`]+)` endpoint\s+This endpoint is (REQUIRED|OPTIONAL)", text)
    assert len(named) == 11
    assert {path for path, _level in named} == set(PATHS)
    for path, _level in named:
        assert get(_url(path, kaart, example)).status_code == 200, path
