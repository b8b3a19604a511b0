# SPDX-License-Identifier: EUPL-1.2
"""Caseload and continuity (issue 19 items 4-5): weights, load per FTE against the team norm, absences, and the
redistribution of an absent or leaving worker's cases.

The weight of a case is what the worker set (licht / middel / zwaar) or, when empty, derived from the domains
(`WEIGHT_RULE`): the number of life domains scored 1 or 2 ("acuut" or "niet zelfredzaam") in the household's
latest assessment; without an assessment the number of life domains with a goal in the plan. 0-1 is light,
2-3 medium, 4 or more heavy. Both counts are subqueries, so a list of any length gets its weights in its one
query.

The team norm and the FTEs are set only through `save_norm` and `set_fte`; each value set is also kept as an
append-only history row (`TeamNormHistorie`, `MedewerkerProfielHistorie`), so the load of a past day can be
computed with the settings of that day.

The redistribution (`propose_redistribution`) hands the cases out heaviest first (LPT). Each case goes to a
worker whose load per FTE after taking it stays within one heavy case of the lowest load; among those it
prefers who already has cases in the same buurt, then the same wijk, then the lowest load. That keeps the
spread of the receiving workers' loads within one heavy case (with equal FTEs: the points of one heavy case)
while keeping wijk familiarity. `apply_redistribution` writes it in one transaction through
`casussen.services.set_regisseur`, with reason "afwezigheid" or "vertrek", and a `Overdracht` per case for
monitoring.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import structlog
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkteam.accounts.models import Role, Team, User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.hulpvragen.models import Assessment, Score

from .. import services as casus_services
from ..models import (
    CASUS_OPEN,
    Afwezigheid,
    AfwezigheidSoort,
    Casus,
    Gewicht,
    MedewerkerProfiel,
    MedewerkerProfielHistorie,
    Overdracht,
    PlanDoel,
    TeamNorm,
    TeamNormHistorie,
)

log = structlog.get_logger(__name__)

WEIGHT_RULE = gettext_lazy(
    "Zonder gekozen gewicht telt het aantal levensdomeinen dat in de laatste zelfredzaamheidsmeting van het "
    "huishouden op 1 of 2 staat (acuut of niet zelfredzaam); zonder meting het aantal levensdomeinen met een "
    "doel in het plan. 0 of 1 domein is licht, 2 of 3 is middel, 4 of meer is zwaar.")
WEAK_LEVEL = 2  # score 1 (acuut) and 2 (niet zelfredzaam) count as a domain that needs the worker
MEDIUM_FROM, HEAVY_FROM = 2, 4

# Reasons written into RegisseurHistorie; short codes in Dutch so the timeline reads them as words.
REDEN_AFWEZIGHEID = "afwezigheid"
REDEN_VERTREK = "vertrek"


# --- Weights --------------------------------------------------------------------------------------


def with_weights(cases: QuerySet[Casus]) -> QuerySet[Casus]:
    """Annotate `zwakke_domeinen` (latest assessment, None without one) and `doel_domeinen` (plan goals)."""
    latest = (Assessment.objects.filter(huishouden_id=OuterRef(OuterRef("huishouden_id")))
              .order_by("-datum", "-id").values("id")[:1])
    weak = (Score.objects.filter(assessment_id=Subquery(latest), niveau__lte=WEAK_LEVEL)
            .values("assessment_id").annotate(n=Count("id")).values("n"))
    has_assessment = Assessment.objects.filter(huishouden_id=OuterRef("huishouden_id")).values("id")[:1]
    goals = (PlanDoel.objects.filter(plan__casus_id=OuterRef("pk")).values("plan_id")
             .annotate(n=Count("levensdomein", distinct=True)).values("n"))
    return cases.annotate(
        heeft_meting=Subquery(has_assessment, output_field=IntegerField()),
        zwakke_domeinen=Coalesce(Subquery(weak, output_field=IntegerField()), Value(0)),
        doel_domeinen=Coalesce(Subquery(goals, output_field=IntegerField()), Value(0)),
    )


def derive_weight(*, zwakke_domeinen: int | None, doel_domeinen: int) -> str:
    count = zwakke_domeinen if zwakke_domeinen is not None else doel_domeinen
    if count >= HEAVY_FROM:
        return Gewicht.ZWAAR
    if count >= MEDIUM_FROM:
        return Gewicht.MIDDEL
    return Gewicht.LICHT


def effective_weight(casus: Casus) -> tuple[str, bool]:
    """(weight, derived?) of a case from `with_weights`."""
    if casus.gewicht:
        return casus.gewicht, False
    weak = getattr(casus, "zwakke_domeinen", 0) if getattr(casus, "heeft_meting", None) is not None else None
    return derive_weight(zwakke_domeinen=weak, doel_domeinen=getattr(casus, "doel_domeinen", 0)), True


def norm_for(team: Team) -> TeamNorm:
    """The team's norm; an unsaved default when the team lead never set one."""
    norm = TeamNorm.objects.filter(team=team).first()
    return norm if norm is not None else TeamNorm(team=team)


