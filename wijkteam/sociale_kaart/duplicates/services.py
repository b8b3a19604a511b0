# SPDX-License-Identifier: EUPL-1.2
"""The merge of two services the beheerder judged to be the same (the duplicates worklist).

Like every write path of the kaart it runs in one transaction, locks the rows it changes and
leaves HSDS metadata, an audit row and a reindex behind (see ..history).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import structlog
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.audit.models import Action

from ..history import ActionType, ChangeLog, as_text, audit_operation, reindex_on_commit, username_of
from ..models import (
    Attribute,
    Contact,
    Funding,
    HsdsModel,
    LinkEntity,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceStatus,
)
from ..models.werk import DuplicateCandidate, DuplicateStatus, ServiceMerge, VerificationStatus, VerificationTask
from . import normalise_phone

log = structlog.get_logger(__name__)


# Service fields the survivor takes over from the merged record when its own are empty.
FILL_FROM_MERGED = (
    "alternate_name", "description", "url", "email", "application_process", "fees_description",
    "eligibility_description", "interpretation_services", "minimum_age", "maximum_age",
)


class MergeError(ValueError):
    """The merge makes no sense (same record, already merged); the message is for the form, translated
    into the language active when it is raised."""


def _phone_key(phone: Phone) -> str:
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
        raise MergeError(_("Je kunt een aanbod niet met zichzelf samenvoegen."))
    username = username_of(user, updated_by)
    log_ = ChangeLog(username)
    moved: dict[str, int] = {}
    with transaction.atomic():
        # Lock in id order so two merges of overlapping pairs cannot deadlock.
        locked = {s.pk: s for s in Service.objects.select_for_update().filter(pk__in=[survivor.pk, merged.pk])
                  .order_by("pk")}
        keep, gone = locked[survivor.pk], locked[merged.pk]
        if ServiceMerge.objects.filter(merged__in=[keep, gone]).exists():
            raise MergeError(_("Een van deze twee is al samengevoegd met ander aanbod."))

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
        audit_operation(request, Action.UPDATE, keep, user=user, username=username,
               detail={"merge": True, "merged_id": str(gone.pk), "moved": moved, "metadata_rows": changes})
        reindex_on_commit(keep.pk)
        reindex_on_commit(gone.pk)
    log.info("sociale_kaart.service_merged", survivor_id=str(keep.pk), merged_id=str(gone.pk))
    survivor.refresh_from_db()
    merged.refresh_from_db()
    return merge

