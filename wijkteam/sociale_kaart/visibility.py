# SPDX-License-Identifier: EUPL-1.2
"""Which services residents and API consumers see: the ONE definition of "publicly visible".

A service is publicly visible when
- its status is public (`Service.objects.public()`: active or temporarily closed), and
- it has been checked recently enough: its `assured_date` (or, when never assured, the day it was
  created) is less than `WIJKTEAM_FRESHNESS_HIDE_MONTHS` (default 12) months ago.

Stale services are not deleted or deactivated: they stay fully visible to editors (worklist
/werk/sociale-kaart/verouderd/) and reappear the moment their organisation confirms "klopt nog".
Deriving visibility from dates (never a stored flag) means it cannot drift and needs no nightly job
to hide anything.

Public search, the public service page and the public API all filter through
`publicly_visible(qs)`; use `is_publicly_visible(service)` for a single object.
"""

from __future__ import annotations

import calendar
import datetime
from typing import TypeVar

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import PUBLIC_STATUSES, Service

DEFAULT_VERIFY_MONTHS = 6
DEFAULT_HIDE_MONTHS = 12

_QS = TypeVar("_QS", bound=QuerySet[Service])


def verify_months() -> int:
    """Months after the last check at which the partner is asked to verify (settings-driven)."""
    return int(getattr(settings, "WIJKTEAM_FRESHNESS_VERIFY_MONTHS", DEFAULT_VERIFY_MONTHS))


def hide_months() -> int:
    """Months after the last check at which a service disappears from public search."""
    return int(getattr(settings, "WIJKTEAM_FRESHNESS_HIDE_MONTHS", DEFAULT_HIDE_MONTHS))


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved by whole calendar months (negative: back), clamped to the month's end:
    31 August minus 6 months is 28/29 February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _today(today: datetime.date | None) -> datetime.date:
    return today if today is not None else timezone.localdate()


def hide_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Services last checked BEFORE this date are hidden. Checked on this date: still visible."""
    return add_months(_today(today), -hide_months())


def verify_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Services last checked BEFORE this date are due for verification."""
    return add_months(_today(today), -verify_months())


def _start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def checked_before(cutoff: datetime.date) -> Q:
    """Q for services whose last check (assured_date, else creation day) lies before `cutoff`.

    A service that was never assured counts from its creation: a fresh import is not stale, an old
    record without any check is.
    """
    return Q(assured_date__lt=cutoff) | Q(assured_date__isnull=True, created__lt=_start_of_day(cutoff))


def fresh_q(today: datetime.date | None = None) -> Q:
    """Q for services that are fresh enough to be shown publicly."""
    return ~checked_before(hide_cutoff(today))


def publicly_visible(qs: _QS, *, today: datetime.date | None = None) -> _QS:
    """Narrow a Service queryset to what the public may see (public status AND not stale)."""
    return qs.filter(status__in=PUBLIC_STATUSES).filter(fresh_q(today))


def last_checked(service: Service) -> datetime.date:
    """The date freshness is measured from."""
    if service.assured_date is not None:
        return service.assured_date
    return timezone.localdate(service.created) if service.created else timezone.localdate()


def is_stale(service: Service, *, today: datetime.date | None = None) -> bool:
    """True when the service is hidden from the public because nobody confirmed it in time."""
    return last_checked(service) < hide_cutoff(today)


def is_publicly_visible(service: Service, *, today: datetime.date | None = None) -> bool:
    return service.status in PUBLIC_STATUSES and not is_stale(service, today=today)
