# SPDX-License-Identifier: EUPL-1.2
"""What verwijzingen registers with the apps below it (in VerwijzingenConfig.ready()):

- casussen's timeline: every event of a referral (sent, each status, dates, bridging plan, reminders,
  escalations, the warme overdracht) is an entry on its case's timeline;
- hulpvragen's next step "Verwijzen" on the triage screen;
- casussen's case actions: refer from the case, and the case's referrals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkteam.casussen.access import may_edit_case
from wijkteam.casussen.actions import CaseAction
from wijkteam.casussen.timeline import TIMELINE_LIMIT, TimelineEntry
from wijkteam.hulpvragen.next_steps import NextStep

from .access import may_refer
from .models import Gebeurtenis, VerwijzingGebeurtenis, VerwijzingStatus


def _title(event: VerwijzingGebeurtenis) -> str:
    aanbod = event.verwijzing.aanbod_naam
    if event.soort == Gebeurtenis.AANGEMAAKT:
        return _("Verwezen naar %(aanbod)s") % {"aanbod": aanbod}
    if event.soort == Gebeurtenis.STATUS:
        return _("Verwijzing %(aanbod)s: %(van)s → %(naar)s") % {
            "aanbod": aanbod, "van": VerwijzingStatus(event.van).label if event.van else "",
            "naar": VerwijzingStatus(event.naar).label if event.naar else ""}
    return _("Verwijzing %(aanbod)s: %(soort)s") % {"aanbod": aanbod, "soort": Gebeurtenis(event.soort).label}


def timeline_source(case_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
    """One query for all cases of a page, at most TIMELINE_LIMIT entries per case shown by the caller."""
    rows = (VerwijzingGebeurtenis.objects.filter(verwijzing__casus_id__in=list(case_ids))
            .select_related("verwijzing", "door").order_by("-tijdstip", "-id")[:TIMELINE_LIMIT * max(1, len(case_ids))])
    found: dict[int, list[TimelineEntry]] = {}
    for event in rows:
        casus_id = event.verwijzing.casus_id
        assert casus_id is not None
        by = (event.door.get_full_name() or event.door.get_username()) if event.door else event.door_systeem
        found.setdefault(casus_id, []).append(TimelineEntry(
            when=event.tijdstip, kind="verwijzing", title=_title(event), detail=event.toelichting,
            url=reverse("verwijzingen:detail", args=[event.verwijzing_id]), by=by))
    return found


def refer_url(hulpvraag: Any) -> str:
    return f"{reverse('verwijzingen:nieuw')}?{urlencode({'hulpvraag': hulpvraag.pk})}"


def _may_refer_from(user: Any, hulpvraag: Any) -> bool:
    # The role only: the triage screen is behind the second factor, and the page checks the request again.
    return may_refer(user) and getattr(hulpvraag, "huishouden_id", None) is not None


REFER_STEP = NextStep(name="verwijzingen.verwijzen", label=gettext_lazy("Verwijzen"), url=refer_url,
                      available=_may_refer_from, order=10)


def _refer_case_url(casus: Any) -> str:
    return f"{reverse('verwijzingen:nieuw')}?{urlencode({'casus': casus.pk})}"


def _case_list_url(casus: Any) -> str:
    return reverse("verwijzingen:casus_lijst", args=[casus.pk])


def _may_refer_case(user: Any, casus: Any) -> bool:
    return may_refer(user) and casus.is_open and may_edit_case(user, casus)


REFER_CASE_ACTION = CaseAction(name="verwijzingen.verwijzen", label=gettext_lazy("Verwijzen naar een voorziening of "
                                                                                 "de tweede lijn"),
                               url=_refer_case_url, available=_may_refer_case, order=10)
CASE_REFERRALS_ACTION = CaseAction(name="verwijzingen.lijst", label=gettext_lazy("Verwijzingen van deze casus"),
                                   url=_case_list_url, order=11)
