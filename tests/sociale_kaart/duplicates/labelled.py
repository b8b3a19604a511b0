# SPDX-License-Identifier: EUPL-1.2
"""The labelled records (labelled_records.json) on the kaart, and how well the duplicate scan
finds their pairs: shared by the test and bench/bench_duplicates_precision.py."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.factories_sociale_kaart import LocationFactory, OrganizationFactory, ServiceAtLocationFactory, ServiceFactory
from wijkteam.sociale_kaart.duplicates import scan_for_duplicates
from wijkteam.sociale_kaart.models import Organization, Phone, Service
from wijkteam.sociale_kaart.models.werk import DuplicateCandidate

RECORDS = Path(__file__).resolve().parent / "labelled_records.json"


def records() -> list[dict[str, str]]:
    result: list[dict[str, str]] = json.loads(RECORDS.read_text(encoding="utf-8"))["records"]
    return result


def true_pairs(rows: list[dict[str, str]]) -> set[frozenset[str]]:
    return {
        frozenset((a["key"], b["key"]))
        for a, b in itertools.combinations(rows, 2)
        if a["same"] == b["same"]
    }


def load(rows: list[dict[str, str]]) -> dict[Any, str]:
    """Put the records on the kaart as a partner or an import would; service id -> record key.
    Records naming the same organisation share its row, as on a real kaart."""
    organisations: dict[str, Organization] = {}
    keys: dict[Any, str] = {}
    for row in rows:
        organisation = organisations.get(row["organisation"])
        if organisation is None:
            organisation = organisations[row["organisation"]] = OrganizationFactory(
                name=row["organisation"], email="", website=""
            )
        service: Service = ServiceFactory(
            organization=organisation, name=row["name"], email=row["email"], url=row["url"]
        )
        if row["address"]:
            location = LocationFactory(
                organization=organisation, address__address_1=row["address"], address__postal_code=row["postcode"]
            )
            ServiceAtLocationFactory(service=service, location=location)
        if row["phone"]:
            Phone.objects.create(service=service, number=row["phone"])
        keys[service.pk] = row["key"]
    return keys


@dataclass(frozen=True)
class Outcome:
    found: set[frozenset[str]]
    truth: set[frozenset[str]]

    @property
    def precision(self) -> float:
        return len(self.found & self.truth) / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        """Share of the true pairs the worklist connects: directly, or through a third record
        ("Huurteam" and "Het Huurteam Voorbeeld" share nothing, but each pairs with "Huurteam
        Voorbeeld": merging both pairs joins all three)."""
        connected = _connected_pairs(self.found)
        return len(connected & self.truth) / len(self.truth) if self.truth else 1.0

    def wrong(self) -> list[tuple[str, str]]:
        return sorted(tuple(sorted(pair)) for pair in self.found - self.truth)  # type: ignore[misc]

    def missed(self) -> list[tuple[str, str]]:
        return sorted(tuple(sorted(pair)) for pair in self.truth - _connected_pairs(self.found))  # type: ignore[misc]


def _connected_pairs(pairs: set[frozenset[str]]) -> set[frozenset[str]]:
    groups: list[set[str]] = []
    for pair in pairs:
        touching = [g for g in groups if g & pair]
        merged = set(pair).union(*touching)
        groups = [g for g in groups if not g & pair] + [merged]
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(g), 2)}


def scan_and_measure(rows: list[dict[str, str]]) -> Outcome:
    """Load the records, run the scan the importer runs, and compare its pairs with the labels."""
    keys = load(rows)
    scan_for_duplicates()
    found = {
        frozenset((keys[a], keys[b]))
        for a, b in DuplicateCandidate.objects.values_list("service_a_id", "service_b_id")
    }
    return Outcome(found=found, truth=true_pairs(rows))
