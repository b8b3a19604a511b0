# SPDX-License-Identifier: EUPL-1.2
"""Demo step "vroegsignalen": a year of Wgs signals for Gemeente Voorbeeld, and zaken in every stage.

Volume: about 3.5 signals per 1,000 inhabitants per month (the national average is 3 to 4), each month
drawn around that rate, from partner types weighted as the national monitor sees them: the health
insurers (Zorg, CAK) largest, then rent and energy. Signals go through the real write path
(`services.ingest_signal`: address, household and person matched by the household write path, dedupe,
zaak grouping, Divosa classification), contact attempts, closing and "hulp geaccepteerd" through
`zaken.services` (record_contact_attempt, close_zaak, accept_help), so the demo stores exactly what the
application would.

One thing the write paths cannot do is live in the past: they stamp today on what they create. The demo
therefore moves those stamps back to the signal's month afterwards (`_backdate`), for a believable year:
received dates, deadlines (recomputed in working days from the moved date) and closing dates.

Stages: the older a zaak, the further it got. Most are contacted within the deadline (a letter first);
about half are reached (phone, home visit); of those about a third accept help; the rest close with the DDAS
result that fits. The last month's zaken are still open at every stage (new, contact sought, in gesprek,
naar intake). Deterministic: everything is drawn from `ctx.rng("vroegsignalen")`; dates are fixed
(DEMO_MONTHS), never read from the clock.

The demo signal partner "Zorgverzekeraar Voorbeeld" is created here; its API token is made when the
demo starts (`token.py`), because a token is stored hashed and can only be shown when it is made.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db.models import Q

from wijkteam.accounts.models import ApiToken, Organisatie, OrganisatieSoort, Role, User
from wijkteam.core.working_days import add_working_days
from wijkteam.demo.generator import GEMEENTE_CODE, DemoContext, Step, register
from wijkteam.gebieden.models import Gemeente
from wijkteam.huishoudens.models import Persoon
from wijkteam.hulpvragen.models import Hulpvraag
from wijkteam.vroegsignalering.batch.rows import SignalRow
from wijkteam.vroegsignalering.models import (
    Bron,
    Contactsoort,
    Dagdeel,
    Eindresultaat,
    Signaal,
    Signaalpartner,
    Vroegsignaalzaak,
    ZaakStatus,
)
from wijkteam.vroegsignalering.services import Outcome, classify_addresses, ingest_signal, teams_by_buurt
from wijkteam.vroegsignalering.zaken.services import accept_help, close_zaak, record_contact_attempt

DEMO_PARTNER = "Zorgverzekeraar Voorbeeld"
SYSTEM = "demo_gemeente"
PER_1000_PER_MONTH = 3.5
# Twelve whole months ending with the month before the sociale kaart's reference date (2026-11-01).
DEMO_MONTHS: tuple[dt.date, ...] = tuple(dt.date(2025 + (11 + i) // 12, (11 + i) % 12 + 1, 1) for i in range(12))

PARTNER_WEIGHTS: tuple[tuple[str, int, str, tuple[int, int]], ...] = (
    # type, weight, partner name, arrears range (euro)
    (Signaalpartner.ZORG, 38, DEMO_PARTNER, (150, 900)),
    (Signaalpartner.CAK_ZORGVERZEKERINGEN, 10, "CAK", (700, 2500)),
    (Signaalpartner.HUUR, 17, "Woonstichting Voorbeeld", (500, 3000)),
    (Signaalpartner.ENERGIE, 15, "Voorbeeld Energie", (200, 1500)),
    (Signaalpartner.WATER, 9, "Waterbedrijf Voorbeeld", (80, 400)),
    (Signaalpartner.BELASTINGDIENST, 3, "Belastingdienst", (300, 2000)),
    (Signaalpartner.DIENST_TOESLAGEN, 3, "Dienst Toeslagen", (400, 4000)),
    (Signaalpartner.DUO, 2, "DUO", (300, 2500)),
    (Signaalpartner.CAK_EIGEN_BIJDRAGE, 1, "CAK", (100, 800)),
    (Signaalpartner.HYPOTHEEK, 1, "Hypotheekbank Voorbeeld", (1500, 8000)),
    (Signaalpartner.OVERIGE, 1, "Overige partner", (100, 1000)),
)
NOT_REACHED_RESULTS = (Eindresultaat.GEEN_CONTACT, Eindresultaat.GEEN_CONTACT, Eindresultaat.ONTERECHT,
                       Eindresultaat.GEEN_INWONER)
REACHED_RESULTS = (Eindresultaat.GEEN_HULP_NODIG, Eindresultaat.ZELF_BETAALD, Eindresultaat.GEEN_REACTIE,
                   Eindresultaat.ANDER_TRAJECT)
HELP_RESULTS = (Eindresultaat.ADVIES_QUICK_FIX, Eindresultaat.ADVIES_QUICK_FIX, Eindresultaat.VERVOLG_FINANCIEEL,
                Eindresultaat.VERVOLG_NIET_FINANCIEEL)


def signals_per_month(inhabitants: int, rng: random.Random) -> list[int]:
    """How many signals each demo month gets: the rate with ±15% month-to-month variation."""
    base = inhabitants * PER_1000_PER_MONTH / 1000
    return [max(0, round(base * rng.uniform(0.85, 1.15))) for _ in DEMO_MONTHS]


def _row(person: Persoon, rng: random.Random, month: dt.date) -> SignalRow:
    types = [p for p, *_rest in PARTNER_WEIGHTS]
    weights = [w for _p, w, *_rest in PARTNER_WEIGHTS]
    index = rng.choices(range(len(types)), weights=weights)[0]
    partnertype, _w, naam, (low, high) = PARTNER_WEIGHTS[index]
    signaaldatum = month + dt.timedelta(days=rng.randrange(0, 28))
    assert person.huishouden is not None  # _adults() selects persons by their household's address
    adres = person.huishouden.adres
    return SignalRow(
        bsn="", voorletters=person.voorletters, voorvoegsel=person.tussenvoegsel, achternaam=person.achternaam,
        geboortedatum=person.geboortedatum, straat=adres.straat, postcode=adres.postcode,
        huisnummer=adres.huisnummer, huisletter=adres.huisletter, toevoeging=adres.huisnummertoevoeging,
        plaats=adres.woonplaats, telefoon="", email="", partnertype=str(partnertype), partnernaam=naam,
        bedrag=rng.randrange(low, high), ontstaansdatum=signaaldatum - dt.timedelta(days=rng.randrange(30, 120)),
        signaaldatum=signaaldatum, crisissignaal=rng.random() < 0.04, warme_overdracht=rng.random() < 0.05,
    )


def _adults(ctx: DemoContext) -> list[Persoon]:
    cutoff = dt.date(2008, 1, 1)
    return list(Persoon.objects.filter(huishouden__adres__buurt__wijk__gemeente__code=GEMEENTE_CODE,
                                       geboortedatum__lt=cutoff)
                .select_related("huishouden__adres").order_by("pk"))


def _backdate(zaak: Vroegsignaalzaak, ontvangen: dt.date) -> None:
    """Move the write path's 'today' stamps back to when the demo says it happened (module docstring)."""
    dagen = 1 if zaak.crisis else 5
    Vroegsignaalzaak.objects.filter(pk=zaak.pk).update(
        ontvangen=ontvangen, termijn_eerste_contact=add_working_days(ontvangen, dagen),
        termijn_afsluiten=add_working_days(ontvangen, 40))
    zaak.ontvangen = ontvangen


