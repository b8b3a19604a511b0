# SPDX-License-Identifier: EUPL-1.2
"""Query parameters are cumulative (boolean AND), as the HSDS API reference requires."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from wijkteam.sociale_kaart.models import Location, Service, ServiceAtLocation

from .conftest import get, get_json, ids, schema_errors, term_id

pytestmark = pytest.mark.django_db


def _names(path, **params):
    data = get_json(path, **params)
    assert schema_errors(path, data) == []
    if path == "/service_at_locations":
        return sorted(item["service"]["name"] for item in data["contents"])
    return sorted(item["name"] for item in data["contents"])


@pytest.fixture
def dated(kaart):
    """geld and klus changed in November; the others earlier."""
    november = timezone.make_aware(dt.datetime(2026, 11, 10, 12, 0))
    october = timezone.make_aware(dt.datetime(2026, 10, 1, 12, 0))
    for model in (Service, ServiceAtLocation, Location):
        model.objects.update(modified=october)
    Service.objects.filter(id__in=[kaart.geld.id, kaart.klus.id]).update(modified=november)
    return kaart


@pytest.mark.parametrize("path", ["/services", "/service_at_locations"])
def test_each_filter_alone(dated, path):
    kaart = dated
    ld01 = term_id("LD01")
    assert _names(path, taxonomy_term_id=ld01) == ["Inloop geldzaken", "Klussendienst", "Online geldcoach"]
    assert _names(path, organization_id=str(kaart.org_a.id)) == ["Inloop geldzaken", "Taalcafé"]
    assert _names(path, modified_after="2026-11-01") == ["Inloop geldzaken", "Klussendienst"]


@pytest.mark.parametrize("path", ["/services", "/service_at_locations"])
def test_taxonomy_term_and_organization_and_modified_after_together(dated, path):
    kaart = dated
    assert _names(path, taxonomy_term_id=term_id("LD01"), organization_id=str(kaart.org_b.id)) == [
        "Klussendienst", "Online geldcoach",
    ]
    assert _names(
        path, taxonomy_term_id=term_id("LD01"), organization_id=str(kaart.org_b.id),
        modified_after="2026-11-01T00:00:00Z",
    ) == ["Klussendienst"]
    assert _names(
        path, taxonomy_term_id=term_id("LD05"), organization_id=str(kaart.org_b.id), modified_after="2026-11-01"
    ) == []


def test_taxonomy_id_and_search_narrow_further(dated):
    levensdomeinen = str(dated.geld.terms().get(code="LD01").taxonomy_id)
    assert _names("/services", taxonomy_id=levensdomeinen) == [
        "Inloop geldzaken", "Klussendienst", "Online geldcoach", "Taalcafé",
    ]
    soort = str(dated.geld.terms().get(code="SA01").taxonomy_id)
    assert _names("/services", taxonomy_id=soort) == ["Inloop geldzaken"]
    # `search` goes through the kaart's search engine; with the other filters it is AND too.
    assert _names("/services", taxonomy_id=levensdomeinen, search="klussen") == ["Klussendienst"]
    assert _names("/services", taxonomy_id=soort, search="klussen") == []
    assert _names("/services", organization_id=str(dated.org_a.id), search="taalcafé") == ["Taalcafé"]


def test_search_results_come_most_relevant_first(dated):
    data = get_json("/services", search="geldcoach")
    assert data["contents"][0]["name"] == "Online geldcoach"
    sal = get_json("/service_at_locations", search="geldcoach")
    assert sal["contents"][0]["service"]["name"] == "Online geldcoach"


def test_codes_and_slugs_work_for_our_shipped_taxonomies(dated):
    assert _names("/services", taxonomy_term_id="LD05") == ["Taalcafé"]
    assert _names("/services", taxonomy_id="soort-aanbod") == ["Inloop geldzaken"]


def test_modified_after_takes_an_offset_even_unencoded(dated):
    # "+01:00" unencoded in a query string arrives as a space.
    assert _names("/services", modified_after="2026-11-10T12:00:00 01:00") == ["Inloop geldzaken", "Klussendienst"]
    assert _names("/services", modified_after="2026-11-10T12:00:01+01:00") == []


def test_bad_organization_id_and_date_are_400(kaart):
    assert get("/services", organization_id="stichting").status_code == 400
    assert get("/services", modified_after="gisteren").status_code == 400
    assert ids(get_json("/services", organization_id="0b6f8a52-9d8e-4d43-8f7d-5a0d8d0c9999")) == []
