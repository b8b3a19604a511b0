# SPDX-License-Identifier: EUPL-1.2
"""THE write path for the sociale kaart: create, update, verify and merge.

Views, the importer, the admin and background tasks all change kaart data through these functions,
so every change leaves the same trace:

- HSDS `metadata` rows, one per changed field: resource_id/resource_type of the row that changed,
  last_action_date, last_action_type ("create", "update", "delete", "verify", "merge"),
  field_name, previous_value, replacement_value and updated_by (a username, or a marker such as
  "e-maillink:<username>" or "import:<source>");
- one audit row (`wijkteam.audit.services.record`) per operation, with object ids;
- `Service.modified` moves on (the model's save()), and after commit the search index is refreshed.

Every operation runs in one transaction and locks the service row (`select_for_update`), so two
editors never interleave half-written changes and the recorded previous values are the real ones.

Who may call what is NOT decided here: views check `wijkteam.sociale_kaart.access` first.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import structlog
from django.db import models, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from .models import (
    LINK_TYPE_BY_TAXONOMY,
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Funding,
    HsdsModel,
    Language,
    LinkEntity,
    Location,
    LocationType,
    Metadata,
    Organization,
    Phone,
    PhoneType,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceStatus,
    Taxonomy,
    TaxonomyTerm,
)
from .models.werk import (
    DuplicateCandidate,
    DuplicateSource,
    DuplicateStatus,
    ServiceMerge,
    VerificationStatus,
    VerificationTask,
)

log = structlog.get_logger(__name__)


class ActionType:
    """Values of HSDS metadata.last_action_type that we write."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    VERIFY = "verify"
    MERGE = "merge"


# The fields of each table that the kaart's own forms (and the importer) maintain, in form order.
# Metadata is written for these; ours-only columns (search_document, created, modified) never.
SERVICE_FIELDS = (
    "name", "alternate_name", "description", "url", "email", "status", "application_process",
    "fees_description", "eligibility_description", "minimum_age", "maximum_age", "alert",
)
LOCATION_FIELDS = ("name", "description", "transportation", "location_type", "latitude", "longitude")
ADDRESS_FIELDS = ("address_1", "postal_code", "city", "state_province", "country")
SCHEDULE_FIELDS = (
    "freq", "interval", "wkst", "byday", "bymonthday", "opens_at", "closes_at", "description",
    "valid_from", "valid_to",
)
PHONE_FIELDS = ("number", "type")
COST_FIELDS = ("option", "amount", "currency")
LANGUAGE_FIELDS = ("name", "code")
ACCESSIBILITY_FIELDS = ("description",)

# Dutch language names partners type, to ISO 639-1 codes for HSDS language.code.
LANGUAGE_CODES = {
    "nederlands": "nl", "engels": "en", "arabisch": "ar", "turks": "tr", "pools": "pl", "duits": "de",
    "frans": "fr", "spaans": "es", "portugees": "pt", "oekraïens": "uk", "oekraiens": "uk", "russisch": "ru",
    "somalisch": "so", "tigrinya": "ti", "farsi": "fa", "perzisch": "fa", "dari": "prs", "koerdisch": "ku",
    "berbers": "ber", "tamazight": "ber", "papiaments": "pap", "chinees": "zh", "roemeens": "ro",
    "bulgaars": "bg", "italiaans": "it", "gebarentaal": "sgn", "nederlandse gebarentaal": "dse",
}


