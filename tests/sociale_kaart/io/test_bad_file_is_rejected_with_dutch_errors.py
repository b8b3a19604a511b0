# SPDX-License-Identifier: EUPL-1.2
"""A bad file is refused as a whole: a Dutch message per row and field, and nothing is written.

Rows are numbered as a spreadsheet shows them (the header is row 1), so "services.csv, rij 4" is
the third service.
"""

from __future__ import annotations

import copy
import json

import pytest

from wijkteam.sociale_kaart.hsds_io.readers import read_csv_files
from wijkteam.sociale_kaart.hsds_io.services import import_bytes, import_raw
from wijkteam.sociale_kaart.models import HSDS_MODELS

from .conftest import ORG_ID, SERVICE_IDS, package_files, small_tables, zip_of

pytestmark = pytest.mark.django_db

UNKNOWN = "0b6f8a52-9d8e-4d43-8f7d-5a0d8d0c9999"


def _counts() -> dict[str, int]:
    return {name: model.objects.count() for name, model in HSDS_MODELS.items()}


def _errors_for(change: dict[str, dict[int, dict[str, str]]]) -> list[str]:
    """Import the small package with `change` = {table: {row index: {field: value}}} applied."""
    rows = copy.deepcopy(small_tables())
    for table_name, by_index in change.items():
        for index, values in by_index.items():
            rows[table_name][index].update(values)
    before = _counts()
    result = import_raw(read_csv_files(package_files(rows)))
    assert _counts() == before, "a rejected import must write nothing"
    return [str(p) for p in result.errors]


def test_the_small_package_itself_is_fine():
    result = import_raw(read_csv_files(package_files(small_tables())))
    assert result.errors == []
    assert result.summary["service"]["created"] == 3


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"service": {2: {"status": "open"}}},
            "services.csv, rij 4, veld 'status': 'open' is geen geldige waarde "
            "(toegestaan: active, inactive, defunct, temporarily closed)",
        ),
        ({"service": {0: {"name": ""}}}, "services.csv, rij 2, veld 'name': dit veld is verplicht maar is leeg"),
        (
            {"service": {1: {"id": "dienst-2"}}},
            "services.csv, rij 3, veld 'id': 'dienst-2' is geen geldige UUID "
            "(zoals 3f2504e0-4f89-41d3-9a0c-0305e82c3301)",
        ),
        (
            {"service": {1: {"organization_id": UNKNOWN}}},
            f"services.csv, rij 3, veld 'organization_id': '{UNKNOWN}' verwijst naar een onbekende organisatie "
            "(niet in dit bestand en niet op de sociale kaart)",
        ),
        (
            {"service": {0: {"assured_date": "25-11-2026"}}},
            "services.csv, rij 2, veld 'assured_date': '25-11-2026' is geen geldige datum "
            "(gebruik JJJJ-MM-DD, bijvoorbeeld 2026-11-25)",
        ),
        (
            {"schedule": {0: {"opens_at": "25:00"}}},
            "schedules.csv, rij 2, veld 'opens_at': '25:00' is geen geldige tijd "
            "(gebruik UU:MM of UU:MM:SS, bijvoorbeeld 09:30)",
        ),
        (
            {"service": {0: {"minimum_age": "twaalf"}}},
            "services.csv, rij 2, veld 'minimum_age': 'twaalf' is geen getal",
        ),
        (
            {"location": {0: {"latitude": "52,09"}}},
            "locations.csv, rij 2, veld 'latitude': '52,09' is geen getal "
            "(gebruik een punt als decimaalteken, bijvoorbeeld 2.50)",
        ),
        (
            {"schedule": {0: {"interval": "1.5"}}},
            "schedules.csv, rij 2, veld 'interval': '1.5' moet een geheel getal zijn",
        ),
        (
            {"organization": {0: {"email": "info@"}}},
            "organizations.csv, rij 2, veld 'email': 'info@' is geen geldig e-mailadres",
        ),
        (
            {"organization": {0: {"website": "www.buurtwerk"}}},
            "organizations.csv, rij 2, veld 'website': 'www.buurtwerk' is geen geldige URL "
            "(begin met https://, bijvoorbeeld https://voorbeeld.nl)",
        ),
        (
            {"service": {2: {"id": SERVICE_IDS[0]}}},
            f"services.csv, rij 4, veld 'id': '{SERVICE_IDS[0]}' komt dubbel voor (ook in services.csv, rij 2)",
        ),
        (
            {"service": {0: {"last_modified": "gisteren"}}},
            "services.csv, rij 2, veld 'last_modified': 'gisteren' is geen geldig tijdstip "
            "(gebruik bijvoorbeeld 2026-11-25T10:15:00Z)",
        ),
        (
            {"service": {0: {"name": "x" * 256}}},
            "services.csv, rij 2, veld 'name': de waarde is te lang: 256 tekens, maximaal 255",
        ),
    ],
    ids=["enum", "required", "uuid", "foreign-key", "date", "time", "number", "decimal-comma", "integer",
         "email", "url", "duplicate-id", "datetime", "too-long"],
)
def test_each_kind_of_mistake_gets_a_dutch_message_for_its_row_and_field(change, expected):
    assert _errors_for(change) == [expected]


