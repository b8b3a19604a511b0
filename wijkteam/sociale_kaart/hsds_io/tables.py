# SPDX-License-Identifier: EUPL-1.2
"""What each HSDS table looks like, read from the official schemas and our models.

Column names, their order and CSV file names come from the data package; type, format, enum and
"required" from the JSON Schema of the table (the datapackage is compiled from those); length,
whole-number and decimal limits from the model field that stores the column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.db import models

from ..models import HSDS_MODELS, HsdsModel
from . import schemas

# Parents before children, so an import can create rows in this order. (Foreign keys are checked
# at commit anyway; the order keeps the statements readable and the progress meaningful.)
IMPORT_ORDER: tuple[str, ...] = (
    "taxonomy",
    "taxonomy_term",
    "organization",
    "organization_identifier",
    "program",
    "service",
    "location",
    "service_at_location",
    "address",
    "contact",
    "phone",
    "schedule",
    "service_area",
    "language",
    "accessibility",
    "cost_option",
    "required_document",
    "funding",
    "attribute",
    "metadata",
    "meta_table_description",
)

# Dutch names of the tables, for messages such as "verwijst naar een onbekende organisatie".
TABLE_LABELS: dict[str, str] = {
    "organization": "organisatie",
    "organization_identifier": "organisatie-identificatie",
    "program": "programma",
    "service": "aanbod (service)",
    "location": "locatie",
    "service_at_location": "aanbod op locatie",
    "address": "adres",
    "contact": "contactpersoon",
    "phone": "telefoonnummer",
    "schedule": "openingstijd",
    "service_area": "werkgebied",
    "language": "taal",
    "accessibility": "toegankelijkheid",
    "cost_option": "kostenoptie",
    "required_document": "benodigd document",
    "funding": "financiering",
    "taxonomy": "taxonomie",
    "taxonomy_term": "taxonomieterm",
    "attribute": "kenmerk",
    "metadata": "wijzigingsregel",
    "meta_table_description": "tabelbeschrijving",
}


@dataclass(frozen=True)
class Column:
    """One HSDS field of a table and how it is stored."""

    name: str
    # The model field (a ForeignKey for `*_id` references to another table).
    model_field: models.Field
    # JSON Schema: "string" or "number"; format ("uuid", "email", "uri", "date-time") or "";
    # kind is the value type: "uuid", "string", "number", "date", "time", "datetime".
    json_type: str
    format: str
    kind: str
    enum: tuple[str, ...] = ()
    # Required in every serialisation, and required in the tabular one only (parent references).
    required: bool = False
    tabular_required: bool = False
    # For references to another table: that table.
    target: str | None = None

    @property
    def attname(self) -> str:
        return self.model_field.attname

    @property
    def is_reference(self) -> bool:
        return self.target is not None


@dataclass(frozen=True)
class Table:
    name: str
    model: type[HsdsModel]
    csv_name: str
    columns: tuple[Column, ...]
    # JSON Schema property names that hold nested objects or arrays (not columns).
    nested: frozenset[str] = field(default_factory=frozenset)

    def column(self, name: str) -> Column | None:
        return self.by_name.get(name)

    @property
    def by_name(self) -> dict[str, Column]:
        return _by_name(self.name)

    @property
    def references(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.is_reference)

    @property
    def label(self) -> str:
        return TABLE_LABELS.get(self.name, self.name)


def _kind(prop: dict[str, Any], resource_field: dict[str, Any]) -> str:
    if prop.get("format") == "uuid":
        return "uuid"
    if prop.get("type") == "number":
        return "number"
    datapackage_type = prop.get("datapackage_type") or resource_field.get("type")
    if datapackage_type in {"date", "time", "datetime"}:
        return str(datapackage_type)
    return "string"


@cache
def tables() -> dict[str, Table]:
    """Every HSDS table by name, in IMPORT_ORDER."""
    resources = {r["name"]: r for r in schemas.datapackage()["resources"]}
    result: dict[str, Table] = {}
    for name in IMPORT_ORDER:
        model = HSDS_MODELS[name]
        json_schema = schemas.schema(f"{name}.json")
        props = json_schema["properties"]
        required = set(json_schema.get("required", []))
        tabular_required = set(json_schema.get("tabular_required", []))
        model_columns = {f.column: f for f in model._meta.concrete_fields}
        columns = []
        for resource_field in resources[name]["schema"]["fields"]:
            col = resource_field["name"]
            prop = props.get(col, {"type": resource_field.get("type", "string")})
            model_field = model_columns[col]
            target = None
            if isinstance(model_field, models.ForeignKey):
                related = model_field.related_model
                target = getattr(related, "hsds_table", None) or None
            columns.append(
                Column(
                    name=col,
                    model_field=model_field,
                    json_type=prop.get("type", "string"),
                    format=prop.get("format", ""),
                    kind=_kind(prop, resource_field),
                    enum=tuple(prop.get("enum", ())),
                    required=col in required,
                    tabular_required=col in tabular_required,
                    target=target,
                )
            )
        nested = frozenset(
            key for key, prop in props.items() if prop.get("type") in {"array", "object"} or "$ref" in prop
        )
        result[name] = Table(
            name=name, model=model, csv_name=resources[name]["path"], columns=tuple(columns), nested=nested
        )
    return result


@cache
def _by_name(table: str) -> dict[str, Column]:
    return {c.name: c for c in tables()[table].columns}


def table(name: str) -> Table:
    return tables()[name]


def table_for_csv(filename: str) -> Table | None:
    for t in tables().values():
        if t.csv_name == filename:
            return t
    return None
