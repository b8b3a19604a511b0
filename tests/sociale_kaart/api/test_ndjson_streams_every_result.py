# SPDX-License-Identifier: EUPL-1.2
"""`format=ndjson`: every result, one JSON object per line, no envelope; each line is an item as the
list's schema describes it. (Above WIJKTEAM_API_NDJSON_MAX_ITEMS results it pages: see
test_ndjson_is_bounded_per_answer.py.)"""

from __future__ import annotations

import json

import pytest

from wijkteam.sociale_kaart.models import Service

from .conftest import get, item_errors

pytestmark = pytest.mark.django_db

ITEM_SCHEMA = {
    "/services": "compiled/service_list.json",
    "/organizations": "compiled/organization_list.json",
    "/service_at_locations": "compiled/service_at_location_list.json",
    "/taxonomies": "taxonomy.json",
    "/taxonomy_terms": "taxonomy_term.json",
}


def _lines(path, **params):
    response = get(path, format="ndjson", **params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = b"".join(response.streaming_content).decode()
    assert body.endswith("\n")
    return [json.loads(line) for line in body.splitlines()]


@pytest.mark.parametrize("path", sorted(ITEM_SCHEMA))
def test_each_line_is_one_valid_item(kaart, path):
    items = _lines(path)
    assert items
    for item in items:
        assert "contents" not in item and "total_items" not in item
        assert item_errors(ITEM_SCHEMA[path], item) == []


def test_all_results_in_one_answer_under_the_cap(kaart):
    Service.objects.bulk_create(
        [Service(organization=kaart.org_a, name=f"Extra {n:03d}", assured_date=kaart.geld.assured_date)
         for n in range(120)]
    )
    items = _lines("/services")
    assert len(items) == 124
    assert [item["name"] for item in items][:2] == ["Extra 000", "Extra 001"]


def test_full_and_minimal_lines(kaart):
    for item in _lines("/services", full="true"):
        assert item_errors("compiled/service.json", item) == []
        assert "service_at_locations" in item
    minimal = _lines("/services", minimal="true")
    assert {tuple(sorted(item)) for item in minimal} == {("id", "last_modified", "name", "status")}


def test_filters_apply_to_ndjson_too(kaart):
    assert [item["name"] for item in _lines("/services", organization_id=str(kaart.org_b.id))] == [
        "Klussendienst", "Online geldcoach",
    ]
