# SPDX-License-Identifier: EUPL-1.2
"""The change trail every write path of the sociale kaart leaves, in one place.

- HSDS `metadata` rows, one per changed field (`ChangeLog`): resource_id/resource_type of the row
  that changed, last_action_date, last_action_type ("create", "update", "delete", "verify",
  "merge"), field_name, previous_value, replacement_value and updated_by (a username, or a marker
  such as "e-maillink:<username>" or "import:<source>");
- one audit row (`wijkteam.audit.services.record`) per operation, with object ids (`audit_operation`);
- after commit the search index is refreshed (`reindex_on_commit`).

The write paths themselves live with their capability (partner/services.py, duplicates/services.py,
hsds_io/services.py); saves made elsewhere (the admin) are recorded with `snapshot` + `record_save`,
deletions made elsewhere with `record_delete`.
"""

from __future__ import annotations

import datetime
import importlib
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from .models import (
    Attribute,
    HsdsModel,
    LinkEntity,
    Location,
    Metadata,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)


class ActionType:
    """Values of HSDS metadata.last_action_type that we write."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    VERIFY = "verify"
    MERGE = "merge"



def as_text(value: Any) -> str:
    """A field value as HSDS metadata text: "" for nothing, ISO dates/times, whole floats plain."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M") if not value.second else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    return str(value)


def _field_value(obj: models.Model, name: str) -> Any:
    fld = obj._meta.get_field(name)
    if isinstance(fld, models.ForeignKey):
        return getattr(obj, fld.attname)
    return getattr(obj, name)


def username_of(user: Any, updated_by: str | None = None) -> str:
    if updated_by:
        return updated_by
    if user is not None and getattr(user, "is_authenticated", False):
        return str(user.get_username())
    return "systeem"


@dataclass
class ChangeLog:
    """Collects the metadata rows of one operation and writes them in one go."""

    updated_by: str
    action_date: datetime.date = field(default_factory=timezone.localdate)
    rows: list[Metadata] = field(default_factory=list)

    def add(self, obj: HsdsModel, action: str, field_name: str, previous: Any, replacement: Any) -> None:
        self.rows.append(
            Metadata(
                resource_id=obj.pk,
                resource_type=obj.hsds_table,
                last_action_date=self.action_date,
                last_action_type=action,
                field_name=field_name,
                previous_value=as_text(previous),
                replacement_value=as_text(replacement),
                updated_by=self.updated_by[:255],
            )
        )

    def created(self, obj: HsdsModel, fields: Iterable[str]) -> None:
        """One "create" row per field that has a value."""
        for name in fields:
            value = _field_value(obj, name)
            if as_text(value):
                self.add(obj, ActionType.CREATE, name, "", value)

    def deleted(self, obj: HsdsModel, fields: Iterable[str], *, action: str = ActionType.DELETE) -> None:
        """One "delete" row per field that had a value, so the history keeps what was removed."""
        wrote = False
        for name in fields:
            value = _field_value(obj, name)
            if as_text(value):
                self.add(obj, action, name, value, "")
                wrote = True
        if not wrote:
            self.add(obj, action, "id", obj.pk, "")

    def apply(self, obj: HsdsModel, values: Mapping[str, Any], fields: Iterable[str]) -> list[str]:
        """Set the given fields on `obj`, logging an "update" row per real change; returns changed names."""
        changed = []
        for name in fields:
            if name not in values:
                continue
            fld = obj._meta.get_field(name)
            attname = fld.attname if isinstance(fld, models.ForeignKey) else name
            old, new = getattr(obj, attname), values[name]
            if isinstance(new, models.Model):
                new = new.pk
            if as_text(old) == as_text(new):
                continue
            setattr(obj, attname, new)
            self.add(obj, ActionType.UPDATE, name, old, new)
            changed.append(name)
        return changed

    def save(self) -> int:
        Metadata.objects.bulk_create(self.rows)
        return len(self.rows)


def reindex_on_commit(service_id: uuid.UUID) -> None:
    """Refresh the search index for the service once the transaction has committed.

    The search module is another part of the kaart (wijkteam.sociale_kaart.search); when it offers
    `reindex_service(service)` we call it, otherwise we rebuild the plain search document.
    """

    def run() -> None:
        service = Service.objects.filter(pk=service_id).first()
        if service is None:
            return
        reindex = _search_reindexer()
        if reindex is not None:
            reindex(service)
        else:
            service.rebuild_search_document(save=True)

    transaction.on_commit(run)