def _work(zaak: Vroegsignaalzaak, rng: random.Random, worker: User, age_months: int, today: dt.date) -> None:
    """Take the zaak as far as its age says (module docstring)."""
    if age_months == 0 and rng.random() < 0.3:
        return  # new: nobody has tried yet
    first = add_working_days(zaak.ontvangen, rng.choice((0, 1, 2, 3, 4, 5, 6, 8)))
    if first > today:
        return
    record_contact_attempt(zaak, soort=Contactsoort.BRIEF, bereikt=False, datum=first, dagdeel=Dagdeel.OCHTEND,
                           by=worker)
    reached = rng.random() < 0.55
    last = first
    if reached:
        last = add_working_days(first, rng.randrange(2, 8))
        if last > today:
            return
        record_contact_attempt(zaak, soort=rng.choice((Contactsoort.TELEFOON, Contactsoort.HUISBEZOEK)),
                               bereikt=True, datum=last, dagdeel=rng.choice(Dagdeel.values), by=worker)
    elif rng.random() < 0.7:
        last = add_working_days(first, rng.randrange(3, 10))
        if last > today:
            return
        record_contact_attempt(zaak, soort=Contactsoort.HUISBEZOEK, bereikt=False, datum=last,
                               dagdeel=Dagdeel.MIDDAG, by=worker)
        record_contact_attempt(zaak, soort=Contactsoort.KAARTJE, bereikt=False, datum=last, dagdeel=Dagdeel.MIDDAG,
                               by=worker)
    if age_months == 0:
        if reached and rng.random() < 0.35:
            accept_help(zaak, by=worker)
        return  # the last month stays open
    if reached:
        result = rng.choice(HELP_RESULTS) if rng.random() < 0.35 else rng.choice(REACHED_RESULTS)
    else:
        result = rng.choice(NOT_REACHED_RESULTS)
    close_zaak(zaak, eindresultaat=result, by=worker)
    Vroegsignaalzaak.objects.filter(pk=zaak.pk).update(gesloten=add_working_days(last, rng.randrange(1, 15)))