def test_all_mistakes_are_listed_at_once():
    errors = _errors_for({
        "service": {0: {"status": "open"}, 2: {"email": "nee"}},
        "location": {0: {"longitude": "oost"}},
    })
    assert len(errors) == 3
    assert [e.split(",")[0] for e in errors] == ["services.csv", "services.csv", "locations.csv"]


def test_a_missing_required_column_is_named():
    files = package_files(small_tables())
    header, rest = files["services.csv"].decode().split("\r\n", 1)
    columns = header.split(",")
    status = columns.index("status")
    lines = [",".join(c for i, c in enumerate(line.split(",")) if i != status) for line in [header, *rest.splitlines()]]
    files["services.csv"] = "\r\n".join(lines).encode()
    result = import_raw(read_csv_files(files))
    assert "services.csv, veld 'status': deze verplichte kolom ontbreekt" in [str(p) for p in result.errors]


def test_a_broken_zip_or_non_hsds_file_is_refused_in_dutch():
    assert [str(p) for p in import_bytes(b"PK\x03\x04kapot", "kaart.zip").errors] == [
        "kaart.zip is geen geldig zip-bestand."
    ]
    assert [str(p) for p in import_bytes(b"naam;adres\n", "lijst.csv").errors] == [
        "lijst.csv is geen zip-bestand met HSDS-tabellen en geen HSDS JSON-bestand."
    ]
    assert [str(p) for p in import_bytes(zip_of({"leesmij.txt": "hallo"}), "leeg.zip").errors] == [
        "leeg.zip: Het zip-bestand bevat geen HSDS-tabellen (zoals organizations.csv en services.csv)."
    ]


def test_json_mistakes_name_the_spot_in_the_file():
    document = [
        {"id": SERVICE_IDS[0], "name": "Formulierenhulp", "status": "gesloten",
         "organization": {"id": ORG_ID, "name": "Stichting Buurtwerk", "description": "Welzijn."},
         "phones": [{"id": "b9a5a3e2-3c4f-4d0e-9a51-1f0d7b0c0501", "number": ""}],
         "minimum_age": "18"},
    ]
    before = _counts()
    result = import_bytes(json.dumps(document).encode(), "aanbod.json")
    assert _counts() == before
    assert sorted(str(p) for p in result.errors) == sorted([
        "aanbod.json, object 1, veld 'minimum_age': '18' moet een getal zijn (zonder aanhalingstekens)",
        "aanbod.json, object 1, veld 'status': 'gesloten' is geen geldige waarde "
        "(toegestaan: active, inactive, defunct, temporarily closed)",
        "aanbod.json, telefoonnummer 1 van object 1, veld 'number': dit veld is verplicht maar is leeg",
    ])


def test_an_optional_reference_to_a_record_elsewhere_is_a_warning_and_is_kept():
    rows = small_tables()
    rows["location"][0]["organization_id"] = UNKNOWN
    result = import_raw(read_csv_files(package_files(rows)))
    assert result.errors == []
    assert [str(p) for p in result.warnings] == [
        f"locations.csv, rij 2, veld 'organization_id': '{UNKNOWN}' verwijst naar een organisatie die niet op de "
        "sociale kaart staat; de verwijzing wordt bewaard en weer geëxporteerd"
    ]