def points(norm: TeamNorm, gewicht: str) -> int:
    by_weight: dict[str, int] = {Gewicht.LICHT: norm.punten_licht, Gewicht.MIDDEL: norm.punten_middel,
                                 Gewicht.ZWAAR: norm.punten_zwaar}
    return by_weight.get(gewicht, norm.punten_licht)


# --- Load per worker -------------------------------------------------------------------------------


@dataclass
class WorkerLoad:
    user: User
    fte: Decimal
    punten: int = 0
    casussen: int = 0
    zwaar: int = 0
    afwezig: Afwezigheid | None = None

    @property
    def per_fte(self) -> Decimal:
        return (Decimal(self.punten) / self.fte).quantize(Decimal("0.1"))

    def overloaded(self, norm: TeamNorm) -> bool:
        return self.per_fte > norm.punten_per_fte


def team_workers(team: Team) -> list[User]:
    return list(team.leden.filter(role__in=(Role.MEDEWERKER, Role.TEAMLEIDER), is_active=True)
                .order_by("first_name", "last_name", "pk"))


def active_absences(team: Team, on: dt.date | None = None) -> dict[int, Afwezigheid]:
    day = on or timezone.localdate()
    rows = (Afwezigheid.objects.filter(team=team, vanaf__lte=day).filter(Q(tot__isnull=True) | Q(tot__gte=day))
            .order_by("vanaf", "id"))
    return {a.medewerker_id: a for a in rows}


def team_load(team: Team, norm: TeamNorm | None = None) -> list[WorkerLoad]:
    """Every worker of the team with their open cases as regisseur, in points and per FTE. Four queries."""
    norm = norm or norm_for(team)
    workers = team_workers(team)
    ftes = dict(MedewerkerProfiel.objects.filter(team=team).values_list("medewerker_id", "fte"))
    absent = active_absences(team)
    loads = {u.pk: WorkerLoad(user=u, fte=Decimal(ftes.get(u.pk, Decimal("1.00"))), afwezig=absent.get(u.pk))
             for u in workers}
    cases = with_weights(Casus.objects.filter(team=team, status__in=sorted(CASUS_OPEN), regisseur__in=list(loads)))
    for casus in cases.only("pk", "gewicht", "regisseur_id", "huishouden_id"):
        weight, _derived = effective_weight(casus)
        load = loads[casus.regisseur_id]
        load.punten += points(norm, weight)
        load.casussen += 1
        load.zwaar += weight == Gewicht.ZWAAR
    return list(loads.values())


def overloaded_workers(team: Team) -> list[WorkerLoad]:
    norm = norm_for(team)
    return [w for w in team_load(team, norm) if w.user.role == Role.MEDEWERKER and w.overloaded(norm)]


def overload_count(user: Any) -> int:
    """For the team lead's badge: workers above their team's norm, over the lead's teams."""
    if getattr(user, "role", None) != Role.TEAMLEIDER:
        return 0
    return sum(len(overloaded_workers(team)) for team in user.teams.all())


# --- Settings: the norm and FTEs ------------------------------------------------------------------


NORM_FIELDS = ("punten_per_fte", "punten_licht", "punten_middel", "punten_zwaar")


