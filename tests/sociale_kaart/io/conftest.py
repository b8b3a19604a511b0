# SPDX-License-Identifier: EUPL-1.2
"""Helpers for the HSDS import/export tests: the vendored official example package, zips, and
comparing rows while normalising formatting only (35 == 35.00, 3 == 3.0, ...)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from wijkteam.sociale_kaart.hsds_io.tables import tables

HSDS_DIR = Path(__file__).resolve().parents[3] / "wijkteam" / "sociale_kaart" / "hsds"
EXAMPLE_CSV_DIR = HSDS_DIR / "examples" / "csv"
EXAMPLES_DIR = HSDS_DIR / "examples"


def example_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(EXAMPLE_CSV_DIR.iterdir()) if p.is_file()}


def zip_of(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def csv_table(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def normalised(table_name: str, column: str, value: str) -> Any:
    """The value with formatting normalised away, per the column's HSDS type."""
    if value == "":
        return None
    col = tables()[table_name].column(column)
    assert col is not None, f"{table_name}.{column}"
    if col.kind == "number":
        return Decimal(value).normalize()
    if col.kind == "datetime":
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if col.kind == "time":
        return dt.time.fromisoformat(value)
    if col.kind == "uuid":
        return value.lower()
    return value


def json_subset(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Differences where `expected` (e.g. an official example) is not contained in `actual`.

    Lists of objects are matched by id; numbers compare by value; extra keys in `actual` are fine.
    """
    problems: list[str] = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"[:200]]
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{path}/{key}: missing")
            else:
                problems += json_subset(value, actual[key], f"{path}/{key}")
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{path}: expected a list"]
        by_id = {item.get("id"): item for item in actual if isinstance(item, dict)}
        for index, item in enumerate(expected):
            if isinstance(item, dict) and "id" in item:
                if item["id"] not in by_id:
                    problems.append(f"{path}/{index}: id {item['id']} missing")
                else:
                    problems += json_subset(item, by_id[item["id"]], f"{path}/{index}")
            elif item not in actual:
                problems.append(f"{path}/{index}: {item!r} missing")
        return problems
    if isinstance(expected, int | float) and isinstance(actual, int | float) and not isinstance(expected, bool):
        return [] if Decimal(str(expected)) == Decimal(str(actual)) else [f"{path}: {expected!r} != {actual!r}"]
    return [] if expected == actual else [f"{path}: {expected!r} != {actual!r}"[:300]]


def load_json(name: str) -> Any:
    return json.loads((EXAMPLES_DIR / name).read_text(encoding="utf-8"))


@pytest.fixture
def example_package() -> dict[str, bytes]:
    return example_files()


# A small valid package of our own: one organisation, three services, one location.
ORG_ID = "6f1c2f0e-0c1a-4a7e-9a51-1f0d7b0c0001"
SERVICE_IDS = [f"6f1c2f0e-0c1a-4a7e-9a51-1f0d7b0c01{n:02d}" for n in range(1, 4)]
LOCATION_ID = "6f1c2f0e-0c1a-4a7e-9a51-1f0d7b0c0201"
SAL_ID = "6f1c2f0e-0c1a-4a7e-9a51-1f0d7b0c0301"
SCHEDULE_ID = "6f1c2f0e-0c1a-4a7e-9a51-1f0d7b0c0401"


def small_tables() -> dict[str, list[dict[str, str]]]:
    return {
        "organization": [
            {"id": ORG_ID, "name": "Stichting Buurtwerk", "description": "Welzijnswerk in de wijk.",
             "email": "info@buurtwerk.test", "website": "https://buurtwerk.test"},
        ],
        "service": [
            {"id": sid, "organization_id": ORG_ID, "name": name, "status": "active",
             "description": "Hulp in de buurt.", "assured_date": "2026-10-01", "minimum_age": "18"}
            for sid, name in zip(SERVICE_IDS, ["Formulierenhulp", "Taalcafé", "Klussendienst"], strict=True)
        ],
        "location": [
            {"id": LOCATION_ID, "location_type": "physical", "name": "Buurthuis De Schakel",
             "latitude": "52.09", "longitude": "5.12"},
        ],
        "service_at_location": [{"id": SAL_ID, "service_id": SERVICE_IDS[0], "location_id": LOCATION_ID}],
        "schedule": [
            {"id": SCHEDULE_ID, "service_id": SERVICE_IDS[0], "freq": "WEEKLY", "byday": "WE",
             "opens_at": "09:00", "closes_at": "12:00"},
        ],
    }


def package_files(rows_by_table: dict[str, list[dict[str, str]]]) -> dict[str, bytes]:
    """CSV files with the full HSDS header of each table, values from the given rows."""
    files: dict[str, bytes] = {}
    for name, rows in rows_by_table.items():
        t = tables()[name]
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=[c.name for c in t.columns], lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
        files[t.csv_name] = out.getvalue().encode("utf-8")
    return files
