# SPDX-License-Identifier: EUPL-1.2
"""Triage of a request: the proposals for its household and the one write path of the worker's decisions.

`proposals_for(hulpvraag, assessment)` feeds the engine (proposals.py) what it needs of the household: the
address point (else the buurt's centre), the wijk code, the age of the person the request is about, and the
doelgroepen by the members' ages. No name, BSN or contact detail leaves this module.

`record_triage(hulpvraag, decisions, *, by, request)` stores one `TriageBesluit` per domain in the triage
(atomic, audited), beside the proposal computed again at that moment (the stored proposal is the server's,
never the form's); a decision that deviates from the proposal needs a reason. The request moves to
"getrieerd" through hulpvragen's status service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import structlog
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.accounts.models import User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.huishoudens.models import Persoon

from ..models import Assessment, Hulpvraag, HulpvraagStatus, Score, TriageBesluit
from ..services import change_status
from .choices import Ondersteuning, Veiligheid
from .proposals import DomainProposal, Household, doelgroepen_for, domain_name, needs_for, propose

log = structlog.get_logger(__name__)


def _age(born: dt.date | None, today: dt.date) -> int | None:
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def household_for(hulpvraag: Hulpvraag) -> Household:
    """What the engine may know of the request's household (see the module docstring)."""
    today = timezone.localdate()
    latitude = longitude = None
    wijk = None
    ages: list[int | None] = []
    household = hulpvraag.huishouden
    buurt = hulpvraag.buurt
    if household is not None:
        adres = household.adres
        latitude, longitude = adres.latitude, adres.longitude
        buurt = adres.buurt or buurt
        ages = [_age(born, today) for born in Persoon.objects.filter(huishouden=household).values_list(
            "geboortedatum", flat=True)]
    if buurt is not None:
        wijk = buurt.wijk.code
        if latitude is None or longitude is None:
            latitude, longitude = buurt.latitude, buurt.longitude
    persoon = hulpvraag.persoon
    leeftijd = _age(persoon.geboortedatum, today) if persoon is not None else None
    if leeftijd is not None and not ages:
        ages = [leeftijd]
    return Household(
        latitude=latitude,
        longitude=longitude,
        wijk=wijk,
        leeftijd=leeftijd,
        doelgroepen=doelgroepen_for(ages),
    )


def latest_assessment(hulpvraag: Hulpvraag) -> Assessment | None:
    return (
        Assessment.objects.filter(hulpvraag=hulpvraag)
        .select_related("instrument")
        .prefetch_related("scores__domein")
        .order_by("-datum", "-id")
        .first()
    )


def proposals_for(hulpvraag: Hulpvraag, assessment: Assessment | None) -> list[DomainProposal]:
    """The engine's proposals for the request's domains and the assessment's scores ≤ 3."""
    scores: dict[str, int | None] = {}
    veiligheid = Veiligheid.VEILIG
    if assessment is not None:
        # One query whether or not the caller prefetched the scores (no query per score's domain).
        scores = dict(Score.objects.filter(assessment=assessment).values_list("domein__code", "niveau"))
        veiligheid = Veiligheid(assessment.veiligheid)
    needs = needs_for(scores, hulpvraag.levensdomeinen or [], veiligheid=veiligheid)
    return propose(household_for(hulpvraag), needs, veiligheid=veiligheid)


@dataclass(frozen=True)
class Decision:
    """The worker's choice for one domain (an LD code)."""

    domein: str
    besluit: Ondersteuning | str
    reden: str = ""


def record_triage(
    hulpvraag: Hulpvraag,
    decisions: Iterable[Decision],
    *,
    by: User,
    request: HttpRequest | None = None,
    proposals: Sequence[DomainProposal] | None = None,
) -> list[TriageBesluit]:
    """Store the decision per domain; every domain of the triage needs one. Raises ValidationError with a
    Dutch message naming the domain when a decision is missing, unknown, or deviates without a reason."""
    assessment = latest_assessment(hulpvraag)
    if assessment is None:
        raise ValidationError(_("Leg eerst het assessment vast, met de vraag over veiligheid."))
    if proposals is None:
        proposals = proposals_for(hulpvraag, assessment)
    by_domain: dict[str, Decision] = {}
    for decision in decisions:
        by_domain[decision.domein] = decision
    errors = _check(proposals, by_domain)
    if errors:
        raise ValidationError(errors)

    now = timezone.now()
    with transaction.atomic():
        locked = Hulpvraag.objects.select_for_update().get(pk=hulpvraag.pk)
        if not locked.is_open and locked.status != HulpvraagStatus.DOORGEZET:
            raise ValidationError(_("Deze hulpvraag is afgesloten; triage kan niet meer."))
        rows = TriageBesluit.objects.bulk_create(
            TriageBesluit(
                hulpvraag=locked,
                assessment=assessment,
                domein=p.code,
                niveau=p.niveau,
                voorstel=p.advies,
                besluit=str(by_domain[p.code].besluit),
                reden=by_domain[p.code].reden.strip(),
                voorgestelde_diensten=[str(o.service_id) for o in p.options],
                buurt_id=locked.buurt_id,
                door=by,
                tijdstip=now,
            )
            for p in proposals
        )
        if locked.status == HulpvraagStatus.NIEUW:
            change_status(locked, HulpvraagStatus.IN_BEHANDELING, by=by, request=request)
        if locked.status == HulpvraagStatus.IN_BEHANDELING:
            change_status(locked, HulpvraagStatus.GETRIEERD, by=by, request=request,
                          toelichting=str(_("Triage vastgelegd")))
        hulpvraag.status = locked.status
        record(
            request,
            Action.CREATE,
            object_type="hulpvragen.triagebesluit",
            object_id=locked.pk,
            user=by,
            person_id=locked.persoon_id,
            household_id=locked.huishouden_id,
            detail={
                "hulpvraag": locked.pk,
                "assessment": assessment.pk,
                "besluiten": {r.domein: r.besluit for r in rows},
                "afwijkend": sorted(r.domein for r in rows if r.wijkt_af),
            },
        )
    log.info("triage_recorded", hulpvraag_id=locked.pk, domains=len(rows),
             deviating=sum(1 for r in rows if r.wijkt_af))
    return rows


def _check(proposals: Sequence[DomainProposal], by_domain: Mapping[str, Decision]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    wanted = {p.code for p in proposals}
    for code in sorted(set(by_domain) - wanted):
        errors.setdefault("__all__", []).append(
            _("%(domein)s hoort niet bij deze triage.") % {"domein": domain_name(code)}
        )
    for p in proposals:
        decision = by_domain.get(p.code)
        field = f"besluit_{p.code}"
        if decision is None or str(decision.besluit) not in Ondersteuning.values:
            errors.setdefault(field, []).append(_("%(domein)s: kies een besluit.") % {"domein": p.naam})
            continue
        if str(decision.besluit) != p.advies and not decision.reden.strip():
            errors.setdefault(f"reden_{p.code}", []).append(
                _("%(domein)s: uw besluit (%(besluit)s) wijkt af van het voorstel (%(voorstel)s). Geef de reden.")
                % {
                    "domein": p.naam,
                    "besluit": Ondersteuning(str(decision.besluit)).label,
                    "voorstel": Ondersteuning(p.advies).label,
                }
            )
    return errors
