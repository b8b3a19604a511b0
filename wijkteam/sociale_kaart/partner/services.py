# SPDX-License-Identifier: EUPL-1.2
"""The write path of partner upkeep: create and update a service, confirm it ("klopt nog"), save
its locations (and their coordinates) and its opening times.

Views, the importer, the admin and background tasks all change kaart data through these functions
(and the merge in duplicates/services.py), so every change leaves the same trace (see ..history):
HSDS metadata rows per changed field, one audit row per operation, `Service.modified` moves on
(the model's save()), and after commit the search index is refreshed.

Every operation runs in one transaction and locks the service row (`select_for_update`), so two
editors never interleave half-written changes and the recorded previous values are the real ones.

Who may call what is NOT decided here: views check `wijkteam.sociale_kaart.access` first.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import structlog
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from wijkteam.audit.models import Action

from .. import geocoding
from ..duplicates import record_candidates
from ..history import ActionType, ChangeLog, audit_operation, lock_service, reindex_on_commit, username_of
from ..models import (
    LINK_TYPE_BY_TAXONOMY,
    Accessibility,
    Address,
    Attribute,
    CostOption,
    Language,
    LinkEntity,
    Location,
    LocationType,
    Organization,
    Phone,
    PhoneType,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from ..models.werk import DuplicateSource, VerificationStatus, VerificationTask

log = structlog.get_logger(__name__)


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
    "valid_from", "valid_to", "dtstart", "until", "count", "attending_type", "notes",
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



# --- optimistic locking ----------------------------------------------------------------------
# Two editors load the same form; without a check the second save silently reverts the first's
# change. Each edit form carries a version of what it showed: a hash of exactly the values on that
# form (service fields and details, a location with its address and accessibility, a service's
# opening times), taken when the page was loaded. The write path recomputes it under the row lock
# and refuses a save whose version is no longer current. A hash instead of a counter column: every
# writer (partners, the beheerder's admin, the importer's bulk updates, the merge) changes these
# values, but not all of them go through one save(); what counts is whether what the editor saw is
# still what is stored, and a change elsewhere (a "klopt nog", another location) is no conflict.


class StaleEdit(Exception):
    """The record changed since the form was loaded; nothing was saved."""


def _digest(state: Any) -> str:
    text = json.dumps(state, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def service_version(service: Service) -> str:
    """What the service form shows of `service`, as a version."""
    terms = sorted(
        (a.taxonomy_term.taxonomy.slug if a.taxonomy_term.taxonomy else "", a.taxonomy_term.code)
        for a in Attribute.objects.filter(link_id=service.id, link_entity=LinkEntity.SERVICE)
        .select_related("taxonomy_term__taxonomy")
    )
    phone = service.phones.order_by("created", "id").first()
    return _digest({
        "fields": {name: getattr(service, name) for name in SERVICE_FIELDS},
        "terms": terms,
        "phone": phone.number if phone else "",
        "free": service.cost_options.filter(amount=0).exists(),
        "languages": sorted(service.languages.values_list("name", flat=True)),
    })


def location_version(location: Location) -> str:
    """What the location form shows of `location`, as a version."""
    address = location.addresses.filter(address_type=LocationType.PHYSICAL).order_by("created", "id").first()
    accessibility = location.accessibility.order_by("created", "id").first()
    return _digest({
        "fields": {name: getattr(location, name) for name in LOCATION_FIELDS},
        "address": {name: getattr(address, name) for name in ADDRESS_FIELDS} if address else None,
        "accessibility": accessibility.description if accessibility else "",
    })


def schedules_version(service: Service) -> str:
    """The service's own opening times, as one version for the schedules form."""
    rows = Schedule.objects.filter(service=service).order_by("id")
    return _digest([[str(s.id), *(getattr(s, name) for name in SCHEDULE_FIELDS)] for s in rows])


def _check_version(expected: str | None, current: str) -> None:
    # None: a caller without a form (importer, admin, scripts) means "save regardless".
    if expected is not None and expected != current:
        raise StaleEdit


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
            service.assurer_email = organization.email or ""  # public: the organisation's address, not a person's
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
            record_candidates(service, lookalikes, source=DuplicateSource.CREATE)
        audit_operation(request, Action.CREATE, service, user=user, username=username,
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
    expected_version: str | None = None,
) -> SaveResult:
    """Apply `data` to the service; one metadata row per field that really changed.

    `verify=True` also confirms the whole entry as checked today (the "alles klopt" checkbox).
    `expected_version`: service_version() when the form was loaded; StaleEdit if it changed since.
    """
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    with transaction.atomic():
        locked = lock_service(service)
        _check_version(expected_version, service_version(locked))
        changed = log_.apply(locked, data.fields, SERVICE_FIELDS)
        changed += _apply_details(locked, data, log_)
        if changed:
            # save() moves `modified` on; details changed alone still count as a change of the service.
            locked.save()
        if verify:
            _verify_locked(locked, log_, user=user)
        changes = log_.save()
        if changes:
            audit_operation(request, Action.UPDATE, locked, user=user, username=username,
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
        # HSDS publishes assurer_email: the organisation's own (public) address, never the person who confirmed.
        service.assurer_email = assurer_email or service.organization.email or ""
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
        locked = lock_service(service)
        changed = _verify_locked(locked, log_, user=user, assurer_email=assurer_email)
        log_.save()
        audit_operation(request, Action.UPDATE, locked, user=user, username=username,
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
    expected_version: str | None = None,
) -> Location:
    """Create or update a location of `organization` with its physical address; when `service` is
    given, the service is offered there (service_at_location). `expected_version`: see
    location_version (StaleEdit when the location changed since the form was loaded)."""
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    with transaction.atomic():
        locked_service = lock_service(service) if service is not None else None
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
            _check_version(expected_version, location_version(location))
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
            audit_operation(request, action, location, user=user, username=username,
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
    # Imported here: the task module calls geocode_location below, so a top-level import would be a cycle.
    from .tasks import geocode_location_task

    geocode_location_task.enqueue(str(location_id), replace_point)


def _address_point(address: Address | None) -> tuple[float, float] | None:
    """Coordinates for an address: PDOK's for the full address when online, else the centre of
    its postcode from what we already know (households' and other locations' addresses)."""
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
    expected_version: str | None = None,
) -> int:
    """Create, change and delete the service's own schedule rows in one go; returns metadata rows.
    `expected_version`: see schedules_version (StaleEdit when they changed since the form was loaded)."""
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    with transaction.atomic():
        locked = lock_service(service)
        _check_version(expected_version, schedules_version(locked))
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
            audit_operation(request, Action.UPDATE, locked, user=user, username=username,
                   detail={"schedules": True, "metadata_rows": changes})
            reindex_on_commit(locked.id)
    return changes
