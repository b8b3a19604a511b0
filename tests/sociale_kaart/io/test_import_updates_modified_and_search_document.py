# SPDX-License-Identifier: EUPL-1.2
"""An import that changes a service, or anything nested in it, moves the service's `modified` (so API
clients asking modified_after see it) and rebuilds its search document; an import that changes
nothing moves nothing. Records missing from a later file are left alone."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from wijkteam.sociale_kaart.hsds_io.readers import read_csv_files
from wijkteam.sociale_kaart.hsds_io.services import import_raw
from wijkteam.sociale_kaart.models import Schedule, Service

from .conftest import SCHEDULE_ID, SERVICE_IDS, package_files, small_tables

pytestmark = pytest.mark.django_db

FIRST = timezone.make_aware(dt.datetime(2026, 11, 1, 9, 0))
LATER = timezone.make_aware(dt.datetime(2026, 11, 20, 9, 0))


def _import(rows):
    result = import_raw(read_csv_files(package_files(rows)))
    assert result.ok, [str(p) for p in result.errors]
    return result


def _modified():
    return dict(Service.objects.values_list("id", "modified"))


def test_changed_service_gets_new_modified_and_search_document():
    with time_machine.travel(FIRST, tick=False):
        _import(small_tables())
    rows = small_tables()
    rows["service"][1]["name"] = "Taalcafé De Brug"
    with time_machine.travel(LATER, tick=False):
        result = _import(rows)
    changed = Service.objects.get(id=SERVICE_IDS[1])
    assert changed.modified == LATER
    assert "Taalcafé De Brug" in changed.search_document
    assert result.summary["service"] == {"created": 0, "updated": 1, "unchanged": 2}
    others = Service.objects.exclude(id=SERVICE_IDS[1])
    assert {s.modified for s in others} == {FIRST}


def test_a_change_nested_in_the_service_moves_the_service_too():
    with time_machine.travel(FIRST, tick=False):
        _import(small_tables())
    rows = small_tables()
    rows["schedule"][0]["closes_at"] = "13:00"
    with time_machine.travel(LATER, tick=False):
        _import({"schedule": rows["schedule"]})
    assert Schedule.objects.get(id=SCHEDULE_ID).closes_at == dt.time(13, 0)
    modified = _modified()
    assert modified.pop(Service.objects.get(id=SERVICE_IDS[0]).id) == LATER
    assert set(modified.values()) == {FIRST}


def test_the_same_file_twice_changes_nothing():
    with time_machine.travel(FIRST, tick=False):
        _import(small_tables())
    before = _modified()
    with time_machine.travel(LATER, tick=False):
        result = _import(small_tables())
    assert _modified() == before
    assert all(counts["created"] == counts["updated"] == 0 for counts in result.summary.values())


def test_records_missing_from_a_later_file_stay():
    _import(small_tables())
    rows = copy.deepcopy(small_tables())
    rows["service"] = rows["service"][:1]
    _import({"organization": rows["organization"], "service": rows["service"]})
    assert Service.objects.count() == 3


def test_a_missing_column_leaves_that_field_alone():
    _import(small_tables())
    files = package_files({"service": small_tables()["service"]})
    header, *lines = files["services.csv"].decode().splitlines()
    columns = header.split(",")
    keep = [columns.index(c) for c in ("id", "organization_id", "name", "status")]
    trimmed = [",".join(line.split(",")[i] for i in keep) for line in [header, *lines]]
    result = import_raw(read_csv_files({"services.csv": "\r\n".join(trimmed).encode()}))
    assert result.ok
    assert Service.objects.get(id=SERVICE_IDS[0]).description == "Hulp in de buurt."


def test_a_changed_location_moves_the_services_offered_there():
    with time_machine.travel(FIRST, tick=False):
        _import(small_tables())
    rows = small_tables()
    rows["location"][0]["name"] = "Buurthuis De Schakel (verbouwd)"
    with time_machine.travel(LATER, tick=False):
        _import({"location": rows["location"]})
    modified = _modified()
    assert modified.pop(Service.objects.get(id=SERVICE_IDS[0]).id) == LATER  # offered at that location
    assert set(modified.values()) == {FIRST}
