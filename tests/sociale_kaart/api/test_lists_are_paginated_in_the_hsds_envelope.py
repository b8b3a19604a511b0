# SPDX-License-Identifier: EUPL-1.2
"""Lists answer in the HSDS `Page` envelope: total_items, total_pages, page_number, size,
first_page, last_page, empty and contents; pages count from 1."""

from __future__ import annotations

import pytest

from wijkteam.sociale_kaart.api.filters import MAX_PER_PAGE
from wijkteam.sociale_kaart.models import Service

from .conftest import get, get_json, ids, schema_errors

pytestmark = pytest.mark.django_db

ENVELOPE = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"]
# Public in the kaart fixture: geld, taal, klus, online (not the inactive and the stale one).
PUBLIC = ["Inloop geldzaken", "Klussendienst", "Online geldcoach", "Taalcafé"]


def _names(page):
    return [item["name"] for item in page["contents"]]


def test_envelope_fields_and_order(kaart):
    page = get_json("/services", per_page=3)
    assert list(page) == ENVELOPE
    assert (page["total_items"], page["total_pages"], page["page_number"], page["size"]) == (4, 2, 1, 3)
    assert (page["first_page"], page["last_page"], page["empty"]) == (True, False, False)
    assert _names(page) == PUBLIC[:3]
    assert schema_errors("/services", page) == []


def test_second_page_is_the_last(kaart):
    page = get_json("/services", per_page=3, page=2)
    assert (page["page_number"], page["size"], page["first_page"], page["last_page"], page["empty"]) == (
        2, 1, False, True, False,
    )
    assert _names(page) == PUBLIC[3:]


def test_pages_do_not_overlap_and_cover_everything(kaart):
    seen = []
    for number in (1, 2, 3, 4):
        seen += ids(get_json("/services", per_page=1, page=number))
    assert len(seen) == len(set(seen)) == 4


def test_beyond_the_last_page_is_empty_not_an_error(kaart):
    page = get_json("/services", per_page=3, page=9)
    assert (page["contents"], page["size"], page["empty"], page["last_page"], page["total_items"]) == (
        [], 0, True, True, 4,
    )


def test_no_results_at_all(db):
    page = get_json("/services")
    assert page == {
        "total_items": 0, "total_pages": 0, "page_number": 1, "size": 0,
        "first_page": True, "last_page": True, "empty": True, "contents": [],
    }


def test_per_page_is_capped(kaart):
    Service.objects.bulk_create(
        [Service(organization=kaart.org_a, name=f"Extra {n:03d}", assured_date=kaart.geld.assured_date)
         for n in range(MAX_PER_PAGE + 5)]
    )
    page = get_json("/services", per_page=10_000)
    assert page["size"] == MAX_PER_PAGE
    assert page["total_items"] == MAX_PER_PAGE + 5 + 4


@pytest.mark.parametrize("params", [{"page": "0"}, {"page": "een"}, {"per_page": "-1"}, {"full": "misschien"},
                                    {"format": "xml"}])
def test_bad_paging_or_flags_are_a_400_with_a_message(kaart, params):
    response = get("/services", **params)
    assert response.status_code == 400
    assert response.json()["status"] == 400 and response.json()["message"]
    assert response["Access-Control-Allow-Origin"] == "*"
