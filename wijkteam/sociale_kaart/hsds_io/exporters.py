# SPDX-License-Identifier: EUPL-1.2
"""Export the whole kaart as HSDS: the tabular data package (CSV + datapackage.json) or HSDS JSON.

Exports contain every record (also inactive and stale services): they are for exchange and backup
by the beheerder, not for residents. Values are written as the importer reads them and references
to records outside the kaart are put back, so export -> import -> export gives the same data.
Text cells that a spreadsheet would run as a formula (= + - @ tab CR at the start) get one leading
apostrophe (values.to_csv); the importer removes exactly that apostrophe again, so the round trip
stays lossless (values.py explains the escaping).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.utils import timezone

from ..api import serializers
from ..models import HSDS_MODELS, HsdsExternalReference, Organization, Service
from . import schemas
from .tables import tables
from .values import format_datetime, to_csv

JSON_CHUNK = 100


def _descriptor() -> dict[str, Any]:
    """datapackage.json: the official HSDS descriptor (resources and field schemas), dated today."""
    package: dict[str, Any] = copy.deepcopy(schemas.datapackage())
    # The official descriptor's licence is that of the specification, not of our data.
    package.pop("license", None)
    package["created"] = format_datetime(timezone.now())
    return package


def _external_references(table_name: str) -> dict[tuple[Any, str], Any]:
    return {
        (ref.record_id, ref.field): ref.value
        for ref in HsdsExternalReference.objects.filter(table=table_name).only("record_id", "field", "value")
    }


def csv_rows(table_name: str) -> Iterator[list[str]]:
    """Header and rows of one table, in the order records were entered."""
    t = tables()[table_name]
    yield [c.name for c in t.columns]
    externals = _external_references(table_name)
    model = HSDS_MODELS[table_name]
    attnames = [c.attname for c in t.columns]
    extra = ["modified"] if table_name == "service" else []
    queryset = model._default_manager.order_by("created", "id").values_list(*attnames, *extra)
    for values in queryset.iterator(chunk_size=2000):
        row = list(values[: len(attnames)])
        record_id = row[0]
        for index, col in enumerate(t.columns):
            if col.is_reference and row[index] is None:
                row[index] = externals.get((record_id, col.name))
            if table_name == "service" and col.name == "last_modified" and row[index] is None:
                # As in the API: the source's moment when imported, otherwise ours.
                row[index] = values[-1]
        yield [to_csv(v) for v in row]


def _write_csv(fh: IO[str], table_name: str) -> int:
    writer = csv.writer(fh, lineterminator="\r\n")
    count = -1
    for row in csv_rows(table_name):
        writer.writerow(row)
        count += 1
    return count


def export_csv_package(target: IO[bytes]) -> dict[str, int]:
    """Write the zip (datapackage.json + one CSV per HSDS table) to `target`; rows per table."""
    counts: dict[str, int] = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(_descriptor(), indent=2, ensure_ascii=False) + "\n")
        for t in tables().values():
            with archive.open(t.csv_name, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh:
                counts[t.name] = _write_csv(fh, t.name)
    return counts


def export_csv_folder(folder: Path) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "datapackage.json").write_text(
        json.dumps(_descriptor(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    counts: dict[str, int] = {}
    for t in tables().values():
        with (folder / t.csv_name).open("w", encoding="utf-8", newline="") as fh:
            counts[t.name] = _write_csv(fh, t.name)
    return counts


def json_items(kind: str = "services") -> Iterator[dict[str, Any]]:
    """Every service (kind "services") or organisation ("organizations"), fully nested."""
    if kind == "organizations":
        ids = list(Organization.objects.order_by("name", "id").values_list("id", flat=True))
        for start in range(0, len(ids), JSON_CHUNK):
            chunk = ids[start : start + JSON_CHUNK]
            qs = serializers.organizations_full_queryset(
                Organization.objects.filter(id__in=chunk), services=Service.objects.all(), full_services=True
            )
            by_id = {o.id: o for o in qs}
            yield from serializers.organizations_full([by_id[i] for i in chunk if i in by_id], full_services=True,
                                                     private=True)
        return
    ids = list(Service.objects.order_by("name", "id").values_list("id", flat=True))
    for start in range(0, len(ids), JSON_CHUNK):
        chunk = ids[start : start + JSON_CHUNK]
        services = {s.id: s for s in serializers.services_full_queryset(Service.objects.filter(id__in=chunk))}
        yield from serializers.services_full([services[i] for i in chunk if i in services], private=True)


def json_chunks(kind: str = "services") -> Iterator[str]:
    """A JSON array of full objects, in pieces (for a streaming download or a file)."""
    yield "["
    first = True
    for item in json_items(kind):
        yield ("\n" if first else ",\n") + json.dumps(item, ensure_ascii=False, indent=2)
        first = False
    yield "\n]\n"


def export_json(target: IO[str], kind: str = "services") -> int:
    count = 0
    for piece in json_chunks(kind):
        target.write(piece)
        count += 1
    return max(0, count - 2)


__all__ = [
    "csv_rows",
    "export_csv_folder",
    "export_csv_package",
    "export_json",
    "json_chunks",
    "json_items",
]
