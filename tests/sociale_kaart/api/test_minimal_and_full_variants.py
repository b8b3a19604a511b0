# SPDX-License-Identifier: EUPL-1.2
"""minimal, full and full_service change how much of each item is sent; every variant validates
against the official schemas (lists: the *_list schema the document declares AND, for full items,
the full compiled schema)."""

from __future__ import annotations

import pytest

from .conftest import get_json, item_errors, schema_errors

pytestmark = pytest.mark.django_db


def test_minimal_services_are_small_but_schema_valid(kaart):
    data = get_json("/services", minimal="true")
    assert schema_errors("/services", data) == []
    # The spec asks for id and the modification moment; name and status are required by the schema.
    assert all(sorted(item) == ["id", "last_modified", "name", "status"] for item in data["contents"])
    assert data["total_items"] == data["size"] == 4  # minimal aims at everything in one page


def test_list_items_carry_one_to_one_fields_only(kaart):
    item = next(i for i in get_json("/services")["contents"] if i["name"] == "Inloop geldzaken")
    assert item["organization"]["name"] == "Stichting Geldhulp"
    assert item["program"]["name"] == "Geldzaken op orde"
    assert "phones" not in item and "service_at_locations" not in item
    assert {a["taxonomy_term"]["code"] for a in item["attributes"]} == {"LD01", "SA01"}


def test_full_services_are_fully_nested(kaart):
    data = get_json("/services", full="true")
    assert schema_errors("/services", data) == []
    geld = next(i for i in data["contents"] if i["name"] == "Inloop geldzaken")
    assert item_errors("compiled/service.json", geld) == []
    assert geld == get_json(f"/services/{kaart.geld.id}")


def test_service_detail_has_everything(kaart):
    data = get_json(f"/services/{kaart.geld.id}")
    assert schema_errors("/services/{id}", data) == []
    assert data["phones"][0]["languages"][0]["code"] == "ar"
    assert data["contacts"][0]["phones"][0]["number"] == "06 12345678"
    sal = data["service_at_locations"][0]
    assert sal["location"]["addresses"][0]["postal_code"] == "3511 AB"
    assert sal["schedules"][0]["freq"] == "MONTHLY"
    assert data["cost_options"][0]["amount"] == 0
    assert data["service_areas"][0]["extent_type"] == "geojson"
    assert data["organization"]["organization_identifiers"][0]["identifier"] == "12345678"
    assert data["metadata"][0]["replacement_value"] == "Inloop geldzaken"
    assert data["funding"][0]["source"] == "Fonds Armoedebestrijding"
    assert data["required_documents"][0]["document"] == "Identiteitsbewijs"
    # Empty optional strings are left out, never sent as "" (which would break format: uri/email).
    assert "email" not in get_json(f"/organizations/{kaart.org_b.id}")


def test_full_service_at_locations(kaart):
    data = get_json("/service_at_locations", full="true")
    assert schema_errors("/service_at_locations", data) == []
    for item in data["contents"]:
        assert item_errors("compiled/service_at_location.json", item) == []
    detail = get_json(f"/service_at_locations/{kaart.geld.service_at_locations.get().id}")
    assert schema_errors("/service_at_locations/{id}", detail) == []
    assert detail["service"]["name"] == "Inloop geldzaken"
    assert detail["location"]["accessibility"]


@pytest.mark.parametrize("params", [{"full": "true"}, {"full_service": "true"}])
def test_full_organizations(kaart, params):
    data = get_json("/organizations", **params)
    assert schema_errors("/organizations", data) == []
    for item in data["contents"]:
        assert item_errors("compiled/organization.json", item) == []
    geldhulp = next(i for i in data["contents"] if i["name"] == "Stichting Geldhulp")
    inloop = next(s for s in geldhulp["services"] if s["name"] == "Inloop geldzaken")
    assert ("service_at_locations" in inloop) == ("full_service" in params)


def test_organization_detail_with_and_without_full_service(kaart):
    simple = get_json(f"/organizations/{kaart.org_a.id}")
    full = get_json(f"/organizations/{kaart.org_a.id}", full_service="true")
    for data in (simple, full):
        assert schema_errors("/organizations/{id}", data) == []
    assert "phones" not in simple["services"][0]
    assert "phones" in full["services"][0]
    assert simple["locations"][0]["name"] == "Buurthuis De Schakel"
