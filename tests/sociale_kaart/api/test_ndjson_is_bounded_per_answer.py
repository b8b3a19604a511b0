# SPDX-License-Identifier: EUPL-1.2
"""An anonymous `format=ndjson` answer is bounded (issue 15): at most WIJKTEAM_API_NDJSON_MAX_ITEMS
lines, the total in `X-Total-Count` and the next page in a `Link` header (a client follows it to get
the rest), and a stream that runs past WIJKTEAM_API_NDJSON_SECONDS is broken off, never silently
shortened."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from wijkteam.sociale_kaart.api.views import NdjsonTimeBudgetExceeded
from wijkteam.sociale_kaart.models import Service

from .conftest import get

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(kaart):
    Service.objects.bulk_create(
        [Service(organization=kaart.org_a, name=f"Extra {n:03d}", assured_date=kaart.geld.assured_date)
         for n in range(250)]
    )
    return Service.objects.filter(name__startswith="Extra").count() + 4


def _names(response) -> list[str]:
    return [json.loads(line)["name"] for line in b"".join(response.streaming_content).decode().splitlines()]


def _next(response) -> dict[str, list[str]] | None:
    link = response.get("Link", "")
    for part in link.split(","):
        if 'rel="next"' in part:
            return parse_qs(urlsplit(part.split(";")[0].strip(" <>")).query)
    return None


def test_a_large_list_comes_in_capped_pages_with_a_next_link(many, settings):
    settings.WIJKTEAM_API_NDJSON_MAX_ITEMS = 100
    names: list[str] = []
    params = {"format": "ndjson"}
    pages = 0
    while True:
        response = get("/services", **params)
        assert response.status_code == 200
        assert response["X-Total-Count"] == str(many)
        page = _names(response)
        assert len(page) <= 100
        names += page
        pages += 1
        following = _next(response)
        if following is None:
            break
        params = {key: values[0] for key, values in following.items()}
        assert params["format"] == "ndjson"
    assert pages == 3
    assert len(names) == len(set(names)) == many
    assert names[:2] == ["Extra 000", "Extra 001"]


def test_per_page_above_the_cap_is_cut_to_the_cap(many, settings):
    settings.WIJKTEAM_API_NDJSON_MAX_ITEMS = 100
    response = get("/services", format="ndjson", per_page="100000000", page="2")
    assert len(_names(response)) == 100
    assert 'rel="prev"' in response["Link"] and 'rel="next"' in response["Link"]


def test_under_the_cap_everything_comes_in_one_answer(many):
    response = get("/services", format="ndjson")
    assert len(_names(response)) == many
    assert "Link" not in response


def test_a_stream_past_its_time_budget_is_broken_off(many, settings):
    settings.WIJKTEAM_API_NDJSON_SECONDS = 0
    response = get("/services", format="ndjson")
    assert response.status_code == 200
    lines = 0
    with pytest.raises(NdjsonTimeBudgetExceeded):
        for chunk in response.streaming_content:
            lines += chunk.count(b"\n")
    # The first block always goes out; the stream stops before the next one.
    assert lines == 100


def test_the_served_openapi_document_says_so(db, settings):
    settings.WIJKTEAM_API_NDJSON_MAX_ITEMS = 1234
    description = json.loads(get("/openapi.json").content)["info"]["description"]
    assert "`format=ndjson` streams at most 1,234 results per answer" in description
    assert 'rel="next"' in description
