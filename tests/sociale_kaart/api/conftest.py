# SPDX-License-Identifier: EUPL-1.2
"""A small kaart for the HSDS API tests, plus helpers to call the API and validate its answers
against the official schemas (offline: the vendored files, through a `referencing` registry)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from tests.factories_sociale_kaart import (
    AccessibilityFactory,
    CostOptionFactory,
    LocationFactory,
    OrganizationFactory,
    ProgramFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    term,
)
from wijkteam.gebieden.models import Postcode
from wijkteam.sociale_kaart.hsds_io import schemas
from wijkteam.sociale_kaart.hsds_io.readers import read_csv_files
from wijkteam.sociale_kaart.hsds_io.services import import_bytes, import_raw
from wijkteam.sociale_kaart.models import (
    Contact,
    Funding,
    Language,
    Location,
    Metadata,
    Organization,
    OrganizationIdentifier,
    Phone,
    RequiredDocument,
    Service,
    ServiceArea,
)
from wijkteam.sociale_kaart.search import reindex_all

API = "/api/hsds"
EXAMPLE_SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"
# A rectangle of roughly 3 by 3 km around Buurthuis De Schakel, as GeoJSON ([longitude, latitude]).
CENTRUM_AREA = json.dumps({
    "type": "Polygon",
    "coordinates": [[[5.10, 52.08], [5.14, 52.08], [5.14, 52.11], [5.10, 52.11], [5.10, 52.08]]],
})


@dataclass
class Kaart:
    geld: Service
    taal: Service
    klus: Service
    online: Service
    inactive: Service
    stale: Service
    org_a: Organization
    org_b: Organization
    centrum: Location
    noord: Location
    ver: Location


@pytest.fixture
def kaart(frozen_time: Any, place: Any) -> Kaart:
    org_a = OrganizationFactory(name="Stichting Geldhulp", website="https://geldhulp.test")
    org_b = OrganizationFactory(name="Buurtteam Noord", email="")
    OrganizationIdentifier.objects.create(organization=org_a, identifier_scheme="NL-KVK",
                                          identifier_type="KvK-nummer", identifier="12345678")
    Funding.objects.create(organization=org_a, source="Gemeente Voorbeeld")
    Phone.objects.create(organization=org_a, number="030 100 00 00", type="voice")
    program = ProgramFactory(organization=org_a, name="Geldzaken op orde")

    centrum = LocationFactory(organization=org_a, name="Buurthuis De Schakel", latitude=52.0907, longitude=5.1214,
                              address__postal_code="3511 AB", address__address_1="Havenstraat 12")
    noord = LocationFactory(organization=org_b, name="Wijkcentrum Noord", latitude=52.1200, longitude=5.1300,
                            address__postal_code="3561 AA", address__address_1="Molenweg 3")
    ver = LocationFactory(organization=org_b, name="Dorpshuis", latitude=52.30, longitude=5.50,
                          address__postal_code="3800 AA", address__address_1="Dorpsstraat 1")
    virtual = LocationFactory(organization=org_b, virtual=True, name="Online")
    AccessibilityFactory(location=centrum)

    geld = ServiceFactory(organization=org_a, program=program, name="Inloop geldzaken", terms=["LD01", "SA01"],
                          url="https://geldhulp.test/inloop", email="inloop@geldhulp.test", minimum_age=18)
    taal = ServiceFactory(organization=org_a, name="Taalcafé", description="Nederlands oefenen met buren.",
                          terms=["LD05"])
    klus = ServiceFactory(organization=org_b, name="Klussendienst", description="Kleine klussen in en om het huis.",
                          terms=["LD01"])
    online = ServiceFactory(organization=org_b, name="Online geldcoach", terms=["LD01"])
    inactive = ServiceFactory(organization=org_a, name="Oude geldwinkel", inactive=True, terms=["LD01"])
    stale = ServiceFactory(organization=org_a, name="Verouderde schuldhulp", stale=True, terms=["LD01"])

    sal_geld = ServiceAtLocationFactory(service=geld, location=centrum, description="Elke woensdag")
    ServiceAtLocationFactory(service=taal, location=noord)
    ServiceAtLocationFactory(service=klus, location=ver)
    ServiceAtLocationFactory(service=online, location=virtual)
    ServiceAtLocationFactory(service=inactive, location=centrum)
    ServiceAtLocationFactory(service=stale, location=centrum)

    ScheduleFactory(service=geld)
    ScheduleFactory(service_at_location=sal_geld, service=None, monthly=True)
    CostOptionFactory(service=geld, amount=Decimal(0), option="Gratis")
    phone = Phone.objects.create(service=geld, number="030 123 45 67", type="voice")
    Language.objects.create(phone=phone, code="ar", name="Arabisch")
    Language.objects.create(service=geld, code="nl", name="Nederlands")
    contact = Contact.objects.create(service=geld, name="Fatima", title="Coördinator", email="fatima@geldhulp.test")
    Phone.objects.create(contact=contact, number="06 12345678", type="cell")
    Funding.objects.create(service=geld, source="Fonds Armoedebestrijding")
    RequiredDocument.objects.create(service=geld, document="Identiteitsbewijs")
    ServiceArea.objects.create(service=geld, name="Centrum", extent=CENTRUM_AREA, extent_type="geojson")
    Metadata.objects.create(resource_id=geld.id, resource_type="service", last_action_date=dt.date(2026, 10, 1),
                            last_action_type="update", field_name="name", previous_value="Inloop",
                            replacement_value="Inloop geldzaken", updated_by="beheerder")
    # Postcode 3512 CD, between the centre and Noord, in the public postcode table (geocoding never
    # places a postcode from residents' addresses).
    Postcode.objects.create(pc6="3512 CD", latitude=52.1000, longitude=5.1250, buurt=place.buurt_a)
    # The locations' own postcodes, each at its location.
    Postcode.objects.create(pc6="3511 AB", latitude=52.0907, longitude=5.1214)
    Postcode.objects.create(pc6="3561 AA", latitude=52.1200, longitude=5.1300)
    Postcode.objects.create(pc6="3800 AA", latitude=52.30, longitude=5.50)
    reindex_all()  # `search` goes through the kaart's search engine and its index
    return Kaart(geld, taal, klus, online, inactive, stale, org_a, org_b, centrum, noord, ver)


@pytest.fixture
def example(db: None, frozen_time: Any) -> Service:
    """The official HSDS examples (CSV package, full service and organisation JSON), imported and
    marked as checked recently (the example's 2005 check would make it stale)."""
    from tests.sociale_kaart.io.conftest import EXAMPLES_DIR, example_files

    result = import_raw(read_csv_files(example_files()))
    assert result.ok
    for name in ("service_full.json", "organization_full.json"):
        assert import_bytes((EXAMPLES_DIR / name).read_bytes(), name).ok
    Service.objects.filter(id=EXAMPLE_SERVICE_ID).update(assured_date=dt.date(2026, 11, 1))
    reindex_all()
    return Service.objects.get(id=EXAMPLE_SERVICE_ID)


def get(path: str, **params: Any) -> Any:
    """GET the API anonymously (no key); returns the response, JSON already checked for lists."""
    return Client().get(f"{API}{path}", params)


def get_json(path: str, **params: Any) -> Any:
    response = get(path, **params)
    assert response.status_code == 200, (path, params, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def schema_errors(openapi_path: str, data: Any) -> list[str]:
    """Errors of `data` against the response schema the official OpenAPI document gives the path."""
    validator = schemas.openapi_response_validator(openapi_path)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"[:300] for e in validator.iter_errors(data)]


def item_errors(ref: str, data: Any) -> list[str]:
    """Errors against one schema file, e.g. "compiled/service_list.json"."""
    validator = schemas.validator(ref)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"[:300] for e in validator.iter_errors(data)]


def ids(page: dict[str, Any]) -> list[str]:
    return [item["id"] for item in page["contents"]]


def term_id(code: str) -> str:
    return str(term(code).id)
