# SPDX-License-Identifier: EUPL-1.2
"""Background tasks of the freshness checks (django-tasks; database backend, worker: `manage.py db_worker`).

Schedule `check_freshness_task` daily (or run `manage.py check_freshness` from cron: it does the
same). The mail task is enqueued on commit by `freshness.create_due_tasks`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import structlog
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from ..models import Organization
from ..models.werk import VerificationStatus, VerificationTask
from . import Recipient, create_due_tasks, make_token, recipients

log = structlog.get_logger(__name__)


@task(queue_name="default")
def check_freshness_task() -> dict[str, int]:
    """Daily freshness run (see freshness.create_due_tasks)."""
    run = create_due_tasks()
    return {"created": len(run.created), "cancelled": run.cancelled, "organizations": len(run.organizations)}


def _link(name: str, *args: Any) -> str:
    return f"{settings.WIJKTEAM_SITE_URL}{reverse(name, args=args)}"


@task(queue_name="mail")
def send_verification_mail(organization_id: str, task_ids: list[int]) -> int:
    """Mail the partner about its new "klopt dit nog?" tasks; returns the number of mails sent.
    (Called inside a surrounding transaction, the mails wait for its commit and 0 is returned.)

    Mails nothing twice: the task rows are locked and marked as mailed in one transaction, and the
    mails leave only once that has been committed, so a retried or duplicated job finds nothing left
    to mail. A mail that fails does not stop the others, and is not repeated to those who got theirs.
    A task that no mail reached is unmarked again; the next daily run (freshness.create_due_tasks)
    retries it. (Should the worker die between the commit and the sending, those mails are lost
    rather than ever sent twice.)
    """
    organization = Organization.objects.select_related("organisatie").filter(pk=organization_id).first()
    if organization is None:
        return 0
    stamp = timezone.now()
    with transaction.atomic():
        tasks = list(
            VerificationTask.objects.select_for_update()
            .filter(pk__in=task_ids, status=VerificationStatus.OPEN, mailed_at__isnull=True,
                    service__organization=organization)
            .select_related("service")
            .order_by("service__name", "pk")
        )
        if not tasks:
            return 0
        with translation.override("nl"):
            outgoing = [_Outgoing(recipient.task_ids, _message(organization, tasks, recipient))
                        for recipient in recipients(organization, tasks)]
        # A task nobody could be mailed about stays unmailed: it shows on the beheerder's list of
        # organisations without an address (freshness.unreachable_organizations).
        VerificationTask.objects.filter(pk__in={pk for item in outgoing for pk in item.task_ids}).update(
            mailed_at=stamp)
        sent: list[int] = []
        transaction.on_commit(lambda: sent.append(_send(organization_id, outgoing, stamp, tasks=len(tasks))))
    return sum(sent)


@dataclass(frozen=True)
class _Outgoing:
    task_ids: tuple[int, ...]
    message: EmailMultiAlternatives


def _message(organization: Organization, tasks: list[VerificationTask], recipient: Recipient) -> EmailMultiAlternatives:
    items = [
        {
            "service": t.service,
            "checked_on": t.checked_on,
            "confirm_url": _link("sociale_kaart_werk:klopt_nog_link",
                                 make_token(t, user_id=recipient.user_id, address=recipient.address)),
            "edit_url": _link("sociale_kaart_werk:service_edit", t.service_id),
        }
        for t in tasks
        if t.pk in recipient.task_ids
    ]
    context = {
        "organization": organization,
        "is_partner": recipient.is_partner,
        "items": items,
        "mijn_aanbod_url": _link("sociale_kaart_werk:mijn_aanbod"),
        "link_days": settings.WIJKTEAM_FRESHNESS_LINK_DAYS,
        "hide_months": settings.WIJKTEAM_FRESHNESS_HIDE_MONTHS,
        "gemeente_naam": settings.WIJKTEAM_GEMEENTE_NAAM,
    }
    subject = render_to_string("sociale_kaart/freshness/mail/verificatie_onderwerp.txt", context).strip()
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string("sociale_kaart/freshness/mail/verificatie.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.address],
    )
    message.attach_alternative(render_to_string("sociale_kaart/freshness/mail/verificatie.html", context), "text/html")
    return message


def _send(organization_id: str, outgoing: list[_Outgoing], stamp: datetime.datetime, *, tasks: int) -> int:
    """Send the prepared mails (after the commit that marked their tasks); returns how many went out.

    A failure is logged and the other recipients still get theirs; the tasks that no sent mail
    covered are unmarked (only if still carrying this job's mark), so the next run retries them.
    """
    sent, failed = 0, 0
    reached: set[int] = set()
    for item in outgoing:
        try:
            item.message.send()
        except Exception as exc:  # any mail error: the other recipients still get theirs
            failed += 1
            # Class name only: SMTP errors carry the addresses, and the log holds ids only.
            log.warning("sociale_kaart.verification_mail_failed", organization_id=organization_id,
                        error=type(exc).__name__)
            continue
        sent += 1
        reached.update(item.task_ids)
    unreached = {pk for item in outgoing for pk in item.task_ids} - reached
    if unreached:
        VerificationTask.objects.filter(pk__in=unreached, mailed_at=stamp).update(mailed_at=None)
    # Ids only in the log: no addresses.
    log.info("sociale_kaart.verification_mail", organization_id=organization_id, tasks=tasks, mails=sent,
             failed=failed, unmarked=len(unreached))
    return sent