def _search_reindexer() -> Any:
    """`search.reindex_service` when the search module offers it (looked up lazily: the search
    module imports models, and may not be installed in a slimmed-down deployment)."""
    for module_name in (f"{__package__}.search", f"{__package__}.search.indexing"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        reindex = getattr(module, "reindex_service", None)
        if callable(reindex):
            return reindex
    return None


def audit_operation(
    request: HttpRequest | None, action: Action, obj: models.Model, *, user: Any, username: str, detail: dict[str, Any]
) -> None:
    record(request, action, obj=obj, user=user, username=username, detail=detail)


def lock_service(service: Service) -> Service:
    return Service.objects.select_for_update().get(pk=service.pk)



# --- saves made elsewhere (the admin) ----------------------------------------------------------

# Our own bookkeeping columns: never HSDS history.
_NOT_HISTORY = {"id", "created", "modified", "search_document"}


def history_fields(obj: HsdsModel) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if f.name not in _NOT_HISTORY]


def snapshot(obj: HsdsModel) -> dict[str, Any]:
    """The record's history-relevant values, taken before a change made outside this module."""
    return {name: _field_value(obj, name) for name in history_fields(obj)}


def record_save(
    obj: HsdsModel,
    before: dict[str, Any] | None,
    *,
    user: Any = None,
    request: HttpRequest | None = None,
    updated_by: str | None = None,
) -> int:
    """Write the metadata (and audit) for a save that happened elsewhere, e.g. the admin's
    save_model: `before` is `snapshot(obj)` from before the save, None for a new record.

        before = services.snapshot(obj) if change else None
        super().save_model(request, obj, form, change)
        services.record_save(obj, before, user=request.user, request=request)
    """
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    if before is None:
        log_.created(obj, history_fields(obj))
    else:
        for name in history_fields(obj):
            old, new = before.get(name), _field_value(obj, name)
            if as_text(old) != as_text(new):
                log_.add(obj, ActionType.UPDATE, name, old, new)
    changes = log_.save()
    if changes:
        audit_operation(request, Action.CREATE if before is None else Action.UPDATE, obj, user=user, username=username,
               detail={"metadata_rows": changes})
        # The search index (and the result cards it keeps) shows organisation names, addresses,
        # opening times and costs: refresh every service the change shows up in.
        for service_id in services_affected_by(obj):
            reindex_on_commit(service_id)
    return changes


def record_delete(
    obj: HsdsModel,
    *,
    user: Any = None,
    request: HttpRequest | None = None,
    updated_by: str | None = None,
) -> int:
    """Write the metadata (and audit) for a record about to be deleted elsewhere, e.g. a row the
    admin's inline deletes: one "delete" row per field that had a value, as the write paths do.
    Call it BEFORE the delete, while the record and its links still exist (the services to reindex
    are found through them).

        history.record_delete(obj, user=request.user, request=request)
        obj.delete()
    """
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    log_.deleted(obj, history_fields(obj))
    changes = log_.save()
    audit_operation(request, Action.DELETE, obj, user=user, username=username, detail={"metadata_rows": changes})
    for service_id in services_affected_by(obj):
        reindex_on_commit(service_id)
    return changes


def services_affected_by(obj: models.Model) -> set[uuid.UUID]:
    """The services whose index rows show something of `obj` (itself, its organisation's, those
    at its location, the one it hangs under)."""
    if isinstance(obj, Service):
        return {obj.pk}
    if isinstance(obj, Organization):
        return set(Service.objects.filter(organization=obj).values_list("id", flat=True))
    if isinstance(obj, Location):
        return set(ServiceAtLocation.objects.filter(location=obj).values_list("service_id", flat=True))
    if isinstance(obj, Attribute):
        # A term on a service (its levensdomeinen, kind of help, audience) shows on the service's card.
        return {obj.link_id} if obj.link_entity == LinkEntity.SERVICE else set()
    if isinstance(obj, TaxonomyTerm | Taxonomy):
        terms = Q(taxonomy_term=obj) if isinstance(obj, TaxonomyTerm) else Q(taxonomy_term__taxonomy=obj)
        return set(
            Attribute.objects.filter(terms, link_entity=LinkEntity.SERVICE).values_list("link_id", flat=True)
        )
    found: set[uuid.UUID] = set()
    service_id = getattr(obj, "service_id", None)
    if service_id is not None:
        found.add(service_id)
    link_id = getattr(obj, "service_at_location_id", None)
    if link_id is not None:
        found.update(ServiceAtLocation.objects.filter(pk=link_id).values_list("service_id", flat=True))
    location_id = getattr(obj, "location_id", None)
    if location_id is not None:
        found.update(ServiceAtLocation.objects.filter(location_id=location_id).values_list("service_id", flat=True))
    return found