def run(ctx: DemoContext) -> None:
    rng = ctx.rng("vroegsignalen")
    gemeente = Gemeente.objects.get(code=GEMEENTE_CODE)
    partner = Organisatie.objects.create(naam=DEMO_PARTNER, soort=OrganisatieSoort.ZORG,
                                         email="vroegsignalering@zorgverzekeraar.voorbeeld.test")
    partner.gemeenten.add(gemeente)
    adults = _adults(ctx)
    if not adults:
        ctx.counts.update(vroegsignalen=0)
        return
    inhabitants = Persoon.objects.filter(huishouden__adres__buurt__wijk__gemeente__code=GEMEENTE_CODE).count()
    workers: dict[int, list[User]] = {}
    for user in User.objects.filter(role=Role.MEDEWERKER, teams__gemeente=gemeente).order_by("pk"):
        for team_id in user.teams.values_list("pk", flat=True):
            workers.setdefault(team_id, []).append(user)
    teams = teams_by_buurt()
    today = DEMO_MONTHS[-1] + dt.timedelta(days=27)
    per_month = signals_per_month(inhabitants, rng)
    progress = ctx.progress("vroegsignalen", sum(per_month))
    done = new = 0
    adres_ids: set[int] = set()
    for index, (month, n) in enumerate(zip(DEMO_MONTHS, per_month, strict=True)):
        zaken: dict[int, dt.date] = {}
        for _ in range(n):
            person = adults[rng.randrange(len(adults))]
            row = _row(person, rng, month)
            result = ingest_signal(row, system=SYSTEM, bron=rng.choice((Bron.BESTAND, Bron.BESTAND, Bron.API)),
                                   organisatie_id=partner.pk if row.partnernaam == DEMO_PARTNER else None,
                                   teams=teams, classify_now=False)
            done += 1
            progress.update(done)
            if result.outcome is not Outcome.NEW or result.signaal is None:
                continue
            new += 1
            signaal = result.signaal
            Signaal.objects.filter(pk=signaal.pk).update(
                ontvangen=ctx.now.replace(year=row.signaaldatum.year, month=row.signaaldatum.month,
                                          day=row.signaaldatum.day))
            if signaal.adres_id:
                adres_ids.add(signaal.adres_id)
            if signaal.zaak_id and signaal.zaak_id not in zaken:
                zaken[signaal.zaak_id] = add_working_days(row.signaaldatum, rng.randrange(0, 3))
        classify_addresses(sorted(adres_ids))
        for zaak in Vroegsignaalzaak.objects.filter(pk__in=sorted(zaken), status=ZaakStatus.NIEUW).order_by("pk"):
            _backdate(zaak, min(zaken[zaak.pk], today))
            team_workers = workers.get(zaak.team_id or 0) or [w for ws in workers.values() for w in ws]
            if team_workers:
                _work(zaak, rng, team_workers[rng.randrange(len(team_workers))], len(DEMO_MONTHS) - 1 - index,
                      today)
    ctx.counts.update(vroegsignalen=new, vroegsignaalzaken=Vroegsignaalzaak.objects.filter(
        Q(buurt__wijk__gemeente=gemeente) | Q(team__gemeente=gemeente)).count())


def reset(ctx: DemoContext) -> None:
    gemeente_q = Q(buurt__wijk__gemeente__code=GEMEENTE_CODE)
    # `accept_help` handed some households to intake through the registered handoff: those help requests
    # exist because of this step, and they point at the teams the staff step's reset deletes.
    intake_ids = list(Vroegsignaalzaak.objects.filter(gemeente_q, intake_id__isnull=False)
                      .values_list("intake_id", flat=True))
    if intake_ids:
        Hulpvraag.objects.filter(pk__in=intake_ids).delete()
    Signaal.objects.filter(gemeente_q).delete()
    Vroegsignaalzaak.objects.filter(gemeente_q | Q(team__gemeente__code=GEMEENTE_CODE)).delete()
    partner = Organisatie.objects.filter(naam=DEMO_PARTNER, gemeenten__code=GEMEENTE_CODE)
    # The token printed at each start protects its organisation (a real partner's keys are never deleted).
    ApiToken.objects.filter(organisatie__in=partner).delete()
    partner.delete()


STEP = register(Step(name="vroegsignalen", order=50, run=run, reset=reset))
