# SPDX-License-Identifier: EUPL-1.2
"""Freshness: every public service is confirmed regularly by the organisation that offers it.

Timeline, measured from the last check (Service.assured_date, else its creation day):

- after WIJKTEAM_FRESHNESS_VERIFY_MONTHS (6): a VerificationTask appears on the partner's
  "Mijn aanbod" page and one mail goes to the partner's users (and Organisatie.email) with a
  one-click "klopt nog" link per service. An organisation without a partner account (every
  imported one) is mailed at its own e-mail address from the HSDS data, and each service at its own
  address; the beheerder sees the organisations nobody can be mailed at (`unreachable_organizations`);
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

from wijkteam.accounts.models import Role, User

from ..models import PUBLIC_STATUSES, Organization, Service
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
        "id", "assured_date", "created", "organization_id"
    )
    # Pairs that already have a task, in one query, so a daily run over a large kaart does one
    # insert per NEW task only.
    existing = set(
        VerificationTask.objects.filter(service__in=due_services(today)).values_list("service_id", "checked_on")
    )
    wanted: list[VerificationTask] = []
    org_of: dict[Any, str] = {}
    for service in services.iterator(chunk_size=500):
        checked_on = last_checked(service)
        if (service.pk, checked_on) in existing:
            continue
        wanted.append(VerificationTask(service_id=service.pk, checked_on=checked_on, due_on=due_on(checked_on)))
        org_of[service.pk] = str(service.organization_id)
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
            # Every organisation is mailed, partner or not; the mail task finds the addresses.
            new_by_org[org_of[service_id]].append(pk)
    # Tasks whose mail never went out (the mail server was down, the worker crashed) are retried;
    # those of organisations without any address wait on the beheerder's list instead.
    unreachable = {org.pk for org, _count in unreachable_organizations()}
    unmailed = VerificationTask.objects.filter(
        status=VerificationStatus.OPEN, mailed_at__isnull=True
    ).exclude(pk__in=run.created).exclude(service__organization_id__in=unreachable).values_list(
        "pk", "service__organization_id")
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


def make_token(task: VerificationTask, *, user_id: int | None, address: str = "") -> str:
    """Signed, timestamped token for the "klopt nog" link of one task (and who it was sent to: a
    partner user's id, or for a general or HSDS address that address, which confirms as the assurer)."""
    payload: dict[str, Any] = {"t": task.pk, "u": user_id}
    if user_id is None and address:
        payload["a"] = address
    return signing.dumps(payload, salt=TOKEN_SALT, compress=True)


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


# --- who can be reached ------------------------------------------------------------------------


def partner_addresses(organization: Organization) -> list[tuple[str, int | None]]:
    """(address, user id) pairs of a partner organisation: its active partner users with an e-mail
    address, then the partner organisation's general address (user id None). Empty without a partner."""
    if organization.organisatie_id is None:
        return []
    found: dict[str, int | None] = {}
    users = User.objects.filter(
        organisatie_id=organization.organisatie_id, role=Role.PARTNER, is_active=True
    ).exclude(email="").order_by("pk")
    for user in users:
        found.setdefault(user.email.strip().lower(), user.pk)
    organisatie_email = organization.organisatie.email if organization.organisatie else ""
    if organisatie_email:
        found.setdefault(organisatie_email.strip().lower(), None)
    return list(found.items())


@dataclass(frozen=True)
class Recipient:
    address: str
    user_id: int | None
    # The tasks this address is asked about; a service's own address only hears of that service.
    task_ids: tuple[int, ...]
    # A partner user may edit after logging in; an HSDS address can only confirm (or reply).
    is_partner: bool


def recipients(organization: Organization, tasks: list[VerificationTask]) -> list[Recipient]:
    """Who is asked about these tasks: the partner's addresses when it has any; otherwise the
    organisation's own e-mail from the HSDS data (about all of them) and each service's e-mail
    (about that service). One address gets one mail."""
    every = tuple(t.pk for t in tasks)
    partner = partner_addresses(organization)
    if partner:
        return [Recipient(address, user_id, every, True) for address, user_id in partner]
    by_address: dict[str, list[int]] = {}
    if organization.email.strip():
        by_address[organization.email.strip().lower()] = list(every)
    for task in tasks:
        address = task.service.email.strip().lower()
        if address and task.pk not in by_address.setdefault(address, []):
            by_address[address].append(task.pk)
    return [Recipient(address, None, tuple(ids), False) for address, ids in by_address.items()]


def unreachable_organizations() -> list[tuple[Organization, int]]:
    """Organisations with open "klopt dit nog?" tasks that no mail can reach, with the number of
    such tasks: no partner address, no e-mail of their own and none on the waiting services."""
    open_tasks = VerificationTask.objects.filter(status=VerificationStatus.OPEN)
    organizations = Organization.objects.filter(
        pk__in=open_tasks.values("service__organization_id")
    ).select_related("organisatie").order_by("name", "pk")
    with_service_address = set(
        open_tasks.exclude(service__email="").values_list("service__organization_id", flat=True)
    )
    counts: dict[Any, int] = defaultdict(int)
    for organization_id in open_tasks.values_list("service__organization_id", flat=True):
        counts[organization_id] += 1
    return [
        (organization, counts[organization.pk])
        for organization in organizations
        if not organization.email.strip() and organization.pk not in with_service_address
        and not partner_addresses(organization)
    ]
