# SPDX-License-Identifier: EUPL-1.2
"""One household through everything built so far, in a real browser, each person in a browser of their own
(issue 20 item 6): an energy company's system sends a signal through the API; the medewerker finds the zaak in
the outreach queue, reaches the resident and hands the household to intake; the request is in the team's
intake queue, the medewerker scores it, reads the collective proposals with their reasons and decides per
domain (collectief and tweede lijn); from triage the medewerker opens the case and writes the plan.

At every hand-over the next person finds it where they work (queue row, link, timeline entry); axe-core finds
0 WCAG 2.1 AA violations on the main pages; at the end the audit trail holds the household's reads, creations
and changes."""

from __future__ import annotations

import datetime as dt
import json
import re
from contextlib import ExitStack
from typing import Any

import pytest
from django.template.defaultfilters import date as date_format
from django.utils import timezone

from tests.browser_support import assert_accessible
from tests.vroegsignalering.partner_api_support import signal_json
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.casussen.models import Casus
from wijkteam.hulpvragen.models import Hulpvraag, TriageBesluit
from wijkteam.verwijzingen.models import Verwijzing, VerwijzingStatus
from wijkteam.vroegsignalering.models import Signaal

from .chain_support import COLLECTIVE, GGZ, body, chain_world, go, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _send_signal(browser: Any, live_server: Any, secret: str) -> int:
    """The energy company's system: no login, no cookies, only its token."""
    context = browser.new_context(base_url=live_server.url)
    try:
        answer = context.request.post(
            "/api/vroegsignalering/signalen/",
            data=json.dumps(signal_json(voorletters="F.", achternaam="Bakker", geboortedatum="15-06-1985",
                                        straatnaam="Havenstraat", huisnummer="12", telefoonnummer="0612345678",
                                        email="f.bakker@example.test", bedrag="640")),
            headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"})
        assert answer.status == 201, answer.text()
        result = answer.json()
        assert result["resultaat"] == "nieuw" and set(result) == {"resultaat", "id"}  # no personal data back
        return int(result["id"])
    finally:
        context.close()


def _outreach(worker: Any, zaak: Any, today: dt.date) -> Hulpvraag:
    """Step 2: the zaak is in team A's queue; the worker takes it, reaches the resident, help is accepted."""
    worker.goto("/werk/vroegsignalering/wachtrij/")
    row = worker.locator("#wachtrij tbody tr", has_text="Bakker")
    assert row.count() == 1 and "Havenstraat 12" in row.inner_text()
    assert_accessible(worker)
    go(worker, lambda: row.get_by_role("button", name=f"Zaak {zaak.pk}: ik pak hem op").click())
    go(worker, lambda: worker.locator("#wachtrij tbody tr", has_text="Bakker").get_by_role("link").click())
    assert worker.locator("h1").inner_text() == f"Vroegsignaalzaak {zaak.pk}"
    assert_accessible(worker)
    worker.get_by_label("Soort contact").select_option("Telefoon")
    worker.get_by_label("Inwoner bereikt?").select_option("ja")
    worker.get_by_label("Datum van de contactpoging").fill(today.isoformat())
    worker.get_by_label("Dagdeel").select_option("Ochtend")
    go(worker, lambda: worker.get_by_role("button", name="Contactpoging opslaan").click())
    assert worker.locator("#zaak-status").inner_text() == "In gesprek"
    go(worker, lambda: worker.get_by_role("button", name="Inwoner accepteert hulp: doorzetten naar intake").click())
    assert worker.locator("#zaak-status").inner_text() == "Doorgezet naar intake"
    hulpvraag = Hulpvraag.objects.get(vroegsignaalzaak=zaak)
    assert worker.locator("#intake-link").get_attribute("href") == f"/werk/hulpvragen/{hulpvraag.pk}/"
    assert_accessible(worker)
    return hulpvraag


def _intake_and_triage(worker: Any, zaak: Any, hulpvraag: Hulpvraag) -> None:
    """Step 3: the request is in the team's intake queue, linked to the zaak; scores, proposals, decisions."""
    worker.goto("/werk/hulpvragen/")
    link = worker.get_by_role("link", name=f"HV-{hulpvraag.pk}", exact=True)
    assert link.count() == 1
    assert "Vroegsignalering" in worker.locator("tr", has=link).inner_text()
    assert_accessible(worker)
    go(worker, link.click)
    assert worker.get_by_role("link", name=f"Vroegsignaalzaak {zaak.pk}").count() == 1
    go(worker, lambda: worker.get_by_role("button", name="Zelf oppakken").click())
    assert_accessible(worker)
    go(worker, lambda: worker.get_by_role("link", name="Naar de triage").click())
    assert worker.locator("h1").inner_text() == f"Triage hulpvraag {hulpvraag.pk}"

    # The domains the request names (Financiën, Huisvesting) and one more (Geestelijke gezondheid).
    worker.locator("input[name='niveau_LD01'][value='3']").check()
    worker.locator("input[name='niveau_LD04'][value='4']").check()
    worker.get_by_text("Ander levensdomein toevoegen").click()
    worker.locator("input[name='niveau_LD06'][value='2']").check()
    worker.locator("input[name='veiligheid'][value='veilig']").check()
    go(worker, lambda: worker.get_by_role("button", name="Assessment vastleggen").click())
    financien = worker.locator("#domein-LD01").locator("xpath=..").inner_text()
    assert "Voorstel: Collectief (voorliggend aanbod)." in financien, financien
    assert COLLECTIVE in financien and "600 m verderop" in financien, financien
    assert_accessible(worker)
    # Financiën: collectief as proposed; Geestelijke gezondheid: tweede lijn, deviating, so with a reason;
    # any other domain in the triage: its proposal.
    names = worker.locator("input[name^='besluit_']").evaluate_all("els => els.map(e => e.name)")
    for name in sorted(set(names)):
        code = name.removeprefix("besluit_")
        if code == "LD01":
            worker.locator(f"input[name='{name}'][value='collectief']").check()
        elif code == "LD06":
            worker.locator(f"input[name='{name}'][value='tweede_lijn']").check()
            worker.get_by_label("Reden bij Geestelijke gezondheid").fill(
                "Somber sinds het verlies van haar baan; de huisarts adviseert basis-GGZ.")
        else:
            worker.locator(f"#domein-{code}").locator("xpath=..").get_by_label(re.compile(r"\(voorstel\)$")).check()
    go(worker, lambda: worker.get_by_role("button", name="Besluiten vastleggen").click())
    assert "De triage is vastgelegd." in body(worker)
    besluiten = dict(TriageBesluit.objects.filter(hulpvraag=hulpvraag).values_list("domein", "besluit"))
    assert besluiten["LD01"] == "collectief" and besluiten["LD06"] == "tweede_lijn", besluiten
    assert_accessible(worker)


def _case_and_plan(worker: Any, hulpvraag: Hulpvraag, today: dt.date) -> Casus:
    """Step 4: the case opened from triage's next step, with goals per domain and an action."""
    go(worker, lambda: worker.get_by_role("link", name="Casus openen").click())
    assert_accessible(worker)
    assert f"De casus wordt gekoppeld aan hulpvraag {hulpvraag.pk}." in body(worker)
    go(worker, lambda: worker.get_by_role("button", name="Casus openen").click())
    assert hulpvraag.huishouden_id is not None
    casus = Casus.objects.get(huishouden_id=hulpvraag.huishouden_id)
    assert worker.locator("h1").inner_text() == f"Casus {casus.pk}"
    go(worker, lambda: worker.get_by_role("link", name="Plan bewerken").click())
    worker.get_by_label("Situatie").fill("Energieachterstand van € 640; somber sinds het verlies van haar baan.")
    worker.get_by_label("Wat de bewoner zelf wil").fill("Weer rust in mijn hoofd en overzicht over mijn post.")
    worker.locator("#id_doel-0-levensdomein").select_option("LD01")
    worker.locator("#id_doel-0-doel").fill("Een betalingsregeling met het energiebedrijf en overzicht in de post.")
    worker.locator("#id_doel-1-levensdomein").select_option("LD06")
    worker.locator("#id_doel-1-doel").fill("Behandeling bij de basis-GGZ; tot dan contact elke twee weken.")
    go(worker, lambda: worker.get_by_role("button", name="Plan opslaan").click())
    assert "Het plan is opgeslagen." in body(worker)
    go(worker, lambda: worker.get_by_role("link", name="Plan bewerken").click())
    assert_accessible(worker)
    goal = worker.locator("#id_actie-0-doel option", has_text="Financiën: ").get_attribute("value")
    worker.locator("#id_actie-0-doel").select_option(goal)
    worker.locator("#id_actie-0-wie").select_option("medewerker")
    worker.locator("#id_actie-0-wat").fill("Samen naar het inloopspreekuur geldzaken.")
    worker.locator("#id_actie-0-wanneer").fill((today + dt.timedelta(days=14)).isoformat())
    go(worker, lambda: worker.get_by_role("button", name="Plan opslaan").click())
    plan = body(worker)
    assert "Een betalingsregeling met het energiebedrijf" in plan and "Behandeling bij de basis-GGZ" in plan
    assert "Samen naar het inloopspreekuur geldzaken." in plan
    assert_accessible(worker)
    return casus


def _refer(worker: Any, resident: Any, *, service: str, shared: list[str], tweede_lijn: bool = False) -> None:
    """Fill the referral form on the page the worker is on and send it: consent per item shared."""
    worker.get_by_label("Aanbod uit de sociale kaart").select_option(label=service)
    if tweede_lijn:
        worker.locator("input[name='soort'][value='tweede_lijn']").check()
        worker.get_by_label("Domein (alleen tweede lijn)").select_option("ggz")
        worker.get_by_label("Product (alleen tweede lijn)").fill("Basis-GGZ")
        worker.get_by_label("Aangemeld bij de aanbieder op").fill(timezone.localdate().isoformat())
    worker.get_by_label("Voor wie").select_option(str(resident.pk))
    for item in shared:
        worker.locator(f"input[name='gedeeld'][value='{item}']").check()
    worker.get_by_label("Samenvatting van de hulpvraag voor de partner").fill(
        "Wil hulp bij de post en een betalingsregeling; somber sinds het verlies van haar baan.")
    assert_accessible(worker)
    go(worker, lambda: worker.get_by_role("button", name="Verwijzing versturen").click())


def _answer(partner: Any, status: str, **fields: str) -> None:
    """The partner's answer on the referral's page in the portal."""
    partner.get_by_label("Nieuwe status").select_option(status)
    for label, value in fields.items():
        partner.get_by_label(label).fill(value)
    go(partner, lambda: partner.get_by_role("button", name="Antwoord opslaan").click())
    assert partner.locator("#verwijzing-status").inner_text().startswith(str(VerwijzingStatus(status).label))


def _timeline(worker: Any, casus: Casus) -> str:
    worker.goto(f"/werk/casussen/{casus.pk}/")
    return str(worker.locator(".wt-timeline").inner_text())


def test_one_household_through_the_whole_chain(browser: Any, live_server: Any, place: Any, users: Any) -> None:
    world = chain_world(place, users)
    today = timezone.localdate()

    # 1. A signal arrives through the partner API.
    signaal = Signaal.objects.select_related("zaak", "persoon").get(
        pk=_send_signal(browser, live_server, world.api_secret))
    zaak, resident = signaal.zaak, signaal.persoon
    assert zaak is not None and resident is not None and zaak.team_id == place.team_a.pk
    household_id = signaal.huishouden_id

    with ExitStack() as people:
        worker = people.enter_context(person(browser, live_server, "medewerker"))
        hulpvraag = _outreach(worker, zaak, today)  # 2.
        _intake_and_triage(worker, zaak, hulpvraag)  # 3.
        casus = _case_and_plan(worker, hulpvraag, today)  # 4.

        # 5. Referrals, started from the case page (verwijzingen registers the link through casussen.actions).
        worker.goto(f"/werk/casussen/{casus.pk}/")
        worker.get_by_role("link", name="Verwijzen naar een voorziening of de tweede lijn").click()
        worker.wait_for_load_state()
        _refer(worker, resident, service=f"{COLLECTIVE} ({world.organisatie_a.naam})", shared=["naam", "contact"])
        collectief = Verwijzing.objects.get(casus=casus, soort="collectief")
        assert worker.locator("h1").inner_text() == f"Verwijzing {collectief.pk}"
        assert worker.locator("#verwijzing-status").inner_text() == "Verstuurd"
        assert worker.locator("#gedeeld").inner_text() == "Naam, Telefoon en e-mail"
        assert_accessible(worker)
        # The second one through the case's list of referrals.
        go(worker, lambda: worker.get_by_role("link", name="Alle verwijzingen van deze casus").click())
        assert_accessible(worker)
        go(worker, lambda: worker.get_by_role("link", name="Nieuwe verwijzing").click())
        _refer(worker, resident, service=f"{GGZ} ({world.organisatie_b.naam})", shared=["naam", "contact", "vraag"],
               tweede_lijn=True)
        ggz = Verwijzing.objects.get(casus=casus, soort="tweede_lijn")
        assert worker.locator("h1").inner_text() == f"Verwijzing {ggz.pk}"

        # The GGZ provider (organisation B) sees only its own referral and puts the resident on its waiting
        # list, intake expected in eight weeks: past the Treeknorm of four.
        partner_b = people.enter_context(person(browser, live_server, world.partner_b.username))
        partner_b.goto("/werk/partner/verwijzingen/")
        assert partner_b.get_by_role("link", name=f"Verwijzing {ggz.pk}", exact=True).count() == 1
        assert partner_b.get_by_role("link", name=f"Verwijzing {collectief.pk}", exact=True).count() == 0
        go(partner_b, lambda: partner_b.get_by_role("link", name=f"Verwijzing {ggz.pk}", exact=True).click())
        assert "somber sinds het verlies van haar baan" in body(partner_b)  # the request summary was shared
        _answer(partner_b, "wachtlijst", **{"Verwachte intake": (today + dt.timedelta(weeks=8)).isoformat()})
        # Organisation B cannot open organisation A's referral.
        refused = partner_b.goto(f"/werk/partner/verwijzingen/{collectief.pk}/")
        assert refused is not None and refused.status == 403
        assert "Bakker" not in body(partner_b)

        # The worker sees the waiting list on the case timeline, follows it, and makes the bridging plan.
        assert f"Verwijzing {GGZ}: Verstuurd → Op de wachtlijst" in _timeline(worker, casus)
        go(worker, lambda: worker.get_by_role(
            "link", name=f"Meer over: Verwijzing {GGZ}: Verstuurd → Op de wachtlijst").click())
        assert worker.locator("#alert-overbrugging").is_visible()
        assert f"verwacht {date_format(today + dt.timedelta(weeks=8), 'j F Y')}" in body(worker)
        assert_accessible(worker)
        worker.get_by_label("Wat doet het wijkteam zolang de bewoner wacht?").fill(
            "Elke twee weken bellen; samen de dagstructuur bewaken.")
        worker.get_by_label("Wat doet het netwerk?").fill("Haar zus komt twee keer per week langs.")
        worker.get_by_label("Contact met de bewoner elke zoveel dagen").fill("14")
        worker.get_by_label("Bij welke signalen gaat het naar de teamleider?").fill(
            "Niet meer opnemen; de somberheid neemt toe.")
        go(worker, lambda: worker.get_by_role("button", name="Overbruggingsplan opslaan").click())
        assert worker.locator("#alert-overbrugging").count() == 0
        assert "Elke 14 dagen" in worker.locator("#overbruggingsplan").inner_text()
        worker.goto(f"/werk/casussen/{casus.pk}/")
        checkins = worker.locator("#taken ~ table tbody tr", has_text=f"Overbrugging {GGZ}: contact")
        assert checkins.count() >= 2, worker.locator("#taken ~ table").inner_text()
        assert_accessible(worker)

        # 6. Partner A: the referral in the portal with only what the resident consented to share; accepts,
        # waiting list, start with the warme overdracht, completed.
        partner_a = people.enter_context(person(browser, live_server, "partner"))
        partner_a.goto("/werk/partner/verwijzingen/")
        assert partner_a.get_by_role("link", name=f"Verwijzing {ggz.pk}", exact=True).count() == 0
        assert_accessible(partner_a)
        go(partner_a, lambda: partner_a.get_by_role("link", name=f"Verwijzing {collectief.pk}", exact=True).click())
        shared = partner_a.locator("#gegevens").inner_text()
        assert resident.volledige_naam in shared and "0612345678" in shared and "f.bakker@example.test" in shared
        page_text = body(partner_a)
        for withheld in ("Havenstraat", "3511", "1985", "somber", "Financiën"):
            assert withheld not in page_text, withheld
        assert_accessible(partner_a)
        _answer(partner_a, "geaccepteerd")
        _answer(partner_a, "wachtlijst", **{"Verwachte start": (today + dt.timedelta(days=7)).isoformat()})
        _answer(partner_a, "gestart", **{"Warme overdracht": "Kennismaking samen met de regisseur op het spreekuur."})
        _answer(partner_a, "afgerond")
        assert "Deze verwijzing is afgesloten." in body(partner_a)
        assert_accessible(partner_a)

        # Each step shows up on the case for the worker.
        timeline = _timeline(worker, casus)
        for step in (f"Verwezen naar {COLLECTIVE}", f"Verwijzing {COLLECTIVE}: Verstuurd → Geaccepteerd",
                     f"Verwijzing {COLLECTIVE}: Geaccepteerd → Op de wachtlijst",
                     f"Verwijzing {COLLECTIVE}: Op de wachtlijst → Gestart",
                     "Kennismaking samen met de regisseur op het spreekuur.",
                     f"Verwijzing {COLLECTIVE}: Gestart → Afgerond", f"Verwezen naar {GGZ}"):
            assert step in timeline, (step, timeline)

        # The GGZ care starts (the warme overdracht recorded); 7. the regisseur closes the case.
        partner_b.goto(f"/werk/partner/verwijzingen/{ggz.pk}/")
        _answer(partner_b, "gestart", **{"Warme overdracht": "Intake samen met de regisseur; behandelaar bekend."})
        assert f"Verwijzing {GGZ}: Op de wachtlijst → Gestart" in _timeline(worker, casus)
        worker.get_by_label("Reden van afsluiten").select_option("overgedragen")
        worker.get_by_label("Uitkomst", exact=True).select_option("deels")
        worker.locator("#id_sluiten-toelichting").fill("Geldzaken op orde; behandeling loopt bij De Brug.")
        go(worker, lambda: worker.get_by_role("button", name="Casus afsluiten").click())
        assert worker.locator("#casus-status").inner_text() == "Afgesloten"
        closed = body(worker)
        assert "Overgedragen aan andere hulp · Doelen deels bereikt" in closed, closed
        assert_accessible(worker)

    casus.refresh_from_db()
    collectief.refresh_from_db()
    assert (casus.status, casus.sluitreden, casus.uitkomst) == ("afgesloten", "overgedragen", "deels")
    assert collectief.status == "afgerond"

    # The audit trail of the household: the token created it; the worker read, created and changed; partner A
    # read the referral and changed it four times; partner B's attempt on it was refused and recorded.
    trail = AuditEvent.objects.filter(household_id=household_id)
    assert trail.filter(action=Action.CREATE, username__startswith="api-token:").exists()
    for action in (Action.READ, Action.CREATE, Action.UPDATE):
        assert trail.filter(action=action, user_id=users.medewerker.pk).exists(), action
    for object_type in ("vroegsignalering.vroegsignaalzaak", "hulpvragen.hulpvraag", "casussen.casus",
                        "verwijzingen.verwijzing"):
        assert trail.filter(object_type=object_type, user_id=users.medewerker.pk).exists(), object_type
    of_a = trail.filter(object_type="verwijzingen.verwijzing", object_id=str(collectief.pk), user_id=users.partner.pk)
    assert of_a.filter(action=Action.READ).exists() and of_a.filter(action=Action.UPDATE).count() == 4
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=world.partner_b.pk,
                                     object_type="verwijzingen.verwijzing", object_id=str(collectief.pk)).exists()
    assert not trail.filter(user_id=world.partner_b.pk, object_id=str(collectief.pk)).exclude(
        action=Action.DENIED).exists()
