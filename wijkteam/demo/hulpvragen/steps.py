# SPDX-License-Identifier: EUPL-1.2
"""Demo step "hulpvragen": requests for help through every door, for a realistic share of demo households.

About 3% of households ask the wijkteam for help in a year; the demo shows the last three months, so the
intake queues have a few dozen open requests per team, some overdue, some urgent. Doors (shares from
what wijkteams report): web form 30%, phone 25%, desk 10%, partner's warm handover 15%, self-help 10%,
no address (central queue) 5%; vroegsignalering: every zaak of the vroegsignalering demo that accepted
help and has no request yet (none when that demo has no such zaken).

Everything goes through the one write path (`hulpvragen.services.create_request`, which uses the household
write path and audits); only the arrival moment is moved back afterwards, because the write path stamps
"now". Statuses: older requests are in intake or closed, recent ones new.

Triage (assessments, decisions) is a later step: register `Step(name="hulpvragen_triage", order=61, ...)`
in this package and pick requests with `demo_requests()`.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db.models import Q, QuerySet

from wijkteam.accounts.models import Role, User
from wijkteam.demo.generator import GEMEENTE_CODE, DemoContext, Step, register
from wijkteam.huishoudens.models import Doel, Huishouden, Persoon, Toestemming
from wijkteam.hulpvragen.models import (
    AfsluitReden,
    ContactVoorkeur,
    Hulpvraag,
    HulpvraagStatus,
    HulpvraagStatusHistorie,
    Kanaal,
)
from wijkteam.hulpvragen.services import (
    Aanvrager,
    Contact,
    assign,
    change_status,
    create_request,
    reactie_uiterlijk,
    receive_vroegsignaalzaak,
)
from wijkteam.vroegsignalering.models import Vroegsignaalzaak

DEMO_SYSTEM = "demo"
SHARE_PER_QUARTER = 0.03 / 4 * 3  # ~3% a year asks; three months shown
DAYS_BACK = 91

# Requests in residents' own words, with the levensdomeinen they name.
VRAGEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Ik heb een huurachterstand van drie maanden en de verhuurder stuurt brieven. Ik weet niet wat ik moet doen.",
     ("LD01", "LD04")),
    ("Sinds de scheiding voel ik me erg alleen. Ik ben alleenstaande moeder en kom ook geld tekort.",
     ("LD01", "LD05", "LD11")),
    ("Mijn moeder van 84 kan niet meer goed zelf douchen en boodschappen doen. Ik woon ver weg.", ("LD09", "LD10")),
    ("Ik krijg steeds aanmaningen van de zorgverzekeraar en durf de post niet meer open te maken.", ("LD01",)),
    ("Ik ben mijn baan kwijt en zit de hele dag thuis. Ik wil graag weer iets doen.", ("LD02", "LD03")),
    ("Onze zoon van 15 gaat niet meer naar school en er is veel ruzie thuis.", ("LD05",)),
    ("Ik voel me al maanden somber en slaap slecht. De huisarts zei dat ik het wijkteam kan bellen.", ("LD06",)),
    ("Mijn buurman drinkt veel en er is vaak lawaai. Ik maak me zorgen om zijn kinderen.", ("LD08", "LD05")),
    ("Ik heb een brief van de Belastingdienst over toeslagen die ik moet terugbetalen. Ik snap het niet.",
     ("LD01", "LD12")),
    ("Ik ben net in Nederland en weet niet hoe ik formulieren en DigiD moet regelen.", ("LD12",)),
    ("Ons huis is te klein en er is schimmel. De kinderen zijn vaak ziek.", ("LD04", "LD07")),
    ("Ik zorg voor mijn man met dementie en ik kan het bijna niet meer aan.", ("LD06", "LD11")),
    ("Ik ben 78 en spreek bijna niemand meer sinds mijn vrouw is overleden.", ("LD11",)),
    ("Ik kom net uit detentie en heb geen woning en geen inkomen.", ("LD01", "LD04", "LD13")),
    ("Ik heb schulden bij verschillende instanties en de energie wordt misschien afgesloten.", ("LD01", "LD04")),
    ("Ik heb een chronische ziekte en kan het huishouden niet meer bijhouden.", ("LD07", "LD10")),
)
URGENT = ("Mijn partner bedreigt mij en ik durf niet meer naar huis.", ("LD05",))

# Door → share of the generated requests (vroegsignalering comes from the zaken, outside these shares).
DOORS: tuple[tuple[str, float], ...] = (
    (Kanaal.WEB, 0.30), (Kanaal.TELEFOON, 0.25), (Kanaal.BALIE, 0.10), (Kanaal.WARME_OVERDRACHT, 0.15),
    (Kanaal.ZELFHULP, 0.10), ("centraal", 0.05),
)


def demo_requests() -> QuerySet[Hulpvraag]:
    """The demo's requests (for later demo steps, e.g. triage)."""
    return Hulpvraag.objects.filter(
        Q(team__gemeente__code=GEMEENTE_CODE) | Q(huishouden__adres__buurt__wijk__gemeente__code=GEMEENTE_CODE)
        | Q(aangemaakt_systeem=DEMO_SYSTEM) | Q(aangemaakt_door__username__in=_demo_usernames()))