def save_norm(team: Team, *, punten_per_fte: int, punten_licht: int, punten_middel: int, punten_zwaar: int,
              by: User, request: HttpRequest | None = None) -> TeamNorm:
    """The team's norm; a `TeamNormHistorie` row when it is set for the first time or any of its values changes."""
    if not 1 <= punten_licht <= punten_middel <= punten_zwaar:
        raise ValidationError({"punten_zwaar": _("De punten moeten oplopen: licht ≤ middel ≤ zwaar, en licht "
                                                 "minstens 1.")})
    if punten_per_fte < 1:
        raise ValidationError({"punten_per_fte": _("De norm moet minstens 1 punt per fte zijn.")})
    with transaction.atomic():
        norm, created = TeamNorm.objects.select_for_update().get_or_create(team=team)
        before = tuple(getattr(norm, name) for name in NORM_FIELDS)
        norm.punten_per_fte, norm.punten_licht = punten_per_fte, punten_licht
        norm.punten_middel, norm.punten_zwaar = punten_middel, punten_zwaar
        norm.gewijzigd, norm.gewijzigd_door = timezone.now(), by
        norm.save()
        if created or before != tuple(getattr(norm, name) for name in NORM_FIELDS):
            TeamNormHistorie.objects.create(team=team, vanaf=norm.gewijzigd, door=by,
                                            **{name: getattr(norm, name) for name in NORM_FIELDS})
        record(request, Action.UPDATE, obj=norm, user=by,
               detail={"team": team.pk, "punten_per_fte": punten_per_fte,
                       "punten": [punten_licht, punten_middel, punten_zwaar]})
    return norm


def set_fte(team: Team, medewerker: User, fte: Decimal, *, by: User, request: HttpRequest | None = None) -> None:
    """The worker's FTE in the team; a `MedewerkerProfielHistorie` row when it is set for the first time or
    changes."""
    if not Decimal("0.05") <= fte <= Decimal("1.5"):
        raise ValidationError({"fte": _("Vul een fte in tussen 0,05 en 1,5.")})
    if not team.leden.filter(pk=medewerker.pk).exists():
        raise ValidationError({"fte": _("Deze persoon hoort niet bij het team.")})
    stored = Decimal(fte).quantize(Decimal("0.01"))  # as the column keeps it, so "unchanged" compares alike
    with transaction.atomic():
        profiel, created = MedewerkerProfiel.objects.select_for_update().get_or_create(
            medewerker=medewerker, team=team, defaults={"fte": stored})
        changed = not created and profiel.fte != stored
        if changed:
            profiel.fte = stored
            profiel.save(update_fields=["fte"])
        if created or changed:
            MedewerkerProfielHistorie.objects.create(medewerker=medewerker, team=team, fte=stored,
                                                     vanaf=timezone.now(), door=by)
        record(request, Action.UPDATE, object_type="casussen.medewerkerprofiel", object_id=medewerker.pk, user=by,
               detail={"team": team.pk, "fte": str(fte)})


# --- Absences ---------------------------------------------------------------------------------------


def mark_absence(medewerker: User, *, team: Team, soort: str, vanaf: dt.date, tot: dt.date | None, by: User,
                 request: HttpRequest | None = None) -> Afwezigheid:
    """Record that a worker is ill, on leave or leaving. Only the kind is kept, never a medical reason."""
    errors: dict[str, str] = {}
    if soort not in AfwezigheidSoort.values:
        errors["soort"] = _("Kies ziek, verlof of vertrek.")
    if soort == AfwezigheidSoort.VERTREK:
        tot = None  # leaving has no end
    if tot is not None and tot < vanaf:
        errors["tot"] = _("De einddatum ligt voor de begindatum.")
    if medewerker.pk == by.pk:
        errors["medewerker"] = _("U kunt uzelf hier niet afmelden; vraag een andere teamleider.")
    elif not team.leden.filter(pk=medewerker.pk).exists():
        errors["medewerker"] = _("Deze persoon hoort niet bij %(team)s.") % {"team": team.naam}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        afwezigheid = Afwezigheid.objects.create(medewerker=medewerker, team=team, soort=soort, vanaf=vanaf, tot=tot,
                                                 gemeld=timezone.now(), gemeld_door=by)
        record(request, Action.CREATE, obj=afwezigheid, user=by,
               detail={"team": team.pk, "medewerker": medewerker.pk, "soort": soort})
    log.info("afwezigheid_gemeld", afwezigheid_id=afwezigheid.pk, team_id=team.pk, user_id=medewerker.pk)
    return afwezigheid


# --- Redistribution ---------------------------------------------------------------------------------


@dataclass
class Proposal:
    casus: Casus
    gewicht: str
    afgeleid: bool
    punten: int
    naar: User
    reden: str
    buurt_id: int | None = None

    @property
    def gewicht_label(self) -> str:
        return str(Gewicht(self.gewicht).label)


