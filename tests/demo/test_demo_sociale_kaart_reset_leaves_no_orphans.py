# SPDX-License-Identifier: EUPL-1.2
"""--reset removes the demo's kaart completely (also what people added to demo organisations),
before the partner organisations it points at, and leaves other kaart data alone."""

from __future__ import annotations

import io
from typing import cast

import pytest
from django.db import connection

from tests.factories_sociale_kaart import LocationFactory, ServiceAtLocationFactory, ServiceFactory, link_terms
from wijkteam.accounts.models import Organisatie
from wijkteam.demo.generator import DemoContext, generate, reset
from wijkteam.demo.sociale_kaart.steps import STEP
from wijkteam.sociale_kaart.models import HSDS_MODELS, Attribute, Organization, Service
from wijkteam.sociale_kaart.models.werk import DuplicateCandidate, VerificationTask

SEED, SCALE = 42, 20
# Rows the demo does not make: the shipped taxonomies, loaded by migration.
KEPT_TABLES = {"taxonomy", "taxonomy_term", "meta_table_description"}


def kaart_counts() -> dict[str, int]:
    return {table: model._default_manager.count() for table, model in HSDS_MODELS.items()
            if table not in KEPT_TABLES}


def index_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM sk_search_entry")
        return int(cursor.fetchone()[0])


@pytest.mark.django_db
def test_reset_removes_every_demo_row_and_keeps_other_entries() -> None:
    before = kaart_counts()
    other = cast(Service, ServiceFactory(terms=["LD01", "SA01", "DG04"]))
    ServiceAtLocationFactory(service=other)
    with_other = kaart_counts()
    generate(seed=SEED, scale=SCALE)
    # A partner added a service and a location to a demo organisation after the demo was built.
    welzijn = Organization.objects.get(name="Stichting Welzijn Voorbeeld")
    added = cast(Service, ServiceFactory(organization=welzijn))
    ServiceAtLocationFactory(service=added, location=LocationFactory(organization=welzijn))
    link_terms(added, "LD03")

    assert STEP.reset is not None
    STEP.reset(DemoContext(seed=SEED, scale=SCALE, out=io.StringIO()))

    assert kaart_counts() == with_other
    assert Service.objects.get() == other and not Service.objects.filter(pk=added.pk).exists()
    assert set(Attribute.objects.values_list("link_id", flat=True)) == {other.pk}
    assert not VerificationTask.objects.exists() and not DuplicateCandidate.objects.exists()
    assert index_rows() <= 1
    assert with_other != before
    # The partner organisations are free to go now: the staff step's reset deletes them.
    reset(DemoContext(seed=SEED, scale=SCALE, out=io.StringIO()))
    assert not Organisatie.objects.exists()


@pytest.mark.django_db
def test_generate_with_reset_rebuilds_without_leftovers() -> None:
    first = generate(seed=SEED, scale=SCALE)
    counts = kaart_counts()

    again = generate(seed=SEED, scale=SCALE, reset_first=True)
    assert kaart_counts() == counts
    assert again == first
    other_seed = generate(seed=SEED + 7, scale=SCALE, reset_first=True)

    fixed = ("organization", "service", "location", "service_at_location", "address")
    assert {t: kaart_counts()[t] for t in fixed} == {t: counts[t] for t in fixed}
    assert other_seed["kaart_aanbod"] == first["kaart_aanbod"]
    assert index_rows() == Service.objects.count()