def _demo_usernames() -> QuerySet[User, str]:
    return User.objects.filter(Q(teams__gemeente__code=GEMEENTE_CODE) | Q(organisatie__gemeenten__code=GEMEENTE_CODE)
                               ).values_list("username", flat=True)


def _adult(household: Huishouden, today: dt.date) -> Persoon | None:
    cutoff = today.replace(year=today.year - 18)
    return household.leden.filter(geboortedatum__lte=cutoff).order_by("geboortedatum", "pk").first()


def _consents(rng: random.Random) -> dict[str, bool]:
    return {Doel.CONTACT_OPNEMEN.value: True, Doel.GEGEVENS_DELEN_PARTNERS.value: rng.random() < 0.7,
            Doel.ONDERZOEK.value: rng.random() < 0.4}


def _move_back(hulpvraag: Hulpvraag, ontvangen: dt.datetime, now: dt.datetime) -> None:
    """The write path stamps now; the demo spreads arrivals over three months (consent given with the request)."""
    deadline = reactie_uiterlijk(ontvangen, urgent=hulpvraag.urgent)
    Hulpvraag.objects.filter(pk=hulpvraag.pk).update(ontvangen=ontvangen, reactie_uiterlijk=deadline)
    HulpvraagStatusHistorie.objects.filter(hulpvraag=hulpvraag).update(tijdstip=ontvangen)
    if hulpvraag.persoon_id is not None:
        Toestemming.objects.filter(persoon_id=hulpvraag.persoon_id, tijdstip__gte=now).update(tijdstip=ontvangen)
    hulpvraag.ontvangen, hulpvraag.reactie_uiterlijk = ontvangen, deadline


