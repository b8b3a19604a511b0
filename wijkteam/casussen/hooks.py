# SPDX-License-Identifier: EUPL-1.2
"""What casussen registers with the apps below it (in CasussenConfig.ready()):

- vroegsignalering's open-case lookup: a new signal for a household with an open case goes to its regisseur;
- hulpvragen's next step "Casus openen" on the triage screen.
(The need-to-know grant and restriction for huishoudens are in access.py.)
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkteam.accounts.permissions import has_role
from wijkteam.huishoudens.links import HouseholdLink
from wijkteam.hulpvragen.next_steps import NextStep
from wijkteam.vroegsignalering.handoff import CaseRef

from .access import cases_visible_to
from .models import CASUS_OPEN, Casus
from .services import CASE_WORKER_ROLES

# Above this many households, one range query instead of an IN list (SQLite allows 32766 parameters).
LOOKUP_CHUNK = 1000


def open_cases_by_household(household_ids: list[int]) -> dict[int, CaseRef]:
    """Household id → its open case.

    Few households: one IN query per LOOKUP_CHUNK. Many (a monthly signal file asks for thousands per chunk):
    the open cases whose household id lies in the asked range, matched here. Why: an IN list through the ORM
    costs ~6 µs per element, and a municipality has far fewer open cases than a file has households.
    """
    unique = sorted(set(household_ids))
    open_cases = Casus.objects.filter(status__in=sorted(CASUS_OPEN))
    if len(unique) > LOOKUP_CHUNK:
        wanted = set(unique)
        rows = [row for row in open_cases.filter(huishouden_id__gte=unique[0], huishouden_id__lte=unique[-1])
                .values_list("pk", "huishouden_id", "regisseur_id").order_by("pk") if row[1] in wanted]
    else:
        rows = list(open_cases.filter(huishouden_id__in=unique).values_list("pk", "huishouden_id", "regisseur_id")
                    .order_by("pk"))
    return {household_id: CaseRef(case_id=pk, regisseur_id=regisseur_id,
                                  url=reverse("casussen:casus_detail", args=[pk]))
            for pk, household_id, regisseur_id in rows}


def open_case_url(hulpvraag: Any) -> str:
    query = {"huishouden": hulpvraag.huishouden_id, "hulpvraag": hulpvraag.pk}
    return f"{reverse('casussen:casus_openen')}?{urlencode(query)}"


def _may_open_case(user: Any, hulpvraag: Any) -> bool:
    # The role only: the triage screen is behind the second factor already, and the page itself checks again.
    return has_role(user, *CASE_WORKER_ROLES) and getattr(hulpvraag, "huishouden_id", None) is not None


OPEN_CASE_STEP = NextStep(name="casussen.casus_openen", label=_("Casus openen"), url=open_case_url,
                          available=_may_open_case, order=20)


def household_case_links(request: Any, household: Any) -> list[HouseholdLink]:
    """On the household page: its cases the user may open, or "Casus openen" when none is open."""
    cases = list(cases_visible_to(request.user).filter(huishouden_id=household.pk).order_by("-pk")[:5])
    links = [HouseholdLink(_("Casus"), reverse("casussen:casus_detail", args=[c.pk]), c.get_status_display())
             for c in cases]
    has_open = Casus.objects.filter(huishouden_id=household.pk, status__in=sorted(CASUS_OPEN)).exists()
    if not has_open and has_role(request.user, *CASE_WORKER_ROLES):
        links.append(HouseholdLink(_("Casus openen"),
                                   f"{reverse('casussen:casus_openen')}?{urlencode({'huishouden': household.pk})}"))
    return links
