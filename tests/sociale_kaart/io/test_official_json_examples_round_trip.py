# SPDX-License-Identifier: EUPL-1.2
"""HSDS JSON imports: a full service (service_full.json), a list page (service_list.json), a full
organisation (organization_full.json) and a bare list of services; what comes out again (the JSON
export, the API) contains every field of the official example with the same value."""

from __future__ import annotations

import json

import pytest

from wijkteam.sociale_kaart.hsds_io import schemas
from wijkteam.sociale_kaart.hsds_io.exporters import json_items
from wijkteam.sociale_kaart.hsds_io.readers import read_json
from wijkteam.sociale_kaart.hsds_io.services import import_bytes, import_raw
from wijkteam.sociale_kaart.models import Organization, Phone, Service

from .conftest import EXAMPLES_DIR, json_subset, load_json

pytestmark = pytest.mark.django_db

SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"


def _import(name: str) -> None:
    result = import_bytes((EXAMPLES_DIR / name).read_bytes(), name)
    assert result.errors == [], [str(p) for p in result.errors]


def test_full_service_round_trips_through_the_json_export():
    _import("service_full.json")
    exported = {item["id"]: item for item in json_items("services")}
    assert json_subset(load_json("service_full.json"), exported[SERVICE_ID]) == []
    assert list(schemas.validator("compiled/service.json").iter_errors(exported[SERVICE_ID])) == []


def test_the_same_phone_nested_in_five_places_becomes_one_row_with_all_its_parents():
    _import("service_full.json")
    phone = Phone.objects.get()
    assert phone.service_id is not None and phone.location_id is not None
    assert phone.contact_id is not None and phone.service_at_location_id is not None
    assert phone.organization_id is not None


def test_full_organization_round_trips():
    _import("organization_full.json")
    exported = {item["id"]: item for item in json_items("organizations")}
    example = load_json("organization_full.json")
    assert json_subset(example, exported[example["id"]]) == []
    assert list(schemas.validator("compiled/organization.json").iter_errors(exported[example["id"]])) == []


def test_a_list_page_and_a_bare_list_import_alike():
    page = load_json("service_list.json")
    raw = read_json(json.dumps(page).encode(), "service_list.json")
    assert [str(p) for p in raw.problems] == []
    assert import_raw(raw).ok
    assert Service.objects.filter(id=SERVICE_ID).exists()
    bare = json.dumps(page["contents"]).encode()
    again = import_bytes(bare, "services.json")
    assert again.ok
    assert all(c["created"] == 0 and c["updated"] == 0 for c in again.summary.values()), again.summary
    assert Organization.objects.count() == 1


def test_full_service_at_location_round_trips():
    _import("service_at_location_full.json")
    example = load_json("service_at_location_full.json")
    from wijkteam.sociale_kaart.api import serializers
    from wijkteam.sociale_kaart.models import ServiceAtLocation

    qs = serializers.service_at_locations_full_queryset(ServiceAtLocation.objects.filter(id=example["id"]))
    exported = serializers.service_at_locations_full(list(qs))[0]
    assert json_subset(example, exported) == []
    assert list(schemas.validator("compiled/service_at_location.json").iter_errors(exported)) == []
