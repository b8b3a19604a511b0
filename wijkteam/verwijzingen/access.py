# SPDX-License-Identifier: EUPL-1.2
"""Who may use verwijzingen's pages, the read helpers every view goes through, and what a partner sees.

- Workers (medewerker, teamleider) open a referral through its case's need to know
  (`casussen.access.get_case_for_user`, Scope.CASE); a referral made from triage before any case exists
  is opened through its request (`hulpvragen.access.get_hulpvraag_for_user`, the request's team).
- Partners see the referrals to their own organisation only (Scope.ORGANISATION): another organisation's
  referral is a 403 in the portal and a 404 in the API, both audited. What they see of the resident is
  `partner_view`: exactly the items the resident consented to share for this referral, nothing more.
- The waiting overview is aggregates only: analisten and teamleiders. Escalations: teamleiders (their teams).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest

from wijkteam.accounts.decorators import deny
from wijkteam.accounts.models import Role
from wijkteam.accounts.permissions import has_role, is_verified
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.casussen.access import get_case_for_user, may_edit_case
from wijkteam.hulpvragen.access import get_hulpvraag_for_user
from wijkteam.hulpvragen.models import LEVENSDOMEINEN

from .models import GedeeldGegeven, Verwijzing


def may_refer(user: Any) -> bool:
    """Wijkteam workers and team leads refer; which referrals is need to know (the case, or the request)."""
    return is_verified(user) and has_role(user, Role.MEDEWERKER, Role.TEAMLEIDER)


def may_answer_verwijzingen(user: Any) -> bool:
    """A partner answers the referrals to its own organisation."""
    return is_verified(user) and has_role(user, Role.PARTNER) and getattr(user, "organisatie_id", None) is not None


def may_view_wachttijden(user: Any) -> bool:
    """The waiting overview: aggregates only."""
    return is_verified(user) and has_role(user, Role.ANALIST, Role.TEAMLEIDER)


def may_view_escalaties(user: Any) -> bool:
    return is_verified(user) and has_role(user, Role.TEAMLEIDER)


# --- Workers -----------------------------------------------------------------------------------------


def get_verwijzing_for_worker(request: HttpRequest, pk: int, *, write: bool = False) -> Verwijzing:
    """The referral through its case (need to know) or, without a case, its request (the team). The case or
    request read is audited by its own helper, the referral read here; a refusal is a 403, audited.

    `write`: the caller changes the referral (status, dates, bridging plan, risk signal). A case's referral is
    then for the people on the case only: emergency access reads, it does not act (as the plan and tasks)."""
    v = (Verwijzing.objects.select_related("casus", "hulpvraag", "organisatie", "persoon", "huishouden__adres",
                                           "team", "door", "service")
         .filter(pk=pk).first())
    if v is None or not may_refer(request.user):
        raise deny(request, object_type="verwijzingen.verwijzing", object_id=pk,
                   household_id=v.huishouden_id if v else None)
    casus = None
    try:
        if v.casus_id is not None:
            casus = get_case_for_user(request, v.casus_id)
        elif v.hulpvraag_id is not None:
            get_hulpvraag_for_user(request, v.hulpvraag_id, purpose="verwijzing")
        else:
            raise deny(request, object_type="verwijzingen.verwijzing", object_id=pk, household_id=v.huishouden_id)
    except PermissionDenied:
        # The helper wrote its own DENIED row for the case or request; this one names the referral.
        raise deny(request, object_type="verwijzingen.verwijzing", object_id=pk,
                   household_id=v.huishouden_id) from None
    if write and casus is not None and not may_edit_case(request.user, casus):
        raise deny(request, object_type="verwijzingen.verwijzing", object_id=pk, household_id=v.huishouden_id)
    record(request, Action.READ, obj=v, household_id=v.huishouden_id, person_id=v.persoon_id)
    return v


def escalated_for(user: Any) -> QuerySet[Verwijzing]:
    """Second-line referrals of the team lead's teams (the page filters to those past their norm)."""
    if not may_view_escalaties(user):
        return Verwijzing.objects.none()
    return Verwijzing.objects.filter(team__leden=user.pk)


# --- Partners ----------------------------------------------------------------------------------------


def referrals_of_partner(user: Any) -> QuerySet[Verwijzing]:
    if not may_answer_verwijzingen(user):
        return Verwijzing.objects.none()
    return Verwijzing.objects.filter(organisatie_id=user.organisatie_id)


def get_verwijzing_for_partner(request: HttpRequest, pk: int) -> Verwijzing:
    """A referral to the partner's own organisation; another's (or an unknown id) is a 403, audited."""
    v = (referrals_of_partner(request.user).select_related("persoon", "huishouden__adres", "organisatie")
         .filter(pk=pk).first())
    if v is None:
        raise deny(request, object_type="verwijzingen.verwijzing", object_id=pk)
    record(request, Action.READ, obj=v, household_id=v.huishouden_id, person_id=v.persoon_id,
           detail={"portaal": True, "gedeeld": list(v.gedeeld)})
    return v


def partner_view(v: Verwijzing) -> dict[str, Any]:
    """What the partner may know of the resident: only the consented items. The one place this is decided,
    for the portal and the API alike; keys of items not shared are absent, not empty."""
    shared = set(v.gedeeld)
    data: dict[str, Any] = {}
    persoon = v.persoon
    if GedeeldGegeven.NAAM in shared and persoon is not None:
        data["naam"] = persoon.volledige_naam
    if GedeeldGegeven.CONTACT in shared and persoon is not None:
        data["telefoon"] = persoon.telefoon
        data["email"] = persoon.email
    if GedeeldGegeven.GEBOORTEDATUM in shared and persoon is not None and persoon.geboortedatum is not None:
        data["geboortedatum"] = persoon.geboortedatum.isoformat()
    if GedeeldGegeven.ADRES in shared:
        adres = v.huishouden.adres
        data["adres"] = {"straat": adres.straat, "huisnummer": f"{adres.huisnummer}{adres.huisletter}"
                         f"{'-' + adres.huisnummertoevoeging if adres.huisnummertoevoeging else ''}",
                         "postcode": adres.postcode, "woonplaats": adres.woonplaats}
    if GedeeldGegeven.VRAAG in shared:
        data["hulpvraag"] = v.samenvatting
    if GedeeldGegeven.LEVENSDOMEINEN in shared:
        data["levensdomeinen"] = [str(LEVENSDOMEINEN.get(code, code)) for code in v.levensdomeinen]
    return data