@dataclass
class Redistribution:
    afwezigheid: Afwezigheid
    norm: TeamNorm
    regels: list[Proposal]
    ontvangers: list[WorkerLoad]  # loads before, of the workers who may receive cases
    na: dict[int, int] = field(default_factory=dict)  # points after, per worker id

    @property
    def case_ids(self) -> list[int]:
        return sorted(r.casus.pk for r in self.regels)


def cases_to_redistribute(afwezigheid: Afwezigheid) -> QuerySet[Casus]:
    return with_weights(Casus.objects.filter(team_id=afwezigheid.team_id, regisseur_id=afwezigheid.medewerker_id,
                                             status__in=sorted(CASUS_OPEN))
                        .select_related("huishouden__adres__buurt__wijk").order_by("pk"))


def receivers(afwezigheid: Afwezigheid, loads: list[WorkerLoad]) -> list[WorkerLoad]:
    """Medewerkers of the team who are not away themselves (the team lead can still pick a team lead)."""
    day = max(afwezigheid.vanaf, timezone.localdate())
    away = set(active_absences(afwezigheid.team, day)) | {afwezigheid.medewerker_id}
    return [w for w in loads if w.user.role == Role.MEDEWERKER and w.user.pk not in away]


def propose_redistribution(afwezigheid: Afwezigheid) -> Redistribution:
    """Heaviest first, to a worker within one heavy case of the lowest load, preferring buurt then wijk."""
    team = afwezigheid.team
    norm = norm_for(team)
    loads = team_load(team, norm)
    ontvangers = receivers(afwezigheid, loads)
    cases = list(cases_to_redistribute(afwezigheid))
    if cases and not ontvangers:
        raise ValidationError(_("Er is niemand in het team die de casussen kan overnemen."))
    # Familiarity: the buurten and wijken each receiver already works in (open cases of the team). One query.
    buurten: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    wijken: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    rows = (Casus.objects.filter(team=team, status__in=sorted(CASUS_OPEN), regisseur__in=[w.user for w in ontvangers])
            .values_list("regisseur_id", "huishouden__adres__buurt_id", "huishouden__adres__buurt__wijk_id"))
    for regisseur_id, buurt_of_case, wijk_of_case in rows:
        if buurt_of_case is not None:
            buurten[regisseur_id][buurt_of_case] += 1
        if wijk_of_case is not None:
            wijken[regisseur_id][wijk_of_case] += 1
    load = {w.user.pk: w.punten for w in ontvangers}
    fte = {w.user.pk: w.fte for w in ontvangers}
    regels: list[Proposal] = []
    weighted = []
    for casus in cases:
        weight, derived = effective_weight(casus)
        weighted.append((points(norm, weight), weight, derived, casus))
    weighted.sort(key=lambda t: (-t[0], t[3].pk))
    heavy = Decimal(norm.punten_zwaar)
    for punten, weight, derived, casus in weighted:
        adres = casus.huishouden.adres
        buurt = adres.buurt
        wijk_id = buurt.wijk_id if buurt is not None else None

        def after(pk: int, punten: int = punten) -> Decimal:
            return (load[pk] + punten) / fte[pk]

        lowest = min(Decimal(load[pk]) / fte[pk] for pk in load)
        best = min(after(pk) for pk in load)
        limit = max(best, lowest + heavy)
        eligible = [w for w in ontvangers if after(w.user.pk) <= limit]

        def familiarity(w: WorkerLoad, buurt: Any = buurt, wijk_id: int | None = wijk_id) -> tuple[int, int]:
            in_buurt = buurten[w.user.pk].get(buurt.pk, 0) if buurt is not None else 0
            in_wijk = wijken[w.user.pk].get(wijk_id, 0) if wijk_id is not None else 0
            return (2 if in_buurt else 1 if in_wijk else 0), in_buurt or in_wijk

        chosen = min(eligible, key=lambda w: (-familiarity(w)[0], after(w.user.pk), w.user.pk))
        level, count = familiarity(chosen)
        naam = chosen.user.get_full_name() or chosen.user.get_username()
        if level == 2 and buurt is not None:
            reden = _("%(naam)s kent de buurt %(buurt)s: heeft daar al %(n)s casus(sen).") % {
                "naam": naam, "buurt": buurt.naam, "n": count}
        elif level == 1 and buurt is not None:
            reden = _("%(naam)s kent de wijk %(wijk)s: heeft daar al %(n)s casus(sen).") % {
                "naam": naam, "wijk": buurt.wijk.naam, "n": count}
        else:
            reden = _("%(naam)s heeft de laagste belasting: %(punten)s punten per fte na deze casus.") % {
                "naam": naam, "punten": after(chosen.user.pk).quantize(Decimal("0.1"))}
        regels.append(Proposal(casus=casus, gewicht=weight, afgeleid=derived, punten=punten, naar=chosen.user,
                               reden=reden, buurt_id=buurt.pk if buurt is not None else None))
        load[chosen.user.pk] += punten
        if buurt is not None:
            buurten[chosen.user.pk][buurt.pk] += 1
        if wijk_id is not None:
            wijken[chosen.user.pk][wijk_id] += 1
    regels.sort(key=lambda r: r.casus.pk)
    return Redistribution(afwezigheid=afwezigheid, norm=norm, regels=regels, ontvangers=ontvangers, na=load)


