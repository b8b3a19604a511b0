# SPDX-License-Identifier: EUPL-1.2
"""The one write path of assessments: `record_assessment` stores the scores of one assessment.

Data minimisation: only the domains given are scored (the request's domains and those the worker adds);
a domain left open gets no row at all. The safety question is required every time. The request moves
from "nieuw" to "in behandeling" (intake is under way), through hulpvragen's status service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
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

from ..models import Assessment, Hulpvraag, HulpvraagStatus, Instrument, InstrumentDomein, Score
from ..services import change_status
from ..triage.choices import Veiligheid
from .instruments import DEFAULT_INSTRUMENT

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class DomainScore:
    niveau: int
    toelichting: str = ""


def current_instrument(code: str = DEFAULT_INSTRUMENT) -> Instrument:
    """The newest published version: new assessments use it; old ones keep theirs."""
    instrument = (
        Instrument.objects.filter(code=code, gepubliceerd__lte=timezone.localdate()).order_by("-versie").first()
    )
    if instrument is None:
        raise Instrument.DoesNotExist(f"no published version of instrument {code!r}")
    return instrument


def record_assessment(
    hulpvraag: Hulpvraag,
    scores: Mapping[str, DomainScore],
    *,
    veiligheid: Veiligheid | str,
    by: User,
    request: HttpRequest | None = None,
    veiligheid_toelichting: str = "",
    instrument: Instrument | None = None,
    persoon: Persoon | None = None,
    datum: dt.date | None = None,
) -> Assessment:
    """Store one assessment (scores keyed by LD code) for the request's household. Atomic, audited."""
    instrument = instrument or current_instrument()
    domains = {d.code: d for d in InstrumentDomein.objects.filter(instrument=instrument)}
    errors: dict[str, list[str]] = {}
    if veiligheid not in Veiligheid.values:
        errors.setdefault("veiligheid", []).append(_("Beantwoord de vraag over veiligheid."))
    if veiligheid != Veiligheid.VEILIG and not veiligheid_toelichting.strip():
        errors.setdefault("veiligheid_toelichting", []).append(
            _("Licht toe wat er speelt rond de veiligheid: wie, wat, sinds wanneer.")
        )
    if not scores:
        errors.setdefault("__all__", []).append(_("Scoor ten minste één levensdomein."))
    for code, score in scores.items():
        if code not in domains:
            errors.setdefault("__all__", []).append(
                _("%(code)s is geen domein van dit instrument.") % {"code": code}
            )
        elif score.niveau not in (1, 2, 3, 4, 5):
            errors.setdefault("__all__", []).append(
                _("%(domein)s: kies een niveau van 1 tot en met 5.") % {"domein": domains[code].naam}
            )
    if persoon is not None and hulpvraag.huishouden_id is not None and persoon.huishouden_id != hulpvraag.huishouden_id:
        errors.setdefault("persoon", []).append(_("Deze persoon hoort niet bij het huishouden van de hulpvraag."))
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        locked = Hulpvraag.objects.select_for_update().get(pk=hulpvraag.pk)
        if not locked.is_open:
            raise ValidationError(_("Deze hulpvraag is afgesloten; een assessment kan niet meer."))
        assessment = Assessment.objects.create(
            hulpvraag=locked,
            huishouden_id=locked.huishouden_id,
            persoon=persoon,
            instrument=instrument,
            door=by,
            datum=datum or timezone.localdate(),
            veiligheid=str(veiligheid),
            veiligheid_toelichting=veiligheid_toelichting.strip(),
        )
        Score.objects.bulk_create(
            Score(assessment=assessment, domein=domains[code], niveau=s.niveau, toelichting=s.toelichting.strip())
            for code, s in sorted(scores.items())
        )
        if locked.status == HulpvraagStatus.NIEUW:
            change_status(locked, HulpvraagStatus.IN_BEHANDELING, by=by, request=request,
                          toelichting=str(_("Assessment vastgelegd")))
            hulpvraag.status = locked.status
        record(
            request,
            Action.CREATE,
            obj=assessment,
            user=by,
            person_id=persoon.pk if persoon is not None else locked.persoon_id,
            household_id=locked.huishouden_id,
            detail={"hulpvraag": locked.pk, "instrument": f"{instrument.code}/{instrument.versie}",
                    "domeinen": sorted(scores), "veiligheid": str(veiligheid)},
        )
    log.info("assessment_recorded", assessment_id=assessment.pk, hulpvraag_id=locked.pk, domains=len(scores))
    return assessment
