# SPDX-License-Identifier: EUPL-1.2
"""Background tasks of the freshness checks (django-tasks; database backend, worker: `manage.py db_worker`).

Schedule `check_freshness_task` daily (or run `manage.py check_freshness` from cron: it does the
same). The mail task is enqueued on commit by `freshness.create_due_tasks`.
"""

from __future__ import annotations

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
from . import create_due_tasks, make_token, recipients

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

    Idempotent: tasks that were mailed before (mailed_at set) or are no longer open are skipped,
    and the task rows are locked while mailing, so a retried or duplicated job mails nothing twice.
    """
    organization = Organization.objects.select_related("organisatie").filter(pk=organization_id).first()
    if organization is None:
        return 0
    sent = 0
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
        mailed: set[int] = set()
        with translation.override("nl"):
            for recipient in recipients(organization, tasks):
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
                html = render_to_string("sociale_kaart/freshness/mail/verificatie.html", context)
                message.attach_alternative(html, "text/html")
                message.send()
                sent += 1
                mailed.update(recipient.task_ids)
        # A task nobody could be mailed about stays unmailed: it shows on the beheerder's list of
        # organisations without an address (freshness.unreachable_organizations).
        VerificationTask.objects.filter(pk__in=mailed).update(mailed_at=timezone.now())
    # Ids only in the log: no addresses.
    log.info("sociale_kaart.verification_mail", organization_id=organization_id, tasks=len(tasks), mails=sent)
    return sent
