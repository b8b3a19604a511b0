# SPDX-License-Identifier: EUPL-1.2
"""The handover summary of a case (warme overdracht, issue 19 item 5): situation, plan, open actions, key
contacts and network, risks, the last three contacts, and who was regisseur.

It is never stored: it is read from the case each time, so it is current the moment a contact is saved.
`handover_summaries` builds it for many cases at once (the redistribution screen) in a fixed number of
queries, whatever the number of cases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from wijkteam.hulpvragen.models import Assessment
from wijkteam.hulpvragen.triage.choices import Veiligheid

from ..models import INFORMEEL, Betrokkene, Casus, Contactmoment, PlanActie, RegisseurHistorie, Taak

LAST_CONTACTS = 3
OPEN_ITEMS_SHOWN = 20


@dataclass
class HandoverSummary:
    casus: Casus
    situatie: str
    eigen_woorden: str
    risicos: str
    afspraken: str
    doelen: list[Any]
    open_acties: list[PlanActie]
    open_taken: list[Taak]
    netwerk: list[Betrokkene]
    professionals: list[Betrokkene]
    contacten: list[Contactmoment]
    regisseurs: list[RegisseurHistorie]
    veiligheid: str = ""  # the latest assessment's answer to the safety question, when it raised a concern
    veiligheid_toelichting: str = ""
    te_laat: int = 0
    leden: list[Any] = field(default_factory=list)


def handover_summaries(cases: Sequence[Casus]) -> dict[int, HandoverSummary]:
    """Summaries for these cases in eight queries (one per kind of row), whatever their number."""
    ids = [c.pk for c in cases]
    if not ids:
        return {}
    today = timezone.localdate()
    rows = (Casus.objects.filter(pk__in=ids).select_related("plan", "regisseur", "huishouden__adres__buurt")
            .prefetch_related(
                "plan__doelen",
                Prefetch("plan__acties", queryset=PlanActie.objects.filter(afgerond=False)
                         .order_by("wanneer", "id")[:OPEN_ITEMS_SHOWN], to_attr="open_acties"),
                Prefetch("plan__betrokkenen", queryset=Betrokkene.objects.order_by("volgorde", "id")),
                Prefetch("taken", queryset=Taak.objects.filter(afgerond__isnull=True).select_related("toegewezen_aan")
                         .order_by("deadline", "id")[:OPEN_ITEMS_SHOWN], to_attr="open_taken"),
                Prefetch("contactmomenten", queryset=Contactmoment.objects.select_related("door")
                         .order_by("-datum", "-aangemaakt", "-id")[:LAST_CONTACTS], to_attr="laatste_contacten"),
                Prefetch("regisseurhistorie", queryset=RegisseurHistorie.objects.select_related("regisseur")
                         .order_by("-vanaf", "-id")[:5], to_attr="laatste_regisseurs"),
            ))
    households = [c.huishouden_id for c in cases]
    safety: dict[int, Assessment] = {}
    for assessment in Assessment.objects.filter(huishouden_id__in=households).order_by("huishouden_id", "datum", "id"):
        if assessment.huishouden_id is not None:
            safety[assessment.huishouden_id] = assessment  # the last one per household wins
    result: dict[int, HandoverSummary] = {}
    for casus in rows:
        plan = casus.plan
        people = list(plan.betrokkenen.all())
        taken: list[Taak] = casus.open_taken  # type: ignore[attr-defined]
        for taak in taken:
            taak.te_laat = taak.is_te_laat(today)  # type: ignore[attr-defined]
        latest = safety.get(casus.huishouden_id)
        concern = latest is not None and latest.veiligheid not in ("", Veiligheid.VEILIG)
        result[casus.pk] = HandoverSummary(
            casus=casus, situatie=plan.situatie, eigen_woorden=plan.eigen_woorden, risicos=plan.risicos,
            afspraken=plan.afspraken, doelen=list(plan.doelen.all()),
            open_acties=plan.open_acties,  # type: ignore[attr-defined]
            open_taken=taken,
            netwerk=[b for b in people if b.soort in INFORMEEL],
            professionals=[b for b in people if b.soort not in INFORMEEL],
            contacten=casus.laatste_contacten,  # type: ignore[attr-defined]
            regisseurs=casus.laatste_regisseurs,  # type: ignore[attr-defined]
            veiligheid=latest.get_veiligheid_display() if concern and latest is not None else "",
            veiligheid_toelichting=latest.veiligheid_toelichting if concern and latest is not None else "",
            te_laat=sum(1 for t in taken if getattr(t, "te_laat", False)),
        )
    return result


def handover_summary(casus: Casus) -> HandoverSummary:
    return handover_summaries([casus])[casus.pk]


def days_since(day: dt.date | None) -> int | None:
    return None if day is None else (timezone.localdate() - day).days