def run(ctx: DemoContext) -> None:
    rng = ctx.rng("hulpvragen")
    fake = ctx.faker("hulpvragen")
    today = ctx.now.date()
    households = list(Huishouden.objects.filter(adres__buurt__wijk__gemeente__code=GEMEENTE_CODE)
                      .select_related("adres").order_by("pk").values_list("pk", flat=True))
    total = round(len(households) * SHARE_PER_QUARTER)
    chosen = rng.sample(households, min(total, len(households)))
    workers: dict[int, list[User]] = {}
    for user in User.objects.filter(role__in=[Role.MEDEWERKER, Role.TEAMLEIDER],
                                    teams__gemeente__code=GEMEENTE_CODE).order_by("username").prefetch_related("teams"):
        for team in user.teams.all():
            workers.setdefault(team.pk, []).append(user)
    partners = list(User.objects.filter(role=Role.PARTNER, organisatie__gemeenten__code=GEMEENTE_CODE)
                    .order_by("username"))
    doors, weights = zip(*DOORS, strict=True)
    made = 0
    progress = ctx.progress("hulpvragen", len(chosen))
    for index, household_id in enumerate(chosen):
        household = Huishouden.objects.select_related("adres").get(pk=household_id)
        person = _adult(household, today)
        # The first few go through each door once, so even a small demo shows every door.
        door = doors[index] if index < len(doors) else rng.choices(doors, weights)[0]
        if person is None and door != "centraal":
            continue
        urgent = index == len(doors) or rng.random() < 0.04  # at least one, for the queue to show
        text, domains = URGENT if urgent else rng.choice(VRAGEN)
        ontvangen = ctx.now - dt.timedelta(days=rng.uniform(0, DAYS_BACK))
        voorkeur = rng.choice([ContactVoorkeur.TELEFOON, ContactVoorkeur.TELEFOON, ContactVoorkeur.EMAIL,
                               ContactVoorkeur.LANGSKOMEN])
        contact = Contact(telefoon=fake.phone_number()[:20] if rng.random() < 0.8 else "", voorkeur=voorkeur)
        if door == "centraal":
            # No address given (the web form allows that): only a way to reach them; a teamleider routes it.
            hulpvraag = create_request(kanaal=Kanaal.WEB, omschrijving=text, levensdomeinen=domains, urgent=urgent,
                                       contact=Contact(telefoon=fake.phone_number()[:20]),
                                       toestemmingen={Doel.CONTACT_OPNEMEN.value: True}, system=DEMO_SYSTEM)
        elif door in (Kanaal.WEB, Kanaal.ZELFHULP):
            assert person is not None
            # As typed on the form: found again in the household through the write path.
            hulpvraag = create_request(
                kanaal=door, omschrijving=text, levensdomeinen=domains, urgent=urgent, huishouden=household,
                aanvrager=Aanvrager(achternaam=person.achternaam, voornamen=person.voornamen,
                                    tussenvoegsel=person.tussenvoegsel, geboortedatum=person.geboortedatum),
                contact=contact, toestemmingen=_consents(rng), system=DEMO_SYSTEM)
        elif door == Kanaal.WARME_OVERDRACHT and partners:
            partner = rng.choice(partners)
            hulpvraag = create_request(
                kanaal=door, omschrijving=text, levensdomeinen=domains, urgent=urgent, persoon=person,
                contact=contact, toestemmingen=_consents(rng), by=partner, verwijzer=partner,
                overdracht_notitie=rng.choice([
                    "Mevrouw heeft toestemming gegeven. Ze is het best bereikbaar in de ochtend.",
                    "Meneer vindt het spannend; graag eerst bellen voordat u langskomt.",
                    "Gezien bij ons spreekuur. Er speelt meer dan wij kunnen oppakken.",
                ]))
        else:
            team_workers = workers.get(_team_of(household) or 0, []) or [w for ws in workers.values() for w in ws]
            hulpvraag = create_request(
                kanaal=door if door in (Kanaal.TELEFOON, Kanaal.BALIE) else Kanaal.TELEFOON, omschrijving=text,
                levensdomeinen=domains, urgent=urgent, persoon=person, contact=contact,
                toestemmingen=_consents(rng), by=rng.choice(team_workers))
        _move_back(hulpvraag, ontvangen, ctx.now)
        _progress_status(rng, hulpvraag, workers, ctx.now)
        made += 1
        progress.update(index + 1)
    made += _from_vroegsignalering()
    ctx.counts.update(hulpvragen=made)


def _team_of(household: Huishouden) -> int | None:
    buurt = household.adres.buurt
    return buurt.wijk.teams.order_by("pk").values_list("pk", flat=True).first() if buurt is not None else None


def _progress_status(rng: random.Random, hulpvraag: Hulpvraag, workers: dict[int, list[User]],
                     now: dt.datetime) -> None:
    """Older requests have been picked up (and some closed); the last week's are mostly still new."""
    age_days = (now - hulpvraag.ontvangen).days
    team_workers = workers.get(hulpvraag.team_id or -1, [])
    if not team_workers or age_days < 3 or rng.random() < 0.15:
        return  # some stay in the queue past their deadline: the queue shows them first
    worker = rng.choice(team_workers)
    assign(hulpvraag, worker, by=worker)
    if age_days > 30 and rng.random() < 0.5:
        change_status(hulpvraag, HulpvraagStatus.AFGESLOTEN, by=worker, afsluitreden=rng.choice([
            AfsluitReden.GEHOLPEN_COLLECTIEF, AfsluitReden.GEHOLPEN_COLLECTIEF, AfsluitReden.DOORVERWEZEN,
            AfsluitReden.GEEN_HULP_NODIG, AfsluitReden.NIET_BEREIKT]))


def _from_vroegsignalering() -> int:
    """Zaken of the vroegsignalering demo that accepted help get their request (as the handoff would)."""
    made = 0
    for zaak in (Vroegsignaalzaak.objects.filter(hulp_geaccepteerd=True, intake_id__isnull=True,
                                                 huishouden__adres__buurt__wijk__gemeente__code=GEMEENTE_CODE)
                 .order_by("pk")):
        pk = receive_vroegsignaalzaak(zaak, by=None)
        Vroegsignaalzaak.objects.filter(pk=zaak.pk).update(intake_id=pk)
        made += 1
    return made


def reset(ctx: DemoContext) -> None:
    # Before the households' reset (reverse order): requests point at the demo's persons.
    demo_requests().delete()


STEP = register(Step(name="hulpvragen", order=60, run=run, reset=reset))