class ProposalChanged(ValueError):
    """The absent worker's cases changed since the proposal was shown; the team lead looks again."""


def apply_redistribution(afwezigheid: Afwezigheid, choices: Mapping[int, User], *, shown_case_ids: Iterable[int],
                         by: User, request: HttpRequest | None = None) -> list[Overdracht]:
    """Hand every case of the proposal to the worker the team lead chose, in one transaction.

    `choices` maps case id → new regisseur (the proposal, adjusted). When the set of cases differs from what
    the team lead saw (`shown_case_ids`), nothing is written (`ProposalChanged`). A receiver outside the team
    raises ValidationError from set_regisseur and rolls everything back."""
    reden = REDEN_VERTREK if afwezigheid.soort == AfwezigheidSoort.VERTREK else REDEN_AFWEZIGHEID
    with transaction.atomic():
        locked = (Afwezigheid.objects.select_for_update(of=("self",)).select_related("team", "medewerker")
                  .get(pk=afwezigheid.pk))
        proposal = propose_redistribution(locked)
        if sorted(shown_case_ids) != proposal.case_ids or set(choices) != set(proposal.case_ids):
            raise ProposalChanged(_("De casussen van deze medewerker zijn intussen veranderd. Bekijk het nieuwe "
                                    "voorstel en pas het opnieuw toe."))
        for choice in choices.values():
            if choice.pk == locked.medewerker_id:
                raise ValidationError(_("Een casus kan niet bij de afwezige medewerker blijven."))
        now = timezone.now()
        overdrachten = []
        for regel in proposal.regels:
            naar = choices[regel.casus.pk]
            try:
                # Only away from the absent worker: a lead who changed this case meanwhile is not overruled.
                casus_services.set_regisseur(regel.casus, to=naar, by=by, reason=reden, request=request,
                                             expect_from=locked.medewerker)
            except casus_services.RegisseurChanged:
                raise ProposalChanged(_("De casussen van deze medewerker zijn intussen veranderd. Bekijk het nieuwe "
                                        "voorstel en pas het opnieuw toe.")) from None
            overdrachten.append(Overdracht(afwezigheid=locked, casus=regel.casus, van=locked.medewerker, naar=naar,
                                           voorgesteld=regel.naar, gewicht=regel.gewicht, tijdstip=now))
        Overdracht.objects.bulk_create(overdrachten)
        if locked.soort == AfwezigheidSoort.VERTREK:
            # Leaving ends the need to know: off every open case of the team where they were a co-worker.
            for casus in Casus.objects.filter(team_id=locked.team_id, status__in=sorted(CASUS_OPEN),
                                              medewerkers=locked.medewerker):
                casus_services.remove_coworker(casus, locked.medewerker, by=by, request=request)
        locked.herverdeeld, locked.herverdeeld_door = now, by
        locked.save(update_fields=["herverdeeld", "herverdeeld_door"])
        record(request, Action.UPDATE, obj=locked, user=by,
               detail={"herverdeeld": len(overdrachten), "team": locked.team_id,
                       "aangepast": sum(1 for o in overdrachten if o.naar_id != o.voorgesteld_id)})
    afwezigheid.herverdeeld, afwezigheid.herverdeeld_door = locked.herverdeeld, by
    log.info("herverdeling_toegepast", afwezigheid_id=locked.pk, team_id=locked.team_id, cases=len(overdrachten))
    return overdrachten
