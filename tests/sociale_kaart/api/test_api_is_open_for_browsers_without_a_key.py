# SPDX-License-Identifier: EUPL-1.2
"""The API needs no key or login, and any web page may call it: `Access-Control-Allow-Origin: *` on
every answer, a CORS preflight (OPTIONS) answered, and writing refused."""

from __future__ import annotations

import pytest
from django.test import Client

from .conftest import API

pytestmark = pytest.mark.django_db

PATHS = ["/", "/openapi.json", "/services", "/organizations", "/service_at_locations", "/taxonomies",
         "/taxonomy_terms"]


@pytest.mark.parametrize("path", PATHS)
def test_get_without_login_has_the_cors_header(kaart, path):
    response = Client().get(f"{API}{path}", HTTP_ORIGIN="https://andere-gemeente.test")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    # No session is started for an API call.
    assert "sessionid" not in response.cookies


@pytest.mark.parametrize("path", PATHS)
def test_preflight_is_answered(kaart, path):
    response = Client().options(
        f"{API}{path}",
        HTTP_ORIGIN="https://andere-gemeente.test",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept, x-requested-with",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert response["Access-Control-Allow-Headers"] == "accept, x-requested-with"


def test_detail_endpoints_have_the_header_too(kaart):
    response = Client().get(f"{API}/services/{kaart.geld.id}")
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_writing_is_refused(kaart, method):
    response = getattr(Client(), method)(f"{API}/services", data="{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_head_works(kaart):
    response = Client().head(f"{API}/services")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
