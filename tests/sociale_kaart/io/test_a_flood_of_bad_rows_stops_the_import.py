# SPDX-License-Identifier: EUPL-1.2
"""Bad rows count toward WIJKTEAM_IMPORT_MAX_ROWS like good ones, and past MAX_PROBLEMS problems the
import stops: a 2 KB zip of rows with one value too many must not fill the worker's memory with
500,000 messages. Either way the import ends refused with one Dutch line, and nothing is written."""

from __future__ import annotations

import json

import pytest

from wijkteam.sociale_kaart.hsds_io import readers
from wijkteam.sociale_kaart.hsds_io.services import import_bytes
from wijkteam.sociale_kaart.models import Organization

from .conftest import ORG_ID, package_files, small_tables, zip_of

pytestmark = pytest.mark.django_db


def _rows_with_a_value_too_many(count: int) -> bytes:
    return ("id\r\n" + "a,b\r\n" * count).encode()


def test_rejected_csv_rows_count_toward_the_row_limit(settings):
    settings.WIJKTEAM_IMPORT_MAX_ROWS = 100
    result = import_bytes(zip_of({"services.csv": _rows_with_a_value_too_many(5000)}), "kaart.zip")
    assert [str(p) for p in result.problems] == [
        "kaart.zip: services.csv heeft meer dan 100 rijen; de import is gestopt en er is niets veranderd. "
        "Splits het bestand in delen of laat de grens verhogen (WIJKTEAM_IMPORT_MAX_ROWS)."
    ]


def test_past_the_problem_cap_the_csv_import_stops(settings, monkeypatch):
    monkeypatch.setattr(readers, "MAX_PROBLEMS", 50)
    files = package_files({"organization": small_tables()["organization"]})
    files["services.csv"] = _rows_with_a_value_too_many(5000)
    result = import_bytes(zip_of(files), "kaart.zip")
    assert [str(p) for p in result.problems] == [
        "kaart.zip: services.csv bevat te veel fouten (meer dan 50); de import is gestopt en er is niets "
        "veranderd. Verbeter het bestand en probeer het opnieuw."
    ]
    assert not Organization.objects.filter(id=ORG_ID).exists()


def test_the_cap_is_said_with_a_dutch_thousands_separator():
    raw = readers.RawData()
    with pytest.raises(readers.TooBig) as refused:
        for n in range(readers.MAX_PROBLEMS + 1):
            raw.report(readers.Problem(f"services.csv, rij {n}", "", "fout"), "services.csv")
    assert len(raw.problems) == readers.MAX_PROBLEMS == 1000
    assert "services.csv bevat te veel fouten (meer dan 1.000)" in refused.value.message


def test_json_items_that_are_no_objects_count_toward_the_row_limit(settings):
    settings.WIJKTEAM_IMPORT_MAX_ROWS = 100
    result = import_bytes(json.dumps(list(range(5000))).encode(), "aanbod.json")
    assert [str(p) for p in result.problems] == [
        "aanbod.json: het bestand heeft meer dan 100 rijen; de import is gestopt en er is niets veranderd. "
        "Splits het bestand in delen of laat de grens verhogen (WIJKTEAM_IMPORT_MAX_ROWS)."
    ]


def test_past_the_problem_cap_the_json_import_stops(monkeypatch):
    monkeypatch.setattr(readers, "MAX_PROBLEMS", 50)
    document = [{"id": ORG_ID, "name": "Stichting Buurtwerk", "description": "x"}, *range(5000)]
    result = import_bytes(json.dumps(document).encode(), "aanbod.json")
    assert [str(p) for p in result.problems] == [
        "aanbod.json: het bestand bevat te veel fouten (meer dan 50); de import is gestopt en er is niets "
        "veranderd. Verbeter het bestand en probeer het opnieuw."
    ]
    assert not Organization.objects.filter(id=ORG_ID).exists()


def test_nested_items_that_are_no_objects_count_too(settings):
    settings.WIJKTEAM_IMPORT_MAX_ROWS = 100
    document = [{"id": ORG_ID, "name": "Stichting Buurtwerk", "description": "x", "phones": list(range(5000))}]
    result = import_bytes(json.dumps(document).encode(), "aanbod.json")
    assert len(result.problems) == 1
    assert "heeft meer dan 100 rijen" in str(result.problems[0])


def test_past_the_check_cap_the_checking_stops(monkeypatch):
    # Rows that read fine but each hold a bad value: the checking step stops at its own cap, with one line
    # saying so, instead of collecting rows x columns messages.
    from wijkteam.sociale_kaart.hsds_io import validation

    monkeypatch.setattr(validation, "MAX_CHECK_PROBLEMS", 20)
    rows = "".join(f"nee-{n},Dienst {n}\r\n" for n in range(200))
    result = import_bytes(zip_of({"services.csv": f"id,name\r\n{rows}".encode()}), "kaart.zip")
    texts = [str(p) for p in result.problems]
    assert len(texts) <= 22
    assert any("Meer dan 20 fouten: het controleren is gestopt en er is niets veranderd." in t for t in texts)
