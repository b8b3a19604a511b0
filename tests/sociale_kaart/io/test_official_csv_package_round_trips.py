# SPDX-License-Identifier: EUPL-1.2
"""The official HSDS example package imports, and exports again without loss: every row, every field.

Only formatting may differ (35 vs 35.00, 3 vs 3.0, the CSV quoting). The export also contains the
taxonomies we ship; those are the only extra rows.
"""

from __future__ import annotations

import io

import pytest

from wijkteam.sociale_kaart.hsds_io.exporters import export_csv_package
from wijkteam.sociale_kaart.hsds_io.readers import read_csv_files
from wijkteam.sociale_kaart.hsds_io.services import import_raw
from wijkteam.sociale_kaart.hsds_io.tables import table_for_csv, tables
from wijkteam.sociale_kaart.models import HSDS_MODELS

from .conftest import csv_table, normalised, unzip

pytestmark = pytest.mark.django_db


def _export() -> dict[str, bytes]:
    buffer = io.BytesIO()
    export_csv_package(buffer)
    return unzip(buffer.getvalue())


def _compare(example: dict[str, bytes], exported: dict[str, bytes]) -> tuple[int, int, list[str]]:
    rows = fields = 0
    differences: list[str] = []
    for filename, content in example.items():
        t = table_for_csv(filename)
        if t is None:
            continue
        out = {row["id"]: row for row in csv_table(exported[filename])}
        for row in csv_table(content):
            rows += 1
            assert row["id"] in out, f"{filename}: row {row['id']} lost"
            for column, value in row.items():
                fields += 1
                a, b = normalised(t.name, column, value), normalised(t.name, column, out[row["id"]][column])
                if a != b:
                    differences.append(f"{filename} {row['id']} {column}: {value!r} -> {out[row['id']][column]!r}")
    return rows, fields, differences


def test_example_imports_without_errors(example_package):
    result = import_raw(read_csv_files(example_package))
    assert result.errors == [], [str(p) for p in result.errors]
    assert result.rows == 21
    assert {name: counts["created"] for name, counts in result.summary.items()} == dict.fromkeys(tables(), 1)
    for model in HSDS_MODELS.values():
        assert model.objects.exists()


def test_every_row_and_field_survives_the_round_trip(example_package):
    before = {name: set(model.objects.values_list("id", flat=True)) for name, model in HSDS_MODELS.items()}
    result = import_raw(read_csv_files(example_package))
    assert result.ok, [str(p) for p in result.errors]
    exported = _export()
    assert set(exported) == {"datapackage.json", *(t.csv_name for t in tables().values())}
    rows, fields, differences = _compare(example_package, exported)
    assert differences == []
    # One row per table in the example; every HSDS field of every table compared.
    assert (rows, fields) == (21, sum(len(t.columns) for t in tables().values()))
    # Nothing else appears: the export holds the example plus what was there before (shipped taxonomies).
    for t in tables().values():
        ids = {row["id"] for row in csv_table(exported[t.csv_name])}
        example_ids = {row["id"] for row in csv_table(example_package[t.csv_name])}
        assert ids == example_ids | {str(i) for i in before[t.name]}


def test_export_imports_again_and_changes_nothing(example_package):
    import_raw(read_csv_files(example_package))
    first = _export()
    again = import_raw(read_csv_files(first))
    assert again.ok, [str(p) for p in again.errors]
    assert all(counts["created"] == 0 and counts["updated"] == 0 for counts in again.summary.values()), again.summary
    second = _export()
    for name, content in first.items():
        if name != "datapackage.json":
            assert csv_table(content) == csv_table(second[name]), name