# --- helpers ---------------------------------------------------------------------------------


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
    import importlib

    for module_name in (f"{__package__}.search", f"{__package__}.search.indexing"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        reindex = getattr(module, "reindex_service", None)
        if callable(reindex):
            return reindex
    return None


def _audit(
    request: HttpRequest | None, action: Action, obj: models.Model, *, user: Any, username: str, detail: dict[str, Any]
) -> None:
    record(request, action, obj=obj, user=user, username=username, detail=detail)


def _lock_service(service: Service) -> Service:
    return Service.objects.select_for_update().get(pk=service.pk)


# --- service ---------------------------------------------------------------------------------


@dataclass
class ServiceInput:
    """What a form or the importer wants a service to look like. `None` means "leave as it is"."""

    fields: dict[str, Any] = field(default_factory=dict)
    # Per shipped taxonomy slug ("levensdomeinen", "soort-aanbod", "doelgroep"): the terms it should carry.
    terms: dict[str, list[TaxonomyTerm]] | None = None
    # The main phone number; "" removes it.
    phone: str | None = None
    # True: a "Gratis" cost option (amount 0) exists; False: none does.
    free: bool | None = None
    # Language names ("Nederlands", "Arabisch"); the list replaces the current one.
    languages: list[str] | None = None


@dataclass
class SaveResult:
    service: Service
    changes: int
    changed_fields: list[str] = field(default_factory=list)


def _sync_terms(service: Service, wanted: Mapping[str, Iterable[TaxonomyTerm]], log_: ChangeLog) -> list[str]:
    changed = []
    current = {
        a.id: a for a in Attribute.objects.filter(link_id=service.id, link_entity=LinkEntity.SERVICE)
        .select_related("taxonomy_term__taxonomy")
    }
    for slug, terms in wanted.items():
        terms = list(terms)
        mine = [a for a in current.values() if a.taxonomy_term.taxonomy and a.taxonomy_term.taxonomy.slug == slug]
        old_codes = sorted({a.taxonomy_term.code for a in mine})
        new_codes = sorted({t.code for t in terms})
        if old_codes == new_codes:
            continue
        wanted_ids = {t.id for t in terms}
        for attribute in mine:
            if attribute.taxonomy_term_id not in wanted_ids:
                attribute.delete()
        have = {a.taxonomy_term_id for a in mine}
        for term in terms:
            if term.id not in have:
                service.add_term(term, link_type=LINK_TYPE_BY_TAXONOMY.get(slug, ""))
        log_.add(service, ActionType.UPDATE, slug, ",".join(old_codes), ",".join(new_codes))
        changed.append(slug)
    return changed


def _sync_phone(service: Service, number: str, log_: ChangeLog) -> bool:
    number = number.strip()
    phone = service.phones.order_by("created", "id").first()
    if phone is None:
        if not number:
            return False
        phone = Phone.objects.create(service=service, number=number, type=PhoneType.VOICE)
        log_.created(phone, PHONE_FIELDS)
        return True
    if not number:
        log_.deleted(phone, PHONE_FIELDS)
        phone.delete()
        return True
    if log_.apply(phone, {"number": number}, PHONE_FIELDS):
        phone.save()
        return True
    return False


def _sync_free(service: Service, free: bool, log_: ChangeLog) -> bool:
    zero = list(service.cost_options.filter(amount=0))
    if free and not zero:
        option = CostOption.objects.create(service=service, option="Gratis", amount=Decimal(0), currency="EUR")
        log_.created(option, COST_FIELDS)
        return True
    if not free and zero:
        for option in zero:
            log_.deleted(option, COST_FIELDS)
            option.delete()
        return True
    return False


def _sync_languages(
    log_: ChangeLog, names: Iterable[str], *, service: Service | None = None, location: Location | None = None
) -> bool:
    rows = Language.objects.filter(service=service) if service is not None else Language.objects.filter(
        location=location
    )
    existing = {lang.name.strip().lower(): lang for lang in rows}
    wanted: dict[str, str] = {}
    for name in names:
        if name.strip():
            wanted.setdefault(name.strip().lower(), name.strip())
    changed = False
    for key, lang in existing.items():
        if key not in wanted:
            log_.deleted(lang, LANGUAGE_FIELDS)
            lang.delete()
            changed = True
    for key, name in wanted.items():
        if key not in existing:
            lang = Language.objects.create(
                service=service, location=location, name=name, code=LANGUAGE_CODES.get(key, "")
            )
            log_.created(lang, LANGUAGE_FIELDS)
            changed = True
    return changed


def _apply_details(service: Service, data: ServiceInput, log_: ChangeLog) -> list[str]:
    changed: list[str] = []
    if data.terms is not None:
        changed += _sync_terms(service, data.terms, log_)
    if data.phone is not None and _sync_phone(service, data.phone, log_):
        changed.append("phones")
    if data.free is not None and _sync_free(service, data.free, log_):
        changed.append("cost_options")
    if data.languages is not None and _sync_languages(log_, data.languages, service=service):
        changed.append("languages")
    return changed


def create_service(
    organization: Organization,
    data: ServiceInput,
    *,
    user: Any = None,
    request: HttpRequest | None = None,
    updated_by: str | None = None,
    assured: bool = True,
    confirmed_lookalikes: Iterable[Any] = (),
) -> SaveResult:
    """A new service for `organization`. Counts as checked today (the author just wrote it) unless
    `assured=False` (an import keeps the source's assured_date in `data.fields`).

    `confirmed_lookalikes`: the `duplicates.DuplicateMatch`es the author was shown and saved anyway;
    they go on the beheerder's duplicate worklist in the same transaction.
    """
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    with transaction.atomic():
        values = {k: v for k, v in data.fields.items() if k in SERVICE_FIELDS or k in ("assured_date", "assurer_email")}
        service = Service(organization=organization, **values)
        if assured and "assured_date" not in values:
            service.assured_date = log_.action_date
            service.assurer_email = getattr(user, "email", "") or ""
        service.save()
        log_.created(service, ("organization", *SERVICE_FIELDS, "assured_date"))
        _apply_details(service, data, log_)
        # Term changes on a new record are creations, not updates.
        for row in log_.rows:
            if row.resource_id == service.id and row.field_name in LINK_TYPE_BY_TAXONOMY:
                row.last_action_type = ActionType.CREATE
        changes = log_.save()
        lookalikes = list(confirmed_lookalikes)
        if lookalikes:
            from .duplicates import record_candidates

            record_candidates(service, lookalikes, source=DuplicateSource.CREATE)
        _audit(request, Action.CREATE, service, user=user, username=username,
               detail={"organization_id": str(organization.pk), "metadata_rows": changes})
        reindex_on_commit(service.id)
    log.info("sociale_kaart.service_created", service_id=str(service.id), organization_id=str(organization.pk))
    return SaveResult(service, changes, list(values))


def update_service(
    service: Service,
    data: ServiceInput,
    *,
    user: Any = None,
    request: HttpRequest | None = None,
    updated_by: str | None = None,
    verify: bool = False,
) -> SaveResult:
    """Apply `data` to the service; one metadata row per field that really changed.

    `verify=True` also confirms the whole entry as checked today (the "alles klopt" checkbox).
    """
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    with transaction.atomic():
        locked = _lock_service(service)
        changed = log_.apply(locked, data.fields, SERVICE_FIELDS)
        changed += _apply_details(locked, data, log_)
        if changed:
            # save() moves `modified` on; details changed alone still count as a change of the service.
            locked.save()
        if verify:
            _verify_locked(locked, log_, user=user)
        changes = log_.save()
        if changes:
            _audit(request, Action.UPDATE, locked, user=user, username=username,
                   detail={"fields": changed, "metadata_rows": changes, "verified": verify})
            reindex_on_commit(locked.id)
    # Callers keep using their object: bring it up to date.
    service.refresh_from_db()
    return SaveResult(service, changes, changed)


# --- verification ----------------------------------------------------------------------------


def _verify_locked(service: Service, log_: ChangeLog, *, user: Any, assurer_email: str = "") -> bool:
    today = log_.action_date
    changed = service.assured_date != today
    if changed:
        log_.add(service, ActionType.VERIFY, "assured_date", service.assured_date, today)
        service.assured_date = today
        service.assurer_email = assurer_email or getattr(user, "email", "") or service.assurer_email
        service.save(update_fields=["assured_date", "assurer_email", "modified"])
    VerificationTask.objects.filter(service=service, status=VerificationStatus.OPEN).update(
        status=VerificationStatus.DONE, completed_at=timezone.now(), completed_by=log_.updated_by[:255]
    )
    return changed


def verify_service(
    service: Service,
    *,
    user: Any = None,
    request: HttpRequest | None = None,
    updated_by: str | None = None,
    assurer_email: str = "",
) -> bool:
    """"Klopt nog": the entry was checked today. Closes its open verification tasks.

    Idempotent: confirming twice on one day writes one metadata row. Returns whether assured_date
    moved.
    """
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    with transaction.atomic():
        locked = _lock_service(service)
        changed = _verify_locked(locked, log_, user=user, assurer_email=assurer_email)
        log_.save()
        _audit(request, Action.UPDATE, locked, user=user, username=username,
               detail={"verify": True, "changed": changed})
        if changed:
            reindex_on_commit(locked.id)
    service.refresh_from_db()
    return changed


# --- locations -------------------------------------------------------------------------------


@dataclass
class LocationInput:
    fields: dict[str, Any] = field(default_factory=dict)
    # address_1, postal_code, city, state_province (country defaults to NL); None leaves it.
    address: dict[str, Any] | None = None
    # Free text ("rolstoeltoegankelijk ..."); "" removes it; None leaves it.
    accessibility: str | None = None


def save_location(
    location: Location | None,
    data: LocationInput,
    *,
    organization: Organization,
    service: Service | None = None,
    user: Any = None,
    request: HttpRequest | None = None,
    updated_by: str | None = None,
) -> Location:
    """Create or update a location of `organization` with its physical address; when `service` is
    given, the service is offered there (service_at_location)."""
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    with transaction.atomic():
        locked_service = _lock_service(service) if service is not None else None
        if location is None:
            location = Location(organization=organization, location_type=LocationType.PHYSICAL)
            for name in LOCATION_FIELDS:
                if name in data.fields:
                    setattr(location, name, data.fields[name])
            location.save()
            log_.created(location, ("organization", *LOCATION_FIELDS))
            action = Action.CREATE
        else:
            location = Location.objects.select_for_update().get(pk=location.pk)
            if log_.apply(location, data.fields, LOCATION_FIELDS):
                location.save()
            action = Action.UPDATE
        address_changed = _save_address(location, data.address, log_) if data.address is not None else False
        if data.accessibility is not None:
            _save_accessibility(location, data.accessibility, log_)
        if locked_service is not None and not ServiceAtLocation.objects.filter(
            service=locked_service, location=location
        ).exists():
            link = ServiceAtLocation.objects.create(service=locked_service, location=location)
            log_.created(link, ("service", "location"))
        changes = log_.save()
        if changes or action == Action.CREATE:
            _audit(request, action, location, user=user, username=username,
                   detail={"organization_id": str(organization.pk), "metadata_rows": changes,
                           "service_id": str(service.pk) if service else ""})
            # Services offered here show the address in search results.
            for sid in ServiceAtLocation.objects.filter(location=location).values_list("service_id", flat=True):
                Service.objects.filter(pk=sid).update(modified=timezone.now())
                reindex_on_commit(sid)
        # Coordinates (distance ordering, the map) and the buurt (wijk filter) follow from the
        # address. Looked up after commit in the background: PDOK may take seconds, and nothing
        # waits on it while the partner's form returns.
        point_given = "latitude" in data.fields or "longitude" in data.fields
        replace_point = address_changed and not point_given
        unplaced = location.latitude is None or location.longitude is None or location.buurt_id is None
        if location.location_type == LocationType.PHYSICAL and (replace_point or unplaced):
            location_id = location.pk
            transaction.on_commit(lambda: _enqueue_geocoding(location_id, replace_point=replace_point))
    return location


def _enqueue_geocoding(location_id: uuid.UUID, *, replace_point: bool) -> None:
    from .tasks import geocode_location_task

    geocode_location_task.enqueue(str(location_id), replace_point)


def _address_point(address: Address | None) -> tuple[float, float] | None:
    """Coordinates for an address: PDOK's for the full address when online, else the centre of
    its postcode from what we already know (households' and other locations' addresses)."""
    from . import geocoding

    if address is None:
        return None
    found = geocoding.geocode_address(address.address_1, "", address.postal_code, address.city)
    if found is not None:
        return found.latitude, found.longitude
    return geocoding.postcode_to_point(address.postal_code)


def geocode_location(
    location_id: uuid.UUID, *, replace_point: bool = False, updated_by: str = "geocoding"
) -> list[str]:
    """Give a physical location coordinates from its address and the buurt those fall in.

    Coordinates are only filled in when missing, unless `replace_point` (the address changed and
    nobody gave coordinates with it); the buurt follows the point. Every change is an HSDS
    metadata row by `updated_by`; the services offered there are reindexed. Returns the changed
    field names ([] when nothing could be found: the location keeps what it had).
    """
    from . import geocoding

    location = Location.objects.filter(pk=location_id).first()
    if location is None:
        return []
    point = None
    if replace_point or location.latitude is None or location.longitude is None:
        # Outside the transaction: a PDOK round trip must not hold the database's write lock.
        address = location.addresses.filter(address_type=LocationType.PHYSICAL).order_by("created", "id").first()
        point = _address_point(address)
    log_ = ChangeLog(updated_by)
    with transaction.atomic():
        locked = Location.objects.select_for_update().get(pk=location_id)
        values: dict[str, Any] = {}
        if point is not None and (replace_point or locked.latitude is None or locked.longitude is None):
            values["latitude"], values["longitude"] = round(point[0], 6), round(point[1], 6)
        latitude, longitude = values.get("latitude", locked.latitude), values.get("longitude", locked.longitude)
        if latitude is not None and longitude is not None and ("latitude" in values or locked.buurt_id is None):
            buurt = geocoding.point_to_buurt(latitude, longitude)
            if buurt is not None:
                values["buurt"] = buurt
        changed = log_.apply(locked, values, ("latitude", "longitude", "buurt"))
        if changed:
            locked.save()
            log_.save()
            for sid in ServiceAtLocation.objects.filter(location=locked).values_list("service_id", flat=True):
                reindex_on_commit(sid)
    log.info("sociale_kaart.location_geocoded", location_id=str(location_id), changed=changed)
    return changed


def _save_address(location: Location, values: Mapping[str, Any], log_: ChangeLog) -> bool:
    """Create or update the physical address; whether anything changed."""
    address = location.addresses.filter(address_type=LocationType.PHYSICAL).order_by("created", "id").first()
    values = {"country": "NL", **values}
    if address is None:
        address = Address(location=location, address_type=LocationType.PHYSICAL,
                          **{k: v for k, v in values.items() if k in ADDRESS_FIELDS})
        address.save()
        log_.created(address, ADDRESS_FIELDS)
        return True
    if log_.apply(address, values, ADDRESS_FIELDS):
        address.save()
        return True
    return False


def _save_accessibility(location: Location, text: str, log_: ChangeLog) -> None:
    row = location.accessibility.order_by("created", "id").first()
    text = text.strip()
    if row is None:
        if text:
            row = Accessibility.objects.create(location=location, description=text)
            log_.created(row, ACCESSIBILITY_FIELDS)
    elif not text:
        log_.deleted(row, ACCESSIBILITY_FIELDS)
        row.delete()
    elif log_.apply(row, {"description": text}, ACCESSIBILITY_FIELDS):
        row.save()


# --- schedules -------------------------------------------------------------------------------


@dataclass
class ScheduleInput:
    """One row of the opening-times form: `id` None for a new one; `delete` removes it."""

    id: uuid.UUID | None
    fields: dict[str, Any]
    delete: bool = False


def save_schedules(
    service: Service,
    rows: Iterable[ScheduleInput],
    *,
    user: Any = None,
    request: HttpRequest | None = None,
    updated_by: str | None = None,
) -> int:
    """Create, change and delete the service's own schedule rows in one go; returns metadata rows."""
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    with transaction.atomic():
        locked = _lock_service(service)
        existing = {s.id: s for s in Schedule.objects.filter(service=locked)}
        for row in rows:
            if row.id is not None:
                schedule = existing.get(row.id)
                if schedule is None:
                    # Not this service's row (stale form or tampering): never touch another's.
                    raise Schedule.DoesNotExist(f"schedule {row.id} is not of service {locked.id}")
                if row.delete:
                    log_.deleted(schedule, SCHEDULE_FIELDS)
                    schedule.delete()
                elif log_.apply(schedule, row.fields, SCHEDULE_FIELDS):
                    schedule.save()
            elif not row.delete:
                schedule = Schedule(service=locked, **{k: v for k, v in row.fields.items() if k in SCHEDULE_FIELDS})
                schedule.save()
                log_.created(schedule, SCHEDULE_FIELDS)
        changes = log_.save()
        if changes:
            locked.save(update_fields=["modified"])
            _audit(request, Action.UPDATE, locked, user=user, username=username,
                   detail={"schedules": True, "metadata_rows": changes})
            reindex_on_commit(locked.id)
    return changes


# --- merge -----------------------------------------------------------------------------------

# Service fields the survivor takes over from the merged record when its own are empty.
FILL_FROM_MERGED = (
    "alternate_name", "description", "url", "email", "application_process", "fees_description",
    "eligibility_description", "interpretation_services", "minimum_age", "maximum_age",
)


class MergeError(ValueError):
    """The merge makes no sense (same record, already merged); the message is Dutch for the form."""


def _phone_key(phone: Phone) -> str:
    from .duplicates import normalise_phone

    return normalise_phone(phone.number) or phone.number.strip()


def _schedule_key(s: Schedule) -> tuple[Any, ...]:
    return (s.freq, s.interval or 1, s.byday, s.bymonthday, s.opens_at, s.closes_at, s.valid_from, s.valid_to)


def _move_rows(
    rows: Iterable[HsdsModel],
    *,
    fk: str,
    survivor: Service,
    merged: Service,
    key: Any,
    existing_keys: set[Any],
    log_: ChangeLog,
    moved: dict[str, int],
) -> None:
    """Repoint rows from the merged service to the survivor, dropping exact duplicates."""
    for row in rows:
        k = key(row)
        table = row.hsds_table
        if k in existing_keys:
            log_.add(row, ActionType.MERGE, f"{fk}_id", merged.pk, "")
            row.delete()
            moved["dropped"] = moved.get("dropped", 0) + 1
            continue
        existing_keys.add(k)
        setattr(row, fk, survivor)
        row.save()
        log_.add(row, ActionType.MERGE, f"{fk}_id", merged.pk, survivor.pk)
        moved[table] = moved.get(table, 0) + 1


def merge_services(
    survivor: Service,
    merged: Service,
    *,
    user: Any = None,
    request: HttpRequest | None = None,
    updated_by: str | None = None,
) -> ServiceMerge:
    """Fold `merged` into `survivor`, keeping history on both sides.

    The survivor takes over locations, phones, schedules, terms, languages, costs, contacts,
    documents, areas and funding (exact duplicates dropped) and fills its empty fields from the
    merged record. The merged record is NOT deleted: it becomes status "inactive" (HSDS consumers
    that stored its id see it is no longer offered) and a ServiceMerge row points to the survivor,
    so its old public URL redirects there (`duplicates.merged_into`). Both get a "merge" metadata
    row with previous/replacement ids.
    """
    if survivor.pk == merged.pk:
        raise MergeError("Je kunt een aanbod niet met zichzelf samenvoegen.")
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    moved: dict[str, int] = {}
    with transaction.atomic():
        # Lock in id order so two merges of overlapping pairs cannot deadlock.
        locked = {s.pk: s for s in Service.objects.select_for_update().filter(pk__in=[survivor.pk, merged.pk])
                  .order_by("pk")}
        keep, gone = locked[survivor.pk], locked[merged.pk]
        if ServiceMerge.objects.filter(merged__in=[keep, gone]).exists():
            raise MergeError("Een van deze twee is al samengevoegd met ander aanbod.")

        # Locations: one link per location.
        have_locations = set(keep.service_at_locations.values_list("location_id", flat=True))
        for link in gone.service_at_locations.all():
            if link.location_id in have_locations:
                target = keep.service_at_locations.get(location_id=link.location_id)
                # The link's own phones and schedules go to the survivor's link first.
                for phone in link.phones.all():
                    phone.service_at_location = target
                    phone.save()
                for schedule in link.schedules.all():
                    schedule.service_at_location = target
                    schedule.save()
                log_.add(link, ActionType.MERGE, "service_id", gone.pk, "")
                link.delete()
                moved["dropped"] = moved.get("dropped", 0) + 1
            else:
                have_locations.add(link.location_id)
                link.service = keep
                link.save()
                log_.add(link, ActionType.MERGE, "service_id", gone.pk, keep.pk)
                moved["service_at_location"] = moved.get("service_at_location", 0) + 1

        def move(rows: Iterable[HsdsModel], key: Any, existing_keys: set[Any]) -> None:
            _move_rows(rows, fk="service", survivor=keep, merged=gone, key=key, existing_keys=existing_keys,
                       log_=log_, moved=moved)

        move(gone.phones.all(), _phone_key, {_phone_key(p) for p in keep.phones.all()})
        move(gone.schedules.all(), _schedule_key, {_schedule_key(s) for s in keep.schedules.all()})
        move(gone.languages.all(), lambda x: (x.name.strip().lower(), x.code),
             {(x.name.strip().lower(), x.code) for x in keep.languages.all()})
        move(gone.cost_options.all(), lambda x: (x.option, x.amount, x.currency),
             {(x.option, x.amount, x.currency) for x in keep.cost_options.all()})
        move(Contact.objects.filter(service=gone), lambda x: (x.name, x.email, x.title),
             {(x.name, x.email, x.title) for x in Contact.objects.filter(service=keep)})
        move(RequiredDocument.objects.filter(service=gone), lambda x: x.document,
             set(RequiredDocument.objects.filter(service=keep).values_list("document", flat=True)))
        move(ServiceArea.objects.filter(service=gone), lambda x: (x.name, x.uri, x.extent),
             {(x.name, x.uri, x.extent) for x in ServiceArea.objects.filter(service=keep)})
        move(Funding.objects.filter(service=gone), lambda x: x.source,
             set(Funding.objects.filter(service=keep).values_list("source", flat=True)))

        # Terms (attribute rows point by id, not by foreign key).
        keep_terms = set(
            Attribute.objects.filter(link_id=keep.pk, link_entity=LinkEntity.SERVICE)
            .values_list("taxonomy_term_id", "link_type")
        )
        for attribute in Attribute.objects.filter(link_id=gone.pk, link_entity=LinkEntity.SERVICE):
            if (attribute.taxonomy_term_id, attribute.link_type) in keep_terms:
                log_.add(attribute, ActionType.MERGE, "link_id", gone.pk, "")
                attribute.delete()
                moved["dropped"] = moved.get("dropped", 0) + 1
            else:
                keep_terms.add((attribute.taxonomy_term_id, attribute.link_type))
                attribute.link_id = keep.pk
                attribute.save()
                log_.add(attribute, ActionType.MERGE, "link_id", gone.pk, keep.pk)
                moved["attribute"] = moved.get("attribute", 0) + 1

        # Empty fields of the survivor are filled from the merged record.
        for name in FILL_FROM_MERGED:
            mine, theirs = getattr(keep, name), getattr(gone, name)
            if not as_text(mine) and as_text(theirs):
                setattr(keep, name, theirs)
                log_.add(keep, ActionType.MERGE, name, mine, theirs)
        # The most recent check of either counts: both described the same service.
        if gone.assured_date and (keep.assured_date is None or gone.assured_date > keep.assured_date):
            log_.add(keep, ActionType.MERGE, "assured_date", keep.assured_date, gone.assured_date)
            keep.assured_date = gone.assured_date
        log_.add(keep, ActionType.MERGE, "id", gone.pk, keep.pk)
        keep.save()

        log_.add(gone, ActionType.MERGE, "id", gone.pk, keep.pk)
        if gone.status != ServiceStatus.INACTIVE:
            log_.add(gone, ActionType.MERGE, "status", gone.status, ServiceStatus.INACTIVE)
            gone.status = ServiceStatus.INACTIVE
        gone.save()

        merge = ServiceMerge.objects.create(merged=gone, survivor=keep, merged_by=username[:255], moved=moved)
        now = timezone.now()
        a, b = (keep, gone) if str(keep.pk) < str(gone.pk) else (gone, keep)
        DuplicateCandidate.objects.filter(service_a=a, service_b=b).update(
            status=DuplicateStatus.MERGED, resolved_at=now, resolved_by=username[:255]
        )
        # Other open pairs with the merged record now concern the survivor; the beheerder re-judges.
        VerificationTask.objects.filter(service=gone, status=VerificationStatus.OPEN).update(
            status=VerificationStatus.CANCELLED, completed_at=now, completed_by=username[:255]
        )
        changes = log_.save()
        _audit(request, Action.UPDATE, keep, user=user, username=username,
               detail={"merge": True, "merged_id": str(gone.pk), "moved": moved, "metadata_rows": changes})
        reindex_on_commit(keep.pk)
        reindex_on_commit(gone.pk)
    log.info("sociale_kaart.service_merged", survivor_id=str(keep.pk), merged_id=str(gone.pk))
    survivor.refresh_from_db()
    merged.refresh_from_db()
    return merge


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
        _audit(request, Action.CREATE if before is None else Action.UPDATE, obj, user=user, username=username,
               detail={"metadata_rows": changes})
        # The search index (and the result cards it keeps) shows organisation names, addresses,
        # opening times and costs: refresh every service the change shows up in.
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
