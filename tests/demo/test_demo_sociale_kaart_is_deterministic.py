# SPDX-License-Identifier: EUPL-1.2
"""The kaart is the same every run: same ids (uuid5 of catalogue keys), names, texts, times and dates.
Another seed keeps every id but words and places things differently."""

from __future__ import annotations

from typing import Any

import pytest

from wijkteam.demo.generator import generate
from wijkteam.sociale_kaart.models import (
    Address,
    Attribute,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
)
from wijkteam.sociale_kaart.models.werk import DuplicateCandidate, VerificationTask

SEED, SCALE = 42, 20


def snapshot() -> dict[str, list[Any]]:
    return {
        "organizations": list(Organization.objects.order_by("id").values_list(
            "id", "name", "email", "website", "organisatie__naam")),
        "services": list(Service.objects.order_by("id").values_list(
            "id", "organization_id", "name", "description", "assured_date", "status", "fees_description",
            "search_document")),
        "locations": list(Location.objects.order_by("id").values_list(
            "id", "name", "latitude", "longitude", "buurt__code")),
        "addresses": list(Address.objects.order_by("id").values_list("id", "address_1", "postal_code")),
        "schedules": list(Schedule.objects.order_by("id").values_list(
            "id", "freq", "interval", "byday", "bymonthday", "dtstart", "count", "opens_at", "closes_at",
            "description")),
        "attributes": list(Attribute.objects.order_by("id").values_list("id", "link_id", "taxonomy_term__code")),
        "phones": list(Phone.objects.order_by("id").values_list("id", "number")),
        "costs": list(CostOption.objects.order_by("id").values_list("id", "amount", "option")),
        "languages": list(Language.objects.order_by("id").values_list("id", "code")),
        "tasks": sorted(VerificationTask.objects.values_list("service_id", "checked_on", "due_on")),
        "duplicates": sorted(DuplicateCandidate.objects.values_list("service_a_id", "service_b_id", "score")),
    }


def ids(snap: dict[str, list[Any]]) -> dict[str, list[Any]]:
    return {kind: [row[0] for row in rows] for kind, rows in snap.items() if kind not in {"tasks", "duplicates"}}


@pytest.mark.django_db
def test_same_seed_gives_the_same_kaart_after_reset() -> None:
    generate(seed=SEED, scale=SCALE)
    first = snapshot()

    generate(seed=SEED, scale=SCALE, reset_first=True)

    assert snapshot() == first
    assert len(first["services"]) > 250 and first["tasks"] and first["duplicates"]


@pytest.mark.django_db
def test_another_seed_keeps_the_ids_and_varies_the_rest() -> None:
    generate(seed=SEED, scale=SCALE)
    first = snapshot()

    generate(seed=SEED + 1, scale=SCALE, reset_first=True)
    second = snapshot()

    assert ids(second)["organizations"] == ids(first)["organizations"]
    assert ids(second)["services"] == ids(first)["services"]
    assert ids(second)["locations"] == ids(first)["locations"]
    assert second["services"] != first["services"]
    assert second["locations"] != first["locations"]
    assert second["schedules"] != first["schedules"]
