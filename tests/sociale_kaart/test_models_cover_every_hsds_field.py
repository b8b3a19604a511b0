# SPDX-License-Identifier: EUPL-1.2
"""Every HSDS 3.0 table and field has a model and a column of the same name and a fitting type.

Read from the vendored official schemas, so a schema update shows exactly what to add.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from django.db import models

from wijkteam.sociale_kaart.models import HSDS_MODELS

HSDS_DIR = Path(__file__).resolve().parents[2] / "wijkteam" / "sociale_kaart" / "hsds"
DATAPACKAGE = json.loads((HSDS_DIR / "examples" / "csv" / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in DATAPACKAGE["resources"]}

# Our own columns, on top of HSDS (each commented in the models). Anything else is a mistake.
OURS = {"created", "modified"}
OURS_PER_TABLE = {
    "organization": {"organisatie_id"},
    "location": {"buurt_id"},
    "service": {"search_document"},
    "taxonomy": {"slug"},
    "taxonomy_term": {"name_en", "synonyms", "minimum_age", "maximum_age"},
}

TYPES: dict[str, tuple[type[models.Field], ...]] = {
    "date": (models.DateField,),
    "time": (models.TimeField,),
    "datetime": (models.DateTimeField,),
    "number": (models.FloatField, models.DecimalField, models.IntegerField),
}


def _columns(model: type[models.Model]) -> dict[str, models.Field]:
    return {f.column: f for f in model._meta.concrete_fields}


def test_every_table_of_schema_csv_has_a_model():
    with (HSDS_DIR / "schema" / "schema.csv").open(encoding="utf-8") as fh:
        tables = {row["table_name"] for row in csv.DictReader(fh)}
    assert tables == set(HSDS_MODELS)
    assert set(RESOURCES) == set(HSDS_MODELS)


@pytest.mark.parametrize("table", sorted(RESOURCES))
def test_every_field_is_a_column_with_the_hsds_name_and_type(table):
    columns = _columns(HSDS_MODELS[table])
    for spec in RESOURCES[table]["schema"]["fields"]:
        name = spec["name"]
        assert name in columns, f"{table}.{name} has no column"
        field = columns[name]
        if spec.get("format") == "uuid":
            assert isinstance(field, models.UUIDField | models.ForeignKey), f"{table}.{name}"
        if spec["type"] in TYPES:
            target = field.target_field if isinstance(field, models.ForeignKey) else field
            assert isinstance(target, TYPES[spec["type"]]), f"{table}.{name} is {type(field).__name__}"
        if spec.get("constraints", {}).get("required"):
            assert not field.null, f"{table}.{name} is required in HSDS but nullable"
        if enum := spec.get("constraints", {}).get("enum"):
            assert [value for value, _label in field.choices] == enum, f"{table}.{name}"


@pytest.mark.parametrize("table", sorted(HSDS_MODELS))
def test_json_schema_properties_are_columns_too(table):
    schema = json.loads((HSDS_DIR / "schema" / f"{table}.json").read_text(encoding="utf-8"))
    columns = _columns(HSDS_MODELS[table])
    for name, spec in schema["properties"].items():
        if spec.get("type") == "array" or "$ref" in spec or spec.get("type") == "object":
            continue  # nested objects and lists are relations, not columns
        assert name in columns, f"{table}.{name} (JSON Schema) has no column"
        if "enum" in spec:
            assert [value for value, _label in columns[name].choices] == spec["enum"]


@pytest.mark.parametrize("table", sorted(HSDS_MODELS))
def test_no_columns_beyond_hsds_except_our_documented_ones(table):
    hsds = {f["name"] for f in RESOURCES[table]["schema"]["fields"]}
    extra = set(_columns(HSDS_MODELS[table])) - hsds
    assert extra == OURS | OURS_PER_TABLE.get(table, set())


@pytest.mark.parametrize("table", sorted(HSDS_MODELS))
def test_primary_key_is_a_uuid_named_id(table):
    pk = HSDS_MODELS[table]._meta.pk
    assert isinstance(pk, models.UUIDField) and pk.name == "id"
    assert HSDS_MODELS[table].hsds_table == table
