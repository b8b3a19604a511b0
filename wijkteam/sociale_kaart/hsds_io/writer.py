# SPDX-License-Identifier: EUPL-1.2
"""Write checked records in ONE transaction: all of the file, or (on any failure) nothing.

Records are matched on their HSDS id: new ids are created, known ones updated field by field, and
only when something really changed (so importing the same file twice changes nothing and moves no
`modified`). Nothing is deleted: a record missing from the file stays on the kaart. Every service
whose published form changed (its own row or anything nested in it) gets a new `modified` and a
rebuilt search document; after commit the search index is refreshed.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import structlog
from django.db import models, transaction
from django.utils import timezone

from .. import search
from ..models import HSDS_MODELS, Attribute, HsdsExternalReference, HsdsModel, Service, ServiceAtLocation
from .tables import IMPORT_ORDER, table
from .validation import CHUNK, Checked, Record

log = structlog.get_logger(__name__)

Progress = Callable[[int, int], None]
BATCH = 500


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def write(checked: Checked, *, progress: Progress | None = None) -> tuple[dict[str, dict[str, int]], set[uuid.UUID]]:
    """Write everything; returns counts per table and the ids of the services that changed."""
    if checked.errors:
        raise ValueError("refusing to write an import with errors")
    now = timezone.now()
    total = checked.total
    done = 0
    summary: dict[str, dict[str, int]] = {}
    touched: dict[str, set[uuid.UUID]] = defaultdict(set)
    with transaction.atomic():
        for table_name in IMPORT_ORDER:
            records = checked.records.get(table_name) or []
            if not records:
                continue
            counts = _write_table(table_name, records, now, touched)
            summary[table_name] = counts
            done += len(records)
            if progress is not None:
                progress(done, total)
        services = _affected_services(touched)
        for batch in _chunks(sorted(services)):
            for service in Service.objects.filter(id__in=batch):
                # Also moves `modified`, so API clients asking for modified_after see the change.
                service.rebuild_search_document(save=True)
        _reindex_on_commit(services)
    return summary, services


def _write_table(
    table_name: str, records: list[Record], now: Any, touched: dict[str, set[uuid.UUID]]
) -> dict[str, int]:
    model = HSDS_MODELS[table_name]
    t = table(table_name)
    ids = [r.id for r in records]
    existing: dict[Any, HsdsModel] = {}
    externals: dict[tuple[uuid.UUID, str], HsdsExternalReference] = {}
    for batch in _chunks(ids):
        existing.update(model._default_manager.in_bulk(batch))
        for ref in HsdsExternalReference.objects.filter(table=table_name, record_id__in=batch):
            externals[(ref.record_id, ref.field)] = ref
    creates: list[HsdsModel] = []
    updates: dict[frozenset[str], list[HsdsModel]] = defaultdict(list)
    ext_create: list[HsdsExternalReference] = []
    ext_update: list[HsdsExternalReference] = []
    ext_delete: list[int] = []
    unchanged = 0
    for record in records:
        ext_changed = False
        for field_name, value in record.external.items():
            current = externals.get((record.id, field_name))
            if value is None and current is not None:
                ext_delete.append(current.pk)
                ext_changed = True
            elif value is not None and current is None:
                ext_create.append(HsdsExternalReference(table=table_name, record_id=record.id, field=field_name,
                                                        value=value))
                ext_changed = True
            elif value is not None and current is not None and current.value != value:
                current.value = value
                ext_update.append(current)
                ext_changed = True
        obj = existing.get(record.id)
        if obj is None:
            creates.append(model(id=record.id, **record.values))
            _touch(touched, t.name, record, None)
            continue
        changed = [name for name, value in record.values.items() if getattr(obj, name) != value]
        if not changed and not ext_changed:
            unchanged += 1
            continue
        _touch(touched, t.name, record, obj)
        for name in changed:
            setattr(obj, name, record.values[name])
        # bulk_update() skips auto_now, so set our last-modified moment here.
        obj.modified = now
        updates[frozenset(changed)].append(obj)
    model._default_manager.bulk_create(creates, batch_size=BATCH)
    for fields, objs in updates.items():
        model._default_manager.bulk_update(objs, [*sorted(fields), "modified"], batch_size=BATCH)
    if ext_delete:
        HsdsExternalReference.objects.filter(pk__in=ext_delete).delete()
    HsdsExternalReference.objects.bulk_create(ext_create, batch_size=BATCH)
    HsdsExternalReference.objects.bulk_update(ext_update, ["value"], batch_size=BATCH)
    return {
        "created": len(creates),
        "updated": sum(len(objs) for objs in updates.values()),
        "unchanged": unchanged,
    }


# Which records nest a record of each table in the published (full) form: a changed phone changes
# its service, location, contact ... and through them (see _affected_services) their services.
CONTAINERS: dict[str, tuple[str, ...]] = {
    "phone": ("service_id", "location_id", "organization_id", "contact_id", "service_at_location_id"),
    "contact": ("service_id", "service_at_location_id", "location_id", "organization_id"),
    "language": ("service_id", "location_id", "phone_id"),
    "schedule": ("service_id", "location_id", "service_at_location_id"),
    "address": ("location_id",),
    "accessibility": ("location_id",),
    "service_area": ("service_id",),
    "cost_option": ("service_id",),
    "required_document": ("service_id",),
    "funding": ("service_id", "organization_id"),
    "organization_identifier": ("organization_id",),
    "location": ("organization_id",),
    "service_at_location": ("service_id",),
    "program": ("organization_id",),
}
# Containers of containers, looked up in the database, innermost first.
_EXPANSION_ORDER = ("language", "phone", "contact", "service_at_location", "location", "program")


def _touch(touched: dict[str, set[uuid.UUID]], table_name: str, record: Record, old: models.Model | None) -> None:
    """Remember the changed record and the records that nest it (before and after the change)."""
    touched[table_name].add(record.id)
    for attname in CONTAINERS.get(table_name, ()):
        col = table(table_name).by_name[attname]
        assert col.target is not None
        for value in (record.values.get(col.attname), getattr(old, col.attname, None) if old is not None else None):
            if value is not None:
                touched[col.target].add(value)
    if table_name == "attribute" and "link_id" in record.values:
        touched["*"].add(record.values["link_id"])
    if table_name == "metadata" and "resource_id" in record.values:
        touched["*"].add(record.values["resource_id"])


def _affected_services(touched: dict[str, set[uuid.UUID]]) -> set[uuid.UUID]:
    """Services whose published (nested) form includes one of the touched records."""
    ids: dict[str, set[uuid.UUID]] = defaultdict(set)
    for name, values in touched.items():
        ids[name].update(values)
    # Attributes and metadata point at a record of any table by its id alone.
    for name in ("service", "organization", *_EXPANSION_ORDER):
        ids[name].update(ids.get("*", set()))
    if ids.get("taxonomy_term"):
        # A changed term changes every service that carries it (nested in its attributes).
        for batch in _chunks(list(ids["taxonomy_term"])):
            links = Attribute.objects.filter(taxonomy_term_id__in=batch)
            ids["service"].update(links.values_list("link_id", flat=True))
    for name in _EXPANSION_ORDER:
        model = HSDS_MODELS[name]
        columns = CONTAINERS[name]
        for batch in _chunks(list(ids.get(name, set()))):
            for values in model._default_manager.filter(id__in=batch).values_list(*columns):
                for column, value in zip(columns, values, strict=True):
                    if value is not None:
                        target = table(name).by_name[column].target
                        assert target is not None
                        ids[target].add(value)
    services = set(ids.get("service", set()))
    for batch in _chunks(list(ids.get("location", set()))):
        services.update(ServiceAtLocation.objects.filter(location_id__in=batch).values_list("service_id", flat=True))
    for batch in _chunks(list(ids.get("organization", set()))):
        services.update(Service.objects.filter(organization_id__in=batch).values_list("id", flat=True))
    for batch in _chunks(list(ids.get("program", set()))):
        services.update(Service.objects.filter(program_id__in=batch).values_list("id", flat=True))
    found: set[uuid.UUID] = set()
    for batch in _chunks(list(services)):
        found.update(Service.objects.filter(id__in=batch).values_list("id", flat=True))
    return found


def _reindex_on_commit(service_ids: set[uuid.UUID]) -> None:
    """After commit, let the search module refresh its index, if it offers a way to."""
    if not service_ids:
        return
    ids = sorted(service_ids)

    def run() -> None:
        try:
            search.reindex_services(ids)
        except Exception:
            # The data is committed and search_document is rebuilt; a failing index refresh must not
            # turn a finished import into a failed one. `manage.py rebuild_search_index` repairs it.
            log.exception("hsds_import_reindex_failed", services=len(ids))

    transaction.on_commit(run)
