# SPDX-License-Identifier: EUPL-1.2
"""A page of 50 fully nested services takes a fixed number of queries, the same as a page of 5:
prefetching, not one query per service or per nested object."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories_sociale_kaart import (
    CostOptionFactory,
    LocationFactory,
    OrganizationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from wijkteam.sociale_kaart.models import Contact, Funding, Language, Metadata, Phone

from .conftest import get_json, schema_errors

pytestmark = pytest.mark.django_db

# Measured: 43 for a page of full services (one query per nested relation, plus count, ids,
# attributes, metadata and references). The bound leaves a little room, not a per-row allowance.
FULL_PAGE_MAX_QUERIES = 45


def _rich_services(count: int) -> None:
    for n in range(count):
        org = OrganizationFactory()
        Phone.objects.create(organization=org, number=f"030 000 {n:04d}")
        Funding.objects.create(organization=org, source="Gemeente")
        service = ServiceFactory(organization=org, terms=["LD01", "DG04"])
        location = LocationFactory(organization=org, wheelchair=True)
        sal = ServiceAtLocationFactory(service=service, location=location)
        ScheduleFactory(service=service)
        ScheduleFactory(service_at_location=sal, service=None)
        ScheduleFactory(location=location, service=None)
        CostOptionFactory(service=service, amount=Decimal("1.50"))
        phone = Phone.objects.create(service=service, number="030 123 45 67")
        Language.objects.create(phone=phone, code="nl", name="Nederlands")
        contact = Contact.objects.create(service=service, name="Balie", email=f"balie{n}@voorbeeld.test")
        Phone.objects.create(contact=contact, number="030 765 43 21")
        Phone.objects.create(location=location, number="030 111 11 11")
        Metadata.objects.create(resource_id=service.id, resource_type="service", last_action_date="2026-11-01",
                                last_action_type="create", field_name="name", previous_value="",
                                replacement_value=service.name, updated_by="import")


def _queries(**params) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as ctx:
        data = get_json("/services", **params)
    return len(ctx.captured_queries), data


@pytest.mark.parametrize("params", [{"full": "true"}, {}, {"minimal": "true"}], ids=["full", "list", "minimal"])
def test_queries_do_not_grow_with_the_page(frozen_time, params):
    _rich_services(5)
    small, _ = _queries(per_page=5, **params)
    _rich_services(45)
    large, data = _queries(per_page=50, **params)
    assert data["size"] == 50
    assert schema_errors("/services", data) == []
    assert large == small


def test_a_page_of_50_full_services_stays_under_the_bound(frozen_time, django_assert_max_num_queries):
    _rich_services(50)
    with django_assert_max_num_queries(FULL_PAGE_MAX_QUERIES):
        data = get_json("/services", full="true", per_page=50)
    assert data["size"] == 50
    first = data["contents"][0]
    assert first["service_at_locations"][0]["location"]["accessibility"]
    assert first["contacts"][0]["phones"]
    assert first["attributes"] and first["metadata"]


@pytest.mark.parametrize(
    ("path", "params", "bound"),
    [
        # Measured: 42, 5, 43, 21 and 5.
        ("/service_at_locations", {"full": "true"}, 45),
        ("/service_at_locations", {}, 6),
        ("/organizations", {"full_service": "true"}, 46),
        ("/organizations", {"full": "true"}, 24),
        ("/organizations", {}, 6),
    ],
)
def test_other_lists_are_bounded_too(frozen_time, django_assert_max_num_queries, path, params, bound):
    _rich_services(50)
    with django_assert_max_num_queries(bound):
        data = get_json(path, per_page=50, **params)
    assert data["size"] == 50
    assert schema_errors(path, data) == []
