# SPDX-License-Identifier: EUPL-1.2
"""Demo step "hulpvragen_triage": assessments and triage decisions, so the triage screen, the households'
progress and the collective share have something to show.

Two parts, both through the write paths (`record_assessment`, `record_triage`, hulpvragen's status service):

1. **The requests of the last three months** (step "hulpvragen"): of those past intake (in behandeling) about
   70% have an assessment of 2-4 domains (the ones the request names, plus a related one the worker added);
   about 60% of those are triaged. Most decisions follow the engine's proposal; about one in six deviates,
   always with a reason a worker would write. A few of the oldest are re-assessed weeks later, most domains
   a level better (the progress chart).
2. **A year of earlier requests** (months 4-12 back, at the rate of step "hulpvragen": ~3% of households a
   year): assessed, triaged, moved on ("doorgezet") and closed, some re-assessed before closing. Without it
   the collective share of a demo town would be all "<10": the disclosure rules hide what a quarter holds.

The write paths stamp "now"; only the moments are moved back afterwards (assessment date, triage moment,
status history, closing moment), as the other demo steps do. Audit rows keep the moment the demo was built.
Deterministic: `ctx.rng("hulpvragen_triage")`, requests and households in primary-key order.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from django.db.models import QuerySet

from wijkteam.accounts.models import Role, User
from wijkteam.demo.generator import GEMEENTE_CODE, DemoContext, Step, register
from wijkteam.demo.hulpvragen.steps import DEMO_SYSTEM, VRAGEN, demo_requests
from wijkteam.huishoudens.models import Doel, Huishouden, Persoon, Toestemming
from wijkteam.hulpvragen.assessment.instruments import load_instruments
from wijkteam.hulpvragen.assessment.services import DomainScore, record_assessment
from wijkteam.hulpvragen.models import (
    AfsluitReden,
    Assessment,
    Hulpvraag,
    HulpvraagStatus,
    HulpvraagStatusHistorie,
    Kanaal,
    TriageBesluit,
)
from wijkteam.hulpvragen.onwards import mark_moved_on
from wijkteam.hulpvragen.services import assign, change_status, create_request, reactie_uiterlijk, route_team
from wijkteam.hulpvragen.triage.choices import Ondersteuning, Veiligheid
from wijkteam.hulpvragen.triage.proposals import DomainProposal
from wijkteam.hulpvragen.triage.services import Decision, proposals_for, record_triage
from wijkteam.vroegsignalering.services import teams_by_buurt

STREAM = "hulpvragen_triage"
ASSESSED_SHARE = 0.70  # of the requests past intake
TRIAGED_SHARE = 0.60  # of the assessed ones
DEVIATION_SHARE = 0.17  # decisions that differ from the proposal (each with a reason)
REASSESSED_SHARE = 0.35  # of the triaged requests old enough for a second look
REASSESS_AFTER_DAYS = 42
HISTORY_SHARE_PER_MONTH = 0.03 / 12  # the same rate as step "hulpvragen"
HISTORY_MONTHS = (4, 12)  # months back, inclusive
HISTORY_UNREACHED = 0.12  # closed before an assessment: not reached, no help needed after all

# Domains a worker often scores beside the ones the request names (the request's words point at them).
RELATED: dict[str, tuple[str, ...]] = {
    "LD01": ("LD02", "LD11", "LD04"), "LD02": ("LD01", "LD03"), "LD03": ("LD11", "LD02"),
    "LD04": ("LD01", "LD07"), "LD05": ("LD06", "LD11"), "LD06": ("LD11", "LD03", "LD07"),
    "LD07": ("LD10", "LD06"), "LD08": ("LD06", "LD05"), "LD09": ("LD10", "LD07"), "LD10": ("LD09", "LD11"),
    "LD11": ("LD03", "LD06", "LD12"), "LD12": ("LD01", "LD02"), "LD13": ("LD01", "LD04"),
}
# Level weights: a named domain is where it hurts; an added one is mostly fine (scored to know that).
NAMED_LEVELS = ((1, 0.04), (2, 0.30), (3, 0.46), (4, 0.20))
ADDED_LEVELS = ((2, 0.08), (3, 0.30), (4, 0.45), (5, 0.17))
TOELICHTING = {
    1: "Acute situatie: direct actie nodig.",
    2: "Lukt nu niet zelf; heeft hulp nodig om overzicht te krijgen.",
    3: "Redt het deels zelf, met steun uit de omgeving.",
    4: "Gaat redelijk; geen hulp nodig op dit moment.",
    5: "Geen zorgen op dit domein.",
}
SAFETY_CONCERN = "Spanningen thuis; bewoner zegt zich niet altijd veilig te voelen. Navragen bij volgend gesprek."
SAFETY_ACUTE = "Bewoner wordt bedreigd door de partner; Veilig Thuis is ingeschakeld en een opvangplek besproken."

# What a worker chooses instead of the proposal, and why (each deviation needs its reason).
DEVIATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    Ondersteuning.COLLECTIEF: (
        (Ondersteuning.BEIDE, "Het inloopspreekuur past, maar bewoner wil de eerste keer samen met mij gaan."),
        (Ondersteuning.INDIVIDUEEL, "Bewoner is eerder bij het spreekuur geweest zonder resultaat; eerst zelf "
                                    "begeleiden."),
        (Ondersteuning.GEEN, "Bewoner heeft het inmiddels met hulp van de buurvrouw zelf opgelost."),
    ),
    Ondersteuning.INDIVIDUEEL: (
        (Ondersteuning.COLLECTIEF, "Bewoner wil het eerst zelf proberen bij het buurthuis; over vier weken "
                                   "kijken we samen terug."),
        (Ondersteuning.TWEEDE_LIJN, "De klachten vragen specialistische hulp; de huisarts verwijst naar de GGZ."),
        (Ondersteuning.BEIDE, "Naast de gesprekken met mij helpt een maatje uit de buurt bij de post."),
    ),
    Ondersteuning.BEIDE: (
        (Ondersteuning.INDIVIDUEEL, "Geen groep op een tijdstip dat bewoner kan: hij werkt overdag."),
        (Ondersteuning.TWEEDE_LIJN, "Schulden te hoog en te veel schuldeisers: aanmelden bij de schuldhulpverlening "
                                    "van de gemeente."),
        (Ondersteuning.COLLECTIEF, "Bewoner heeft een sterk netwerk; met de vrijwillige thuisadministratie redt "
                                   "hij het."),
    ),
    Ondersteuning.GEEN: (
        (Ondersteuning.COLLECTIEF, "Bewoner wil graag iets in de buurt doen, ook al redt ze het zelf."),
    ),
}
CLOSING = {
    Ondersteuning.COLLECTIEF: AfsluitReden.GEHOLPEN_COLLECTIEF,
    Ondersteuning.GEEN: AfsluitReden.GEEN_HULP_NODIG,
}


def _weighted(rng: random.Random, table: Sequence[tuple[int, float]]) -> int:
    levels, weights = zip(*table, strict=True)
    return rng.choices(levels, weights)[0]


def _scores(rng: random.Random, named: Sequence[str], *, urgent: bool) -> dict[str, DomainScore]:
    """2-4 domains: those the request names, plus one or two related ones the worker added."""
    codes = list(dict.fromkeys(named))[:4]
    related = [c for code in codes for c in RELATED.get(code, ()) if c not in codes]
    extra = rng.randint(max(0, 2 - len(codes)), max(0, min(2, 4 - len(codes))))
    for code in related:
        if extra <= 0:
            break
        if code not in codes:
            codes.append(code)
            extra -= 1
    levels = {code: _weighted(rng, NAMED_LEVELS if code in named else ADDED_LEVELS) for code in codes}
    if urgent and "LD05" in levels:
        levels["LD05"] = 1
    return {code: DomainScore(level, TOELICHTING[level]) for code, level in levels.items()}


def _safety(rng: random.Random, *, urgent: bool) -> tuple[str, str]:
    if urgent:
        return Veiligheid.ACUUT, SAFETY_ACUTE
    if rng.random() < 0.05:
        return Veiligheid.ZORGEN, SAFETY_CONCERN
    return Veiligheid.VEILIG, ""


def _decisions(rng: random.Random, proposals: Sequence[DomainProposal]) -> list[Decision]:
    decisions = []
    for proposal in proposals:
        options = DEVIATIONS.get(proposal.advies, ())
        if options and rng.random() < DEVIATION_SHARE:
            besluit, reden = rng.choice(options)
            decisions.append(Decision(proposal.code, besluit, reden))
        else:
            decisions.append(Decision(proposal.code, proposal.advies))
    return decisions


def _at(day: dt.date, rng: random.Random, now: dt.datetime) -> dt.datetime:
    """A moment in office hours on `day`, never after `now`."""
    moment = dt.datetime.combine(day, dt.time(9, 0), tzinfo=now.tzinfo) + dt.timedelta(minutes=rng.randrange(0, 480))
    return min(moment, now)


def _stamp_history(hulpvraag: Hulpvraag, naar: str, moment: dt.datetime) -> None:
    HulpvraagStatusHistorie.objects.filter(hulpvraag=hulpvraag, naar=naar).update(tijdstip=moment)


def _assess(rng: random.Random, hulpvraag: Hulpvraag, worker: User, day: dt.date, now: dt.datetime) -> Assessment:
    veiligheid, toelichting = _safety(rng, urgent=hulpvraag.urgent)
    assessment = record_assessment(
        hulpvraag, _scores(rng, hulpvraag.levensdomeinen or ["LD11"], urgent=hulpvraag.urgent),
        veiligheid=veiligheid, veiligheid_toelichting=toelichting, by=worker, datum=day)
    _stamp_history(hulpvraag, HulpvraagStatus.IN_BEHANDELING, _at(day, rng, now))
    return assessment


def _triage(rng: random.Random, hulpvraag: Hulpvraag, assessment: Assessment, worker: User, day: dt.date,
            now: dt.datetime) -> list[TriageBesluit]:
    proposals = proposals_for(hulpvraag, assessment)
    rows = record_triage(hulpvraag, _decisions(rng, proposals), by=worker, proposals=proposals)
    moment = _at(day, rng, now)
    TriageBesluit.objects.filter(pk__in=[r.pk for r in rows]).update(tijdstip=moment)
    _stamp_history(hulpvraag, HulpvraagStatus.GETRIEERD, moment)
    return rows


def _reassess(rng: random.Random, hulpvraag: Hulpvraag, first: Assessment, worker: User, day: dt.date) -> None:
    """Weeks later: most domains a level better, some the same, now and then one a level worse."""
    scores = {}
    for score in first.scores.select_related("domein").order_by("domein__volgorde"):
        step = rng.choices((1, 0, -1), (0.6, 0.32, 0.08))[0]
        level = min(5, max(1, score.niveau + step))
        scores[score.domein.code] = DomainScore(level, TOELICHTING[level])
    record_assessment(hulpvraag, scores, veiligheid=first.veiligheid,
                      veiligheid_toelichting=first.veiligheid_toelichting, by=worker, datum=day)


def _worker(hulpvraag: Hulpvraag, workers: dict[int, list[User]], rng: random.Random) -> User | None:
    if hulpvraag.behandelaar is not None:
        return hulpvraag.behandelaar
    team_workers = workers.get(hulpvraag.team_id or -1, [])
    return rng.choice(team_workers) if team_workers else None


def _workers() -> dict[int, list[User]]:
    workers: dict[int, list[User]] = {}
    for user in (User.objects.filter(role__in=[Role.MEDEWERKER, Role.TEAMLEIDER], is_active=True,
                                     teams__gemeente__code=GEMEENTE_CODE)
                 .order_by("username").prefetch_related("teams")):
        for team in user.teams.all():
            workers.setdefault(team.pk, []).append(user)
    return workers


def _recent(ctx: DemoContext, rng: random.Random, workers: dict[int, list[User]]) -> dict[str, int]:
    """Part 1: the open requests of step "hulpvragen" that are past intake."""
    today = ctx.now.date()
    made = {"assessments": 0, "triages": 0, "herbeoordelingen": 0}
    requests = list(_past_intake(demo_requests()))
    for hulpvraag in requests:
        worker = _worker(hulpvraag, workers, rng)
        if worker is None or rng.random() >= ASSESSED_SHARE:
            continue
        received = hulpvraag.ontvangen.date()
        day = min(today, received + dt.timedelta(days=rng.randint(1, 10)))
        assessment = _assess(rng, hulpvraag, worker, day, ctx.now)
        made["assessments"] += 1
        if rng.random() >= TRIAGED_SHARE:
            continue
        triage_day = min(today, day + dt.timedelta(days=rng.randint(0, 6)))
        _triage(rng, hulpvraag, assessment, worker, triage_day, ctx.now)
        made["triages"] += 1
        if (today - day).days >= REASSESS_AFTER_DAYS and rng.random() < REASSESSED_SHARE:
            later = min(today, day + dt.timedelta(days=rng.randint(REASSESS_AFTER_DAYS, 80)))
            _reassess(rng, hulpvraag, assessment, worker, later)
            made["herbeoordelingen"] += 1
    return made


def _past_intake(requests: QuerySet[Hulpvraag]) -> QuerySet[Hulpvraag]:
    return (requests.filter(status=HulpvraagStatus.IN_BEHANDELING, huishouden__isnull=False)
            .select_related("behandelaar", "huishouden__adres__buurt__wijk", "persoon", "buurt__wijk")
            .order_by("pk"))


def _adult(household: Huishouden, today: dt.date) -> Persoon | None:
    cutoff = today.replace(year=today.year - 18)
    return household.leden.filter(geboortedatum__lte=cutoff).order_by("geboortedatum", "pk").first()


def _history(ctx: DemoContext, rng: random.Random, workers: dict[int, list[User]]) -> dict[str, int]:
    """Part 2: a year of earlier requests, from arrival through triage to closing."""
    made = {"hulpvragen": 0, "assessments": 0, "triages": 0, "herbeoordelingen": 0}
    today = ctx.now.date()
    asked = set(demo_requests().exclude(huishouden__isnull=True).values_list("huishouden_id", flat=True))
    households = [pk for pk in Huishouden.objects.filter(adres__buurt__wijk__gemeente__code=GEMEENTE_CODE)
                  .order_by("pk").values_list("pk", flat=True) if pk not in asked]
    first, last = HISTORY_MONTHS
    teams = teams_by_buurt()
    wanted = round(len(households) * HISTORY_SHARE_PER_MONTH * (last - first + 1))
    for household_id in rng.sample(households, min(wanted, len(households))):
        household = Huishouden.objects.select_related("adres__buurt").get(pk=household_id)
        person = _adult(household, today)
        if person is None:
            continue
        text, domains = rng.choice(VRAGEN)
        received = ctx.now - dt.timedelta(days=rng.uniform(first * 30.5 - 30, last * 30.5))
        team_workers = workers.get(route_team(household.adres, teams=teams) or -1, [])
        kanaal = rng.choice([Kanaal.TELEFOON, Kanaal.TELEFOON, Kanaal.WEB, Kanaal.BALIE])
        taken_by = rng.choice(team_workers) if team_workers and kanaal != Kanaal.WEB else None
        # A phone call or a visit is taken by a worker of the team; the web form has no user.
        hulpvraag = create_request(kanaal=kanaal, omschrijving=text, levensdomeinen=domains, persoon=person,
                                   toestemmingen={Doel.CONTACT_OPNEMEN.value: True}, by=taken_by,
                                   system="" if taken_by else DEMO_SYSTEM)
        if taken_by is not None:
            # The consent was recorded when the resident called or came by, not when the demo was built.
            Toestemming.objects.filter(persoon=person, vastgelegd_door=taken_by, tijdstip__gte=ctx.now).update(
                tijdstip=received)
        deadline = reactie_uiterlijk(received, urgent=hulpvraag.urgent)
        Hulpvraag.objects.filter(pk=hulpvraag.pk).update(ontvangen=received, reactie_uiterlijk=deadline)
        hulpvraag.ontvangen = received
        _stamp_history(hulpvraag, HulpvraagStatus.NIEUW, received)
        made["hulpvragen"] += 1
        worker = _worker(hulpvraag, workers, rng)
        if worker is None:
            continue
        assign(hulpvraag, worker, by=worker)
        day = received.date() + dt.timedelta(days=rng.randint(1, 10))
        _stamp_history(hulpvraag, HulpvraagStatus.IN_BEHANDELING, _at(day, rng, ctx.now))
        if rng.random() < HISTORY_UNREACHED:
            _close(hulpvraag, rng.choice([AfsluitReden.NIET_BEREIKT, AfsluitReden.GEEN_HULP_NODIG]), worker,
                   _at(day + dt.timedelta(days=14), rng, ctx.now))
            continue
        assessment = _assess(rng, hulpvraag, worker, day, ctx.now)
        made["assessments"] += 1
        triage_day = day + dt.timedelta(days=rng.randint(0, 6))
        rows = _triage(rng, hulpvraag, assessment, worker, triage_day, ctx.now)
        made["triages"] += 1
        end = min(today - dt.timedelta(days=1), triage_day + dt.timedelta(days=rng.randint(30, 90)))
        if rng.random() < REASSESSED_SHARE:
            _reassess(rng, hulpvraag, assessment, worker, end - dt.timedelta(days=1))
            made["herbeoordelingen"] += 1
        _move_on_and_close(hulpvraag, rows, worker, rng, triage_day, end, ctx.now)
    return made


def _move_on_and_close(hulpvraag: Hulpvraag, rows: Sequence[TriageBesluit], worker: User, rng: random.Random,
                       triage_day: dt.date, end: dt.date, now: dt.datetime) -> None:
    """Individual support, second line or a collective provision needing a referral: the request went on
    ("doorgezet"); a collective provision the resident went to on their own, or no support: closed directly."""
    chosen = {r.besluit for r in rows}
    if chosen <= {Ondersteuning.COLLECTIEF, Ondersteuning.GEEN} and rng.random() < 0.6:
        reden = CLOSING[Ondersteuning.COLLECTIEF if Ondersteuning.COLLECTIEF in chosen else Ondersteuning.GEEN]
    else:
        mark_moved_on(hulpvraag, step="Verwijzing na de triage", by=worker)
        _stamp_history(hulpvraag, HulpvraagStatus.DOORGEZET, _at(triage_day + dt.timedelta(days=2), rng, now))
        reden = AfsluitReden.DOORVERWEZEN
    _close(hulpvraag, reden, worker, _at(end, rng, now))


def _close(hulpvraag: Hulpvraag, reden: str, worker: User, moment: dt.datetime) -> None:
    change_status(hulpvraag, HulpvraagStatus.AFGESLOTEN, by=worker, afsluitreden=reden)
    Hulpvraag.objects.filter(pk=hulpvraag.pk).update(afgesloten=moment)
    _stamp_history(hulpvraag, HulpvraagStatus.AFGESLOTEN, moment)


def run(ctx: DemoContext) -> None:
    rng = ctx.rng(STREAM)
    load_instruments()  # normally the migration did; a flushed test database has none
    workers = _workers()
    recent = _recent(ctx, rng, workers)
    history = _history(ctx, rng, workers)
    ctx.counts.update(
        assessments=recent["assessments"] + history["assessments"],
        triages=recent["triages"] + history["triages"],
        herbeoordelingen=recent["herbeoordelingen"] + history["herbeoordelingen"],
        hulpvragen_historie=history["hulpvragen"],
    )


def reset(ctx: DemoContext) -> None:
    # Before the requests' reset (reverse order): assessments and decisions PROTECT their request.
    requests = demo_requests()
    TriageBesluit.objects.filter(hulpvraag__in=requests).delete()
    Assessment.objects.filter(hulpvraag__in=requests).delete()


STEP = register(Step(name="hulpvragen_triage", order=61, run=run, reset=reset))
