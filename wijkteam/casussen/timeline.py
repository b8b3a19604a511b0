# SPDX-License-Identifier: EUPL-1.2
"""The case timeline (issue 19 item 3) gathers entries from casussen itself and from the capabilities above it
(`verwijzingen` shows every change of a referral there, issue 20 item 1). Those register a source in their
AppConfig.ready(); casussen imports none of them.

A source takes the case ids of one page (one or many, so it can answer in one query) and returns entries
per case id. A source must run a bounded number of queries whatever the number of cases.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import structlog
from django.utils import timezone
from django.utils.translation import gettext as _

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class TimelineEntry:
    when: dt.datetime
    kind: str  # short machine name, e.g. "contact", "taak", "verwijzing"
    title: str  # one line in Dutch for the worker
    detail: str = ""
    url: str = ""
    by: str = ""  # display name of who did it, if anyone


TimelineSource = Callable[[Sequence[int]], dict[int, list[TimelineEntry]]]

_lock = threading.Lock()
_sources: dict[str, TimelineSource] = {}


def register_timeline_source(name: str, source: TimelineSource) -> None:
    with _lock:
        if name in _sources:
            raise ValueError(f"a timeline source named {name!r} is already registered")
        _sources[name] = source


def unregister_timeline_source(name: str) -> None:
    with _lock:
        _sources.pop(name, None)


def registered_sources() -> dict[str, TimelineSource]:
    with _lock:
        return dict(_sources)


# --- The case's own entries, merged with the registered sources --------------------------------

TIMELINE_LIMIT = 100


def case_timeline(casus: Any, *, limit: int = TIMELINE_LIMIT) -> list[TimelineEntry]:
    """Newest first: status changes, contacts, tasks (added and done), regisseur changes and every registered
    source's entries. Each kind is one query of at most `limit` rows, so the page stays bounded however long
    the case runs; a source that fails is logged and left out (the worker still sees the rest)."""
    # Inside the function: timeline.py is imported by other apps' ready() before casussen's models load.
    from .models import CasusStatus, Contactmoment, RegisseurHistorie, Taak  # app loading: see above

    entries: list[TimelineEntry] = []
    for row in casus.statushistorie.select_related("door").order_by("-tijdstip", "-id")[:limit]:
        title = (_("Casus geopend") if not row.van
                 else _("Status: %(van)s → %(naar)s") % {"van": CasusStatus(row.van).label,
                                                           "naar": CasusStatus(row.naar).label})
        entries.append(TimelineEntry(row.tijdstip, "status", str(title), row.toelichting, by=_name(row.door)))
    contacts = (Contactmoment.objects.filter(casus=casus).select_related("door")
                .order_by("-datum", "-aangemaakt", "-id")[:limit])
    for contact in contacts:
        entries.append(TimelineEntry(_contact_moment(contact), "contact", str(contact.get_soort_display()),
                                     contact.verslag, by=_name(contact.door)))
    for taak in (Taak.objects.filter(casus=casus).select_related("aangemaakt_door", "afgerond_door")
                 .order_by("-aangemaakt", "-id")[:limit]):
        entries.append(TimelineEntry(taak.aangemaakt, "taak", str(_("Taak: %(titel)s") % {"titel": taak.titel}),
                                     taak.toelichting, by=_name(taak.aangemaakt_door) or taak.bron))
        if taak.afgerond is not None:
            entries.append(TimelineEntry(taak.afgerond, "taak_afgerond",
                                         str(_("Taak afgerond: %(titel)s") % {"titel": taak.titel}),
                                         by=_name(taak.afgerond_door)))
    for row in (RegisseurHistorie.objects.filter(casus=casus, vorige__isnull=False)
                .select_related("regisseur", "vorige", "door").order_by("-vanaf", "-id")[:limit]):
        entries.append(TimelineEntry(row.vanaf, "regisseur",
                                     str(_("Regisseur: %(van)s → %(naar)s") % {"van": _name(row.vorige),
                                                                              "naar": _name(row.regisseur)}),
                                     row.reden, by=_name(row.door)))
    for name, source in registered_sources().items():
        try:
            entries.extend(source([casus.pk]).get(casus.pk, [])[:limit])
        except Exception:  # a broken source must not take the case page down with it
            log.exception("timeline_source_failed", source=name, casus_id=casus.pk)
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def _contact_moment(contact: Any) -> dt.datetime:
    """A contact is dated by day; recorded on that day it sorts by when it was saved, else at noon."""
    if timezone.localdate(contact.aangemaakt) == contact.datum:
        return contact.aangemaakt  # type: ignore[no-any-return]
    return timezone.make_aware(dt.datetime.combine(contact.datum, dt.time(12)))


def _name(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name() or user.get_username())
