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
from typing import Any

import pytest
from django.utils import timezone

from tests.browser_support import assert_accessible
from tests.vroegsignalering.partner_api_support import signal_json
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.casussen.models import Casus
from wijkteam.hulpvragen.models import Hulpvraag, TriageBesluit
from wijkteam.vroegsignalering.models import Signaal

from .chain_support import COLLECTIVE, body, chain_world, go, person

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


def test_one_household_through_the_whole_chain(browser: Any, live_server: Any, place: Any, users: Any) -> None:
    world = chain_world(place, users)
    today = timezone.localdate()

    # 1. A signal arrives through the partner API.
    signaal = Signaal.objects.select_related("zaak", "persoon").get(pk=_send_signal(browser, live_server,
                                                                                    world.api_secret))
    zaak, resident = signaal.zaak, signaal.persoon
    assert zaak is not None and resident is not None and zaak.team_id == place.team_a.pk
    household_id = signaal.huishouden_id

    with person(browser, live_server, "medewerker") as worker:
        # 2. Outreach: the zaak is in team A's queue; the worker takes it, reaches the resident, help accepted.
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

        # 3. Intake: the request is in the team's queue, linked back to the zaak; the worker takes it.
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

        # Triage: score the named domains (Financiën, Huisvesting) and one more (Geestelijke gezondheid).
        worker.locator("input[name='niveau_LD01'][value='3']").check()
        worker.locator("input[name='niveau_LD04'][value='4']").check()
        worker.get_by_text("Ander levensdomein toevoegen").click()
        worker.locator("input[name='niveau_LD06'][value='2']").check()
        worker.locator("input[name='veiligheid'][value='veilig']").check()
        go(worker, lambda: worker.get_by_role("button", name="Assessment vastleggen").click())
        proposals = body(worker)
        assert f"{COLLECTIVE}" in proposals and "600 m verderop" in proposals, proposals
        assert_accessible(worker)
        # Financiën: the collective proposal; Geestelijke gezondheid: tweede lijn, deviating with a reason;
        # any other domain in the triage: its proposal.
        for name in sorted({n for n in worker.locator("input[name^='besluit_']").evaluate_all(
                "els => els.map(e => e.name)")}):
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

        # 4. The case, opened from triage's next step, and its plan.
        go(worker, lambda: worker.get_by_role("link", name="Casus openen").click())
        assert_accessible(worker)
        assert f"De casus wordt gekoppeld aan hulpvraag {hulpvraag.pk}." in body(worker)
        go(worker, lambda: worker.get_by_role("button", name="Casus openen").click())
        casus = Casus.objects.get(huishouden_id=household_id)
        assert worker.locator("h1").inner_text() == f"Casus {casus.pk}"
        assert casus.regisseur_id == users.medewerker.pk
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
        plan = worker.locator("#plan").locator("xpath=following-sibling::*").all_inner_texts()
        assert any("Een betalingsregeling met het energiebedrijf" in p for p in plan), plan
        assert any("Samen naar het inloopspreekuur geldzaken." in p for p in plan), plan
        assert_accessible(worker)

    # The audit trail of the household: reads, creations and changes, by the token and the worker.
    trail = AuditEvent.objects.filter(household_id=household_id)
    assert trail.filter(action=Action.CREATE, username__startswith="api-token:").exists()
    for action in (Action.READ, Action.CREATE, Action.UPDATE):
        assert trail.filter(action=action, user_id=users.medewerker.pk).exists(), action
