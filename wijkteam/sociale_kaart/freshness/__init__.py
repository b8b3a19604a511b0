# SPDX-License-Identifier: EUPL-1.2
"""Freshness: every public service is confirmed regularly by the organisation that offers it.

Timeline, measured from the last check (Service.assured_date, else its creation day):

- after WIJKTEAM_FRESHNESS_VERIFY_MONTHS (6): a VerificationTask appears on the partner's
  "Mijn aanbod" page and one mail goes to the partner's users (and Organisatie.email) with a
  one-click "klopt nog" link per service;
- after WIJKTEAM_FRESHNESS_HIDE_MONTHS (12): the service drops out of public search, page and API
  (`visibility.publicly_visible`), and shows on the worklist /werk/sociale-kaart/verouderd/.

`create_due_tasks()` makes the tasks; it is idempotent (one task per service per checked_on date,
enforced by a unique constraint) and mails only about tasks it created. Run it daily:
`manage.py check_freshness` from cron, or enqueue `freshness.tasks.check_freshness_task` from a scheduler;
a `db_worker` process must run for the mails (queue "mail").
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import structlog
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import PUBLIC_STATUSES, Service
from ..models.werk import VerificationStatus, VerificationTask
from ..visibility import (
    add_months,
    checked_before,
    hide_cutoff,
    is_stale,
    last_checked,
    verify_cutoff,
    verify_months,
)

log = structlog.get_logger(__name__)

TOKEN_SALT = "wijkteam.sociale_kaart.klopt-nog"  # noqa: S105 - a namespace, not a secret
DEFAULT_LINK_DAYS = 30


def link_days() -> int:
    return int(getattr(settings, "WIJKTEAM_FRESHNESS_LINK_DAYS", DEFAULT_LINK_DAYS))


def due_services(today: datetime.date | None = None) -> QuerySet[Service]:
    """Public-status services not checked for VERIFY months (hidden ones included)."""
    return Service.objects.filter(status__in=PUBLIC_STATUSES).filter(checked_before(verify_cutoff(today)))


def stale_services(today: datetime.date | None = None) -> QuerySet[Service]:
    """Public-status services hidden from the public because nobody confirmed them for HIDE months."""
    return Service.objects.filter(status__in=PUBLIC_STATUSES).filter(checked_before(hide_cutoff(today)))


def freshness_label(service: Service) -> tuple[str, str]:
    """(status-badge modifier, Dutch label) for the staff lists (Mijn aanbod, verouderd)."""
    if is_stale(service):
        return "danger", _("Verborgen: te lang niet gecontroleerd")
    if last_checked(service) < verify_cutoff():
        return "warning", _("Controle nodig")
    return "success", _("Actueel")


def due_on(checked_on: datetime.date) -> datetime.date:
    return add_months(checked_on, verify_months())


@dataclass
class FreshnessRun:
    created: list[int] = field(default_factory=list)
    cancelled: int = 0
    # Organisation ids (sociale_kaart.Organization) that get a mail about the new tasks.
    organizations: set[str] = field(default_factory=set)


def create_due_tasks(today: datetime.date | None = None) -> FreshnessRun:
    """Create the verification tasks that are due and enqueue one mail per organisation.

    Safe to run as often as you like: a second run on the same data creates and mails nothing.
    """
    run = FreshnessRun()
    today = today or timezone.localdate()
    # Tasks whose service was checked since (edit, import) or left the public kaart are done with.
    run.cancelled = _cancel_outdated_tasks()
    new_by_org: dict[str, list[int]] = defaultdict(list)
    services = due_services(today).select_related("organization").only(
        "id", "assured_date", "created", "organization_id", "organization__organisatie_id"
    )
    # Pairs that already have a task, in one query, so a daily run over a large kaart does one
    # insert per NEW task only.
    existing = set(
        VerificationTask.objects.filter(service__in=due_services(today)).values_list("service_id", "checked_on")
    )
    wanted: list[VerificationTask] = []
    org_of: dict[Any, tuple[str, bool]] = {}
    for service in services.iterator(chunk_size=500):
        checked_on = last_checked(service)
        if (service.pk, checked_on) in existing:
            continue
        wanted.append(VerificationTask(service_id=service.pk, checked_on=checked_on, due_on=due_on(checked_on)))
        org_of[service.pk] = (str(service.organization_id), service.organization.organisatie_id is not None)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        # ignore_conflicts: a concurrent run may insert the same (service, checked_on) meanwhile.
        VerificationTask.objects.bulk_create(chunk, ignore_conflicts=True)
        created = VerificationTask.objects.filter(
            service_id__in=[t.service_id for t in chunk], status=VerificationStatus.OPEN, mailed_at__isnull=True
        ).values_list("pk", "service_id", "checked_on")
        keys = {(t.service_id, t.checked_on) for t in chunk}
        for pk, service_id, checked_on in created:
            if (service_id, checked_on) not in keys:
                continue
            run.created.append(pk)
            organization_id, is_partner = org_of[service_id]
            if is_partner:
                new_by_org[organization_id].append(pk)
    # Tasks whose mail never went out (the mail server was down, the worker crashed) are retried.
    unmailed = VerificationTask.objects.filter(
        status=VerificationStatus.OPEN, mailed_at__isnull=True, service__organization__organisatie__isnull=False
    ).exclude(pk__in=run.created).values_list("pk", "service__organization_id")
    for pk, owner_id in unmailed:
        new_by_org[str(owner_id)].append(pk)
    run.organizations = set(new_by_org)
    for organization_id, task_ids in new_by_org.items():
        _enqueue_mail(organization_id, task_ids)
    log.info("sociale_kaart.freshness_run", created=len(run.created), cancelled=run.cancelled,
             organizations=len(run.organizations))
    return run


def _enqueue_mail(organization_id: str, task_ids: list[int]) -> None:
    # Imported here: the task module uses make_token from this package, so a top-level import is a cycle.
    from .tasks import send_verification_mail

    def enqueue() -> None:
        send_verification_mail.enqueue(organization_id, task_ids)

    # Outside a transaction on_commit runs at once; inside one, only once the tasks exist for good.
    transaction.on_commit(enqueue)


def _cancel_outdated_tasks() -> int:
    cancelled = 0
    open_tasks = VerificationTask.objects.filter(status=VerificationStatus.OPEN).select_related("service")
    outdated = [
        t.pk for t in open_tasks
        if t.service.status not in PUBLIC_STATUSES or last_checked(t.service) > t.checked_on
    ]
    if outdated:
        cancelled = VerificationTask.objects.filter(pk__in=outdated, status=VerificationStatus.OPEN).update(
            status=VerificationStatus.CANCELLED, completed_at=timezone.now(), completed_by="systeem"
        )
    return cancelled


# --- the one-click link ------------------------------------------------------------------------


def make_token(task: VerificationTask, *, user_id: int | None) -> str:
    """Signed, timestamped token for the "klopt nog" link of one task (and who it was sent to)."""
    return signing.dumps({"t": task.pk, "u": user_id}, salt=TOKEN_SALT, compress=True)


class TokenError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "expired" or "invalid"


def read_token(token: str) -> dict[str, Any]:
    """The token's payload; TokenError("expired") after WIJKTEAM_FRESHNESS_LINK_DAYS, ("invalid")
    when it was not made by us."""
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=datetime.timedelta(days=link_days()))
    except signing.SignatureExpired as exc:
        raise TokenError("expired") from exc
    except signing.BadSignature as exc:
        raise TokenError("invalid") from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("t"), int):
        raise TokenError("invalid")
    return payload
