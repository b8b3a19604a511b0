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

from wijkteam.accounts.models import Role, User

from ..models import Organization
from ..models.werk import VerificationStatus, VerificationTask
from . import create_due_tasks, make_token

log = structlog.get_logger(__name__)


@task(queue_name="default")
def check_freshness_task() -> dict[str, int]:
    """Daily freshness run (see freshness.create_due_tasks)."""
    run = create_due_tasks()
    return {"created": len(run.created), "cancelled": run.cancelled, "organizations": len(run.organizations)}


def recipients(organization: Organization) -> list[tuple[str, int | None]]:
    """(address, user id) pairs: the partner's active users with an e-mail address, then the
    partner organisation's general address (user id None). One address gets one mail."""
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
        with translation.override("nl"):
            for address, user_id in recipients(organization):
                items = [
                    {
                        "service": t.service,
                        "checked_on": t.checked_on,
                        "confirm_url": _link("sociale_kaart_werk:klopt_nog_link", make_token(t, user_id=user_id)),
                        "edit_url": _link("sociale_kaart_werk:service_edit", t.service_id),
                    }
                    for t in tasks
                ]
                context = {
                    "organization": organization,
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
                    to=[address],
                )
                html = render_to_string("sociale_kaart/freshness/mail/verificatie.html", context)
                message.attach_alternative(html, "text/html")
                message.send()
                sent += 1
        VerificationTask.objects.filter(pk__in=[t.pk for t in tasks]).update(mailed_at=timezone.now())
    # Ids only in the log: no addresses.
    log.info("sociale_kaart.verification_mail", organization_id=organization_id, tasks=len(tasks), mails=sent)
    return sent
