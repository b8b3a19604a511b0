# SPDX-License-Identifier: EUPL-1.2
"""Demo step "casussen": household cases in every status with realistic plans, notes, tasks and absences.

Per team about three dozen cases (fewer in a small demo): a few just registered, most being carried out, some
rounding off, closed and one reopened. Each has a plan in the resident's own words with goals per life domain,
actions for resident, network, worker and partner, the informal network and the professionals; contact
moments and notes since opening; tasks, some late. A third has a weight set by the worker, the rest derive it.

Continuity: every team has a norm and FTEs (some part-time). In the first team a worker is ill and her cases
were redistributed (the handovers show in the history and the monitoring reads); in the second a worker goes
on leave next week and in the third one leaves at the end of the month: their proposals wait for the team
lead, so the demo shows the redistribution screen.

Everything goes through the write paths (`casussen.services`, `casussen.continuiteit.services`); only the
moments are moved back afterwards, because the write paths stamp "now". Deterministic: `ctx.rng("casussen")`.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.db.models import Q

from wijkteam.accounts.models import Role, Team, User
from wijkteam.casussen import services
from wijkteam.casussen.continuiteit import services as continuiteit
from wijkteam.casussen.models import (
    CASUS_OPEN,
    Afwezigheid,
    AfwezigheidSoort,
    Betrokkene,
    Casus,
    CasusGewichtHistorie,
    CasusStatus,
    CasusStatusHistorie,
    ContactSoort,
    Gewicht,
    MedewerkerProfiel,
    MedewerkerProfielHistorie,
    Noodtoegang,
    Overdracht,
    Plan,
    PlanActie,
    PlanDoel,
    RegisseurHistorie,
    Sluitreden,
    TeamNorm,
    TeamNormHistorie,
    Uitkomst,
)
from wijkteam.demo.generator import GEMEENTE_CODE, DemoContext, Step, register
from wijkteam.huishoudens.models import Huishouden

CASES_PER_TEAM = 36
# How the cases of a team spread over the statuses (the rest is uitvoering), in this order.
STATUS_MIX: tuple[tuple[str, int], ...] = (
    (CasusStatus.AANGEMELD, 4), (CasusStatus.INTAKE, 5), (CasusStatus.PLAN, 6), (CasusStatus.AFRONDING, 4),
    (CasusStatus.AFGESLOTEN, 4), (CasusStatus.HEROPEND, 1),
)
PATH: list[str] = [CasusStatus.INTAKE, CasusStatus.PLAN, CasusStatus.UITVOERING, CasusStatus.AFRONDING]
# Days the teams' norms and FTEs have been what they are (before the oldest case, opened at most 200 days ago).
NORM_AGE_DAYS = 365

# Plans as wijkteams write them: situation, the resident's own words, goals per domain, actions, network.
PLANNEN: tuple[dict[str, Any], ...] = (
    {
        "situatie": "Alleenstaande moeder met twee kinderen. Huurachterstand van drie maanden, post blijft "
                    "ongeopend liggen. Sinds de scheiding weinig contact met familie.",
        "eigen_woorden": "Ik wil gewoon weer rust in mijn hoofd en niet bang zijn voor de post.",
        "risicos": "Ontruimingsvonnis dreigt als de achterstand niet voor 1 februari is geregeld.",
        "afspraken": "Elke dinsdag samen de post openen. Mevrouw belt zelf bij nieuwe aanmaningen.",
        "doelen": [("LD01", "Huurachterstand is geregeld met een betalingsregeling.", "Geen brieven meer van de "
                    "woningcorporatie."),
                   ("LD04", "Het gezin blijft in de woning wonen.", "Mijn kinderen houden hun eigen kamer."),
                   ("LD11", "Mevrouw heeft iemand in de buurt bij wie ze terecht kan.", "Iemand om koffie mee te "
                    "drinken.")],
        "acties": [("bewoner", "", "Alle post in één map bewaren en meenemen naar het gesprek.", 7),
                   ("medewerker", "", "Betalingsregeling aanvragen bij de woningcorporatie.", 14),
                   ("partner", "Schuldhulp Voorbeeld", "Intakegesprek schuldhulpverlening.", 21),
                   ("netwerk", "Zus Fatima", "Gaat mee naar het eerste gesprek bij schuldhulp.", 21)],
        "netwerk": [("familie", "Fatima", "zus"), ("buren", "Mevrouw De Wit", "buurvrouw"),
                    ("professional", "J. Smit", "schuldhulpverlener", "Schuldhulp Voorbeeld")],
    },
    {
        "situatie": "Meneer van 79 woont alleen sinds het overlijden van zijn vrouw. Hij eet slecht, valt vaker "
                    "en komt de deur bijna niet meer uit.",
        "eigen_woorden": "Ik wil in mijn eigen huis blijven wonen zolang het kan.",
        "risicos": "Valrisico: twee keer gevallen in de afgelopen maand. Kinderen wonen ver weg.",
        "afspraken": "Dochter belt elke zondag. Wijkverpleging kijkt mee.",
        "doelen": [("LD09", "Meneer kan veilig douchen en zich aankleden.", "Zelf blijven douchen, met een "
                    "beugel erbij."),
                   ("LD10", "Er is elke dag een warme maaltijd.", "Niet elke dag brood."),
                   ("LD11", "Meneer heeft twee keer per week contact met anderen.", "Weer eens kaarten.")],
        "acties": [("medewerker", "", "Wmo-aanvraag voor een douchestoel en beugels.", 10),
                   ("partner", "Stichting Welzijn Voorbeeld", "Maaltijdservice starten.", 7),
                   ("netwerk", "Buurman Henk", "Neemt meneer mee naar de kaartclub in het buurthuis.", 14),
                   ("bewoner", "", "Alarmknop dragen, ook binnen.", 3)],
        "netwerk": [("familie", "Ingrid", "dochter"), ("buren", "Henk", "buurman"),
                    ("vrijwilliger", "Ria", "maatje Welzijn"),
                    ("professional", "Wijkverpleegkundige Anouk", "wijkverpleging", "Zorg Voorbeeld")],
    },
    {
        "situatie": "Gezin met drie kinderen. De oudste zoon (15) gaat niet meer naar school. Veel ruzie "
                    "thuis; vader werkt in ploegen, moeder is overbelast.",
        "eigen_woorden": "We willen weer normaal met elkaar kunnen praten.",
        "risicos": "Moeder noemt dat het thuis soms uit de hand loopt. Veiligheid elk gesprek navragen.",
        "afspraken": "Gezinsgesprek om de twee weken, iedereen is erbij.",
        "doelen": [("LD05", "Het gezin maakt afspraken over hoe ze met ruzie omgaan.", "Minder schreeuwen."),
                   ("LD02", "De zoon gaat weer naar school of een passende opleiding.", "Iets met auto's."),
                   ("LD06", "Moeder heeft ondersteuning voor zichzelf.", "Even tijd voor mezelf.")],
        "acties": [("partner", "Basisschool De Regenboog", "Overleg met leerplicht en mentor.", 10),
                   ("medewerker", "", "Gezinsgesprek voorbereiden en plannen.", 5),
                   ("partner", "Jeugdhulp Voorbeeld", "Aanmelding gezinscoaching.", 21),
                   ("bewoner", "", "Moeder houdt bij wanneer de ruzies ontstaan.", 14)],
        "netwerk": [("familie", "Oma Truus", "grootmoeder"), ("vrienden", "Kees", "voetbaltrainer"),
                    ("professional", "Mevrouw Bakker", "leerplichtambtenaar", "Gemeente Voorbeeld")],
    },
    {
        "situatie": "Meneer (42) is zijn baan kwijt en zit sinds een half jaar thuis. Somber, drinkt meer dan "
                    "vroeger. Uitkering is aangevraagd.",
        "eigen_woorden": "Ik wil weer ergens bij horen en mijn dagen vullen.",
        "risicos": "Alcoholgebruik neemt toe. Bij zorgen over suïcide direct de huisarts en de crisisdienst.",
        "afspraken": "Meneer komt elke week naar het inloopspreekuur.",
        "doelen": [("LD02", "Meneer heeft vrijwilligerswerk als opstap naar werk.", "Iets met mijn handen."),
                   ("LD08", "Meneer drinkt doordeweeks niet.", "Niet meer elke avond."),
                   ("LD03", "Meneer heeft een vaste dagstructuur.", "Een reden om op te staan.")],
        "acties": [("partner", "Stichting Welzijn Voorbeeld", "Kennismaking bij het repaircafé.", 7),
                   ("partner", "GGZ Voorbeeld-Midden", "Gesprek bij de verslavingszorg.", 14),
                   ("bewoner", "", "Elke ochtend om 9 uur een wandeling.", 3)],
        "netwerk": [("vrienden", "Rob", "oud-collega"),
                    ("professional", "Huisarts Jansen", "huisarts", "Huisartsenpraktijk Voorbeeld")],
    },
)

VERSLAGEN = (
    "Huisbezoek. Samen de post doorgenomen; twee aanmaningen, één herinnering. Afspraak gemaakt voor volgende week.",
    "Telefonisch contact. Het gaat iets beter, bewoner heeft de afspraak bij schuldhulp zelf gemaakt.",
    "Overleg met de woningcorporatie: de ontruiming is uitgesteld zolang de regeling loopt.",
    "Netwerkberaad met zus en buurvrouw. Taken verdeeld: boodschappen en het ophalen van de kinderen.",
    "Bewoner niet thuis bij het huisbezoek. Briefje achtergelaten en later gebeld: verkeerde dag genoteerd.",
    "Notitie: de school meldt dat de zoon deze week elke dag aanwezig was.",
    "Gesprek op kantoor. Doelen doorgenomen; bewoner wil het doel over werk nog even parkeren.",
    "Overleg met de wijkverpleging over de valpreventie. Beugels zijn geplaatst.",
)
TAKEN = ("Wmo-aanvraag nabellen", "Verslag netwerkberaad delen", "Evaluatie plannen", "Toestemming vragen voor "
         "overleg met huisarts", "Betalingsregeling controleren", "Terugkoppeling aan verwijzer")


def demo_cases() -> Any:
    return Casus.objects.filter(team__gemeente__code=GEMEENTE_CODE)


def _workers(team: Team) -> tuple[list[User], User | None]:
    members = list(team.leden.filter(is_active=True).order_by("username"))
    return ([u for u in members if u.role == Role.MEDEWERKER],
            next((u for u in members if u.role == Role.TEAMLEIDER), None))


def _households(team: Team, rng: random.Random, n: int) -> list[Huishouden]:
    # The households step's households (they carry a "sinds"), not those a signal or request created: the
    # cases then do not depend on what the earlier steps happened to add.
    candidates = list(Huishouden.objects.filter(adres__buurt__wijk__teams=team, leden__isnull=False,
                                                sinds__isnull=False)
                      .exclude(casussen__status__in=sorted(CASUS_OPEN)).distinct().order_by("pk")
                      .values_list("pk", flat=True))
    chosen = rng.sample(candidates, min(n, len(candidates)))
    return list(Huishouden.objects.filter(pk__in=chosen).select_related("adres").order_by("pk"))


def _statuses(n: int) -> list[str]:
    statuses: list[str] = []
    for status, count in STATUS_MIX:
        statuses += [status] * round(count * n / CASES_PER_TEAM)
    statuses += [CasusStatus.UITVOERING] * max(0, n - len(statuses))
    return statuses[:n]


def _plan(casus: Casus, rng: random.Random, by: User, today: dt.date, full: bool) -> None:
    template = rng.choice(PLANNEN)

    def apply(plan: Plan) -> None:
        doelen = [PlanDoel.objects.create(plan=plan, levensdomein=code, doel=doel, eigen_woorden=woorden,
                                          volgorde=i)
                  for i, (code, doel, woorden) in enumerate(template["doelen"][: 3 if full else 1])]
        for i, (wie, naam, wat, days) in enumerate(template["acties"] if full else []):
            PlanActie.objects.create(plan=plan, doel=doelen[i % len(doelen)], wie=wie, wie_naam=naam, wat=wat,
                                     wanneer=today + dt.timedelta(days=days - rng.randint(0, 20)),
                                     afgerond=rng.random() < 0.3, volgorde=i)
        for i, row in enumerate(template["netwerk"]):
            soort, naam, rol, *organisatie = row
            Betrokkene.objects.create(plan=plan, soort=soort, naam=naam, rol=rol,
                                      organisatie=organisatie[0] if organisatie else "",
                                      telefoon=f"06{rng.randint(10000000, 99999999)}", volgorde=i)

    fields = {"situatie": template["situatie"], "eigen_woorden": template["eigen_woorden"]}
    if full:
        fields |= {"risicos": template["risicos"], "afspraken": template["afspraken"]}
    plan = Plan.objects.get(casus=casus)
    services.save_plan(casus, versie=plan.versie, by=by, fields=fields, apply=apply)


def _open_one(ctx: DemoContext, rng: random.Random, team: Team, household: Huishouden, status: str,
              regisseur: User, workers: list[User], lead: User | None) -> Casus:
    today = ctx.now.date()
    casus = services.open_case(household, regisseur=regisseur, team=team, by=lead or regisseur,
                               gewicht=rng.choice(Gewicht.values) if rng.random() < 0.33 else None)
    ages: dict[str, int] = {CasusStatus.AANGEMELD: 6, CasusStatus.INTAKE: 20, CasusStatus.PLAN: 45}
    age = ages.get(status, 200)
    opened = today - dt.timedelta(days=rng.randint(2, age))
    steps = [] if status == CasusStatus.AANGEMELD else PATH[: PATH.index(status) + 1] if status in PATH else PATH
    for step in steps:
        services.change_case_status(casus, step, by=regisseur)
    if status in (CasusStatus.AFGESLOTEN, CasusStatus.HEROPEND):
        services.close_case(casus, sluitreden=rng.choice([Sluitreden.DOELEN_BEREIKT, Sluitreden.DOELEN_BEREIKT,
                                                          Sluitreden.OVERGEDRAGEN, Sluitreden.BEWONER_STOPT]),
                            uitkomst=rng.choice([Uitkomst.BEREIKT, Uitkomst.DEELS]), by=regisseur,
                            toelichting="Afgerond in overleg met de bewoner.")
    if status == CasusStatus.HEROPEND:
        services.reopen_case(casus, by=regisseur, toelichting="Bewoner meldt zich opnieuw: nieuwe aanmaningen.")
    if status != CasusStatus.AANGEMELD:
        _plan(casus, rng, regisseur, today, full=status not in (CasusStatus.INTAKE,))
    others = [w for w in workers if w.pk != regisseur.pk]
    if others and rng.random() < 0.2:
        services.set_coworkers(casus, [rng.choice(others)], by=lead or regisseur)
    for i in range(rng.randint(0 if status == CasusStatus.AANGEMELD else 1, 6)):
        services.record_contact(casus, soort=rng.choice([ContactSoort.HUISBEZOEK, ContactSoort.TELEFOON,
                                                         ContactSoort.GESPREK, ContactSoort.NOTITIE,
                                                         ContactSoort.NETWERK]),
                                datum=opened + dt.timedelta(days=min((today - opened).days, 3 + i * 9)),
                                verslag=rng.choice(VERSLAGEN), duur_minuten=rng.choice([15, 30, 45, 60, 90]),
                                by=regisseur)
    if status in CASUS_OPEN:
        for _i in range(rng.randint(0, 3)):
            taak = services.add_task(casus, titel=rng.choice(TAKEN), by=regisseur, toegewezen_aan=regisseur,
                                     due=today + dt.timedelta(days=rng.randint(-10, 21)))
            if rng.random() < 0.25:
                services.complete_task(taak, by=regisseur)
    _move_back(casus, opened, ctx.now)
    return casus


def _move_back(casus: Casus, opened: dt.date, now: dt.datetime) -> None:
    """The write paths stamp now; spread the history between the opening day and now, in order."""
    start = now - dt.timedelta(days=(now.date() - opened).days)
    Casus.objects.filter(pk=casus.pk).update(geopend=opened)
    rows = list(CasusStatusHistorie.objects.filter(casus=casus).order_by("tijdstip", "id"))
    span = (now - start) / max(len(rows), 1)
    for i, row in enumerate(rows):
        CasusStatusHistorie.objects.filter(pk=row.pk).update(tijdstip=start + span * i)
    RegisseurHistorie.objects.filter(casus=casus, vorige__isnull=True).update(vanaf=start)
    # The weight set at opening (the only one the demo sets) holds from the opening.
    CasusGewichtHistorie.objects.filter(casus=casus).update(vanaf=start)


def run(ctx: DemoContext) -> None:
    rng = ctx.rng("casussen")
    teams = list(Team.objects.filter(gemeente__code=GEMEENTE_CODE).order_by("pk"))
    made = absences = 0
    progress = ctx.progress("casussen", len(teams))
    for index, team in enumerate(teams):
        workers, lead = _workers(team)
        if not workers:
            continue
        continuiteit.save_norm(team, punten_per_fte=40, punten_licht=1, punten_middel=2, punten_zwaar=3,
                               by=lead or workers[0])
        for worker in workers:
            continuiteit.set_fte(team, worker, rng.choice([Decimal("1.00"), Decimal("0.89"), Decimal("0.78"),
                                                           Decimal("0.67")]), by=lead or workers[0])
        # The team has had this norm and these FTEs for a year: since before its oldest case.
        since = ctx.now - dt.timedelta(days=NORM_AGE_DAYS)
        TeamNormHistorie.objects.filter(team=team).update(vanaf=since)
        MedewerkerProfielHistorie.objects.filter(team=team).update(vanaf=since)
        households = _households(team, rng, CASES_PER_TEAM)
        # Uneven on purpose: the first worker carries more (the caseload page then shows an alert at scale).
        shares = [3, 2, 2, 1][: len(workers)] + [1] * max(0, len(workers) - 4)
        for household, status in zip(households, _statuses(len(households)), strict=False):
            # A stream per household: its case is the same for a seed whatever was drawn for the others.
            a = household.adres
            case_rng = ctx.rng(f"casussen:{a.postcode}:{a.huisnummer}{a.huisletter}-{a.huisnummertoevoeging}")
            regisseur = case_rng.choices(workers, shares)[0]
            _open_one(ctx, case_rng, team, household, status, regisseur, workers, lead)
            made += 1
        absences += _absence(ctx, team, index, workers, lead)
        progress.update(index + 1)
    ctx.counts.update(casussen=made, afwezigheden=absences)


def _absence(ctx: DemoContext, team: Team, index: int, workers: list[User], lead: User | None) -> int:
    """Team 1: the last worker is ill and her cases were redistributed; team 2: leave next week; team 3:
    someone leaves at the end of the month (the proposal waits for the team lead)."""
    if lead is None or len(workers) < 2 or index > 2:
        return 0
    today = ctx.now.date()
    worker = workers[-1]  # never "medewerker", the first demo login: she keeps her cases to show
    soort, vanaf, tot = [(AfwezigheidSoort.ZIEK, today - dt.timedelta(days=3), None),
                         (AfwezigheidSoort.VERLOF, today + dt.timedelta(days=7), today + dt.timedelta(days=28)),
                         (AfwezigheidSoort.VERTREK, today.replace(day=28), None)][index]
    afwezigheid = continuiteit.mark_absence(worker, team=team, soort=soort, vanaf=vanaf, tot=tot, by=lead)
    if soort == AfwezigheidSoort.ZIEK:
        proposal = continuiteit.propose_redistribution(afwezigheid)
        continuiteit.apply_redistribution(afwezigheid, {r.casus.pk: r.naar for r in proposal.regels},
                                          shown_case_ids=proposal.case_ids, by=lead)
    return 1


def reset(ctx: DemoContext) -> None:
    # Before the hulpvragen and households' resets (reverse order): cases point at households and staff.
    cases = demo_cases()
    Overdracht.objects.filter(casus__in=cases).delete()
    Afwezigheid.objects.filter(team__gemeente__code=GEMEENTE_CODE).delete()
    Noodtoegang.objects.filter(casus__in=cases).delete()
    cases.delete()
    TeamNorm.objects.filter(team__gemeente__code=GEMEENTE_CODE).delete()
    TeamNormHistorie.objects.filter(team__gemeente__code=GEMEENTE_CODE).delete()
    MedewerkerProfiel.objects.filter(Q(team__gemeente__code=GEMEENTE_CODE)).delete()
    MedewerkerProfielHistorie.objects.filter(team__gemeente__code=GEMEENTE_CODE).delete()


STEP = register(Step(name="casussen", order=70, run=run, reset=reset))
