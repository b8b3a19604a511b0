# SPDX-License-Identifier: EUPL-1.2
"""Demo step "verwijzingen": closed-loop referrals in every state, second-line waits within and beyond the norm,
and a year of started second-line referrals so the waiting overview has figures above the disclosure threshold.

Two partner logins of different organisations receive referrals: `partner` (Stichting Welzijn Voorbeeld,
collective provisions) and `partner3` (GGZ Voorbeeld-Midden, second line); Jeugdhulp Voorbeeld (`partner6`)
gets second-line referrals too. The step opens a case (casussen's write path) for demo requests whose household
has none, and refers from it; everything goes through verwijzingen's write path (consent, events, audit).
Only the dates of the referral (referred, registered, intake, start) lie in the past; the events are stamped
with the moment the demo was built.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from wijkteam.accounts.models import Role, User
from wijkteam.casussen.models import CASUS_OPEN, Casus, Taak
from wijkteam.casussen.services import open_case
from wijkteam.demo.generator import DemoContext, Step, register
from wijkteam.demo.hulpvragen.steps import demo_requests
from wijkteam.hulpvragen.models import HulpvraagStatus
from wijkteam.sociale_kaart.models import Service
from wijkteam.verwijzingen.models import Domein, GedeeldGegeven, Soort, Verwijzing
from wijkteam.verwijzingen.services import NewReferral, change_status, create_referral, save_bridging_plan

WELZIJN = "Stichting Welzijn Voorbeeld"
GGZ = "GGZ Voorbeeld-Midden"
JEUGD = "Jeugdhulp Voorbeeld"
HISTORY = 130  # started second-line referrals over the last year: the overview shows figures, not only "<10"

# (status path after "verstuurd", soort, referred so many days ago) for the referrals of open cases: every
# state at least once; the first is past its answer date, so the reminder command has work.
PATHS: tuple[tuple[tuple[str, ...], str, int], ...] = (
    ((), Soort.COLLECTIEF, 12),
    (("ontvangen",), Soort.COLLECTIEF, 4),
    (("geaccepteerd",), Soort.COLLECTIEF, 9),
    (("afgewezen",), Soort.COLLECTIEF, 15),
    (("geaccepteerd", "gestart"), Soort.COLLECTIEF, 20),
    (("geaccepteerd", "gestart", "afgerond"), Soort.COLLECTIEF, 40),
    (("geaccepteerd", "niet_verschenen"), Soort.COLLECTIEF, 25),
    (("gestopt",), Soort.COLLECTIEF, 8),
    (("wachtlijst",), Soort.TWEEDE_LIJN, 10),  # within the norm
    (("ontvangen", "wachtlijst"), Soort.TWEEDE_LIJN, 50),  # beyond the norm, with a bridging plan
    (("wachtlijst",), Soort.TWEEDE_LIJN, 45),  # beyond the norm, without a plan: the alert
    (("geaccepteerd", "wachtlijst", "gestart"), Soort.TWEEDE_LIJN, 60),
)
REASONS = {"afgewezen": "Valt buiten onze doelgroep; past beter bij het buurthuis.",
           "niet_verschenen": "Twee keer niet gekomen op de afspraak, telefonisch niet bereikt.",
           "gestopt": "Bewoner wil het eerst zelf proberen met hulp van de buurvrouw."}


def _service(naam: str) -> Service | None:
    return Service.objects.filter(organization__organisatie__naam=naam).order_by("name").first()


def _open_cases(ctx: DemoContext, wanted: int) -> list[Casus]:
    cases: list[Casus] = []
    # Not the triaged requests still waiting for their next step: opening a case would move them on, and the
    # triage screen of the demo should keep some to show.
    for hulpvraag in demo_requests().filter(huishouden__isnull=False, team__isnull=False, persoon__isnull=False
                                            ).exclude(status=HulpvraagStatus.GETRIEERD
                                                      ).select_related("team").order_by("pk"):
        if len(cases) >= wanted:
            break
        if hulpvraag.huishouden is None or hulpvraag.team is None:
            continue
        if Casus.objects.filter(huishouden=hulpvraag.huishouden, status__in=sorted(CASUS_OPEN)).exists():
            continue
        regisseur = (User.objects.filter(teams=hulpvraag.team, role=Role.MEDEWERKER, is_active=True)
                     .order_by("username").first())
        if regisseur is None:
            continue
        cases.append(open_case(hulpvraag.huishouden, regisseur=regisseur, team=hulpvraag.team, by=regisseur,
                               hulpvraag=hulpvraag))
    return cases


def _walk(v: Verwijzing, path: tuple[str, ...], day: dt.date) -> None:
    for status in path:
        change_status(v, status, system="demo-partner", reden=REASONS.get(status, ""),
                      datum=day if status in ("gestart", "afgerond", "niet_verschenen") else None,
                      warme_overdracht=("Kennismaking met de bewoner en de regisseur samen."
                                        if status == "gestart" else ""))


def _refer(case: Casus, service: Service, soort: str, rng: random.Random, verwezen_op: dt.date,
           domein: str = "", product: str = "") -> Verwijzing:
    persoon = case.hulpvraag.persoon if case.hulpvraag else None
    gedeeld: list[str] = [GedeeldGegeven.NAAM, GedeeldGegeven.CONTACT, *rng.sample(
        [GedeeldGegeven.ADRES, GedeeldGegeven.VRAAG, GedeeldGegeven.LEVENSDOMEINEN, GedeeldGegeven.GEBOORTEDATUM], 2)]
    return create_referral(NewReferral(
        service=service, soort=soort, gedeeld=gedeeld, persoon=persoon, domein=domein, product=product,
        samenvatting=case.hulpvraag.omschrijving[:300] if case.hulpvraag else "",
        levensdomeinen=tuple(case.hulpvraag.levensdomeinen if case.hulpvraag else ()), verwezen_op=verwezen_op),
        by=case.regisseur, casus=case, hulpvraag=case.hulpvraag)


def run(ctx: DemoContext) -> None:
    rng = ctx.rng("verwijzingen")
    welzijn, ggz, jeugd = _service(WELZIJN), _service(GGZ), _service(JEUGD)
    if welzijn is None or ggz is None:
        ctx.say("  verwijzingen: no partner services in the sociale kaart; skipped")
        return
    today = timezone.localdate()
    cases = _open_cases(ctx, len(PATHS) + 10)
    # The demo's case count is every case it holds, these included (the cases step counted its own).
    ctx.counts["casussen"] = ctx.counts.get("casussen", 0) + len(cases)
    made = 0
    for case, (path, soort, days_ago) in zip(cases, PATHS, strict=False):
        second = soort == Soort.TWEEDE_LIJN
        v = _refer(case, ggz if second else welzijn, soort, rng, today - dt.timedelta(days=days_ago),
                   domein=Domein.GGZ if second else "", product="Basis-GGZ" if second else "")
        _walk(v, path, today - dt.timedelta(days=max(0, days_ago - 7)))
        if second and path == ("ontvangen", "wachtlijst"):
            save_bridging_plan(v, by=case.regisseur, wat_team="Elke twee weken een huisbezoek of belafspraak.",
                               wat_netwerk="Zus komt twee keer per week langs.", checkin_dagen=14,
                               risicosignalen="Somberheid neemt toe, niet meer opnemen, niet meer eten.")
        made += 1
    # A year of started second-line referrals (the waiting overview), on the remaining cases in turn.
    history_cases = cases[len(PATHS):] or cases
    organisations: list[tuple[Service, str, str]] = [(ggz, Domein.GGZ, "Basis-GGZ"),
                                                     (ggz, Domein.GGZ, "Specialistische GGZ")]
    if jeugd is not None:
        organisations.append((jeugd, Domein.JEUGDZORG, "Ambulante jeugdhulp"))
    for n in range(HISTORY if history_cases else 0):
        service, domein, product = organisations[n % len(organisations)]
        case = history_cases[n % len(history_cases)]
        start = today - dt.timedelta(days=rng.randint(0, 360))
        to_intake, to_start = rng.randint(7, 45), rng.randint(7, 90)
        verwezen = start - dt.timedelta(days=to_intake + to_start)
        v = _refer(case, service, Soort.TWEEDE_LIJN, rng, verwezen, domein=domein, product=product)
        change_status(v, "geaccepteerd", system="demo-partner",
                      dates={"intake_op": verwezen + dt.timedelta(days=to_intake)})
        change_status(v, "gestart", system="demo-partner", datum=start)
        if start < today - dt.timedelta(days=120):
            change_status(v, "afgerond", system="demo-partner", datum=start + dt.timedelta(days=90))
        made += 1
    ctx.counts["verwijzingen"] = made
    ctx.say(f"  verwijzingen: {made} (in every state; logins partner and partner3 see theirs)")


def reset(ctx: DemoContext) -> None:
    # Before the requests' and households' resets (reverse order): referrals point at both, and at the cases
    # this step opened (it opens its own, never reuses one), which go with them.
    case_ids = set(Verwijzing.objects.exclude(casus__isnull=True).values_list("casus_id", flat=True))
    Verwijzing.objects.all().delete()
    Taak.objects.filter(casus_id__in=case_ids).delete()
    Casus.objects.filter(pk__in=case_ids).delete()


# After "casussen" (70): its cases exist first, so this step picks households without one.
STEP = register(Step(name="verwijzingen", order=80, run=run, reset=reset))
