# SPDX-License-Identifier: EUPL-1.2
"""The caseload and continuity pages in a real browser, 0 axe-core WCAG 2.1 AA violations in each state: my
cases, the team board, the caseload page with an overload alert and a refused norm, marking a departure (also
refused), the redistribution with its summaries (changed by hand and applied without JavaScript), the handover
summary."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories_casussen as fc
from tests.browser_support import assert_accessible, login_in_browser
from tests.casussen.continuiteit_support import leaving_team
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.casussen.models import BetrokkeneSoort, Casus, Overdracht

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_team_lead_redistributes_a_departure(page: Any, place: Any, users: Any) -> None:
    team = leaving_team(place)
    fc.TeamNormFactory(team=place.team_a, punten_per_fte=10)  # the leaver (17 points) is above it
    plan = team.cases[0].plan
    plan.situatie, plan.risicos = "Schulden, dreigende huisuitzetting.", "Vader reageert soms agressief."
    plan.save()
    fc.PlanDoelFactory(plan=plan)
    fc.BetrokkeneFactory(plan=plan, soort=BetrokkeneSoort.FAMILIE, naam="Fatima", telefoon="0612345678")
    fc.ContactmomentFactory(casus=team.cases[0], verslag="Huisbezoek: post samen doorgenomen.")
    fc.TaakFactory(casus=team.cases[0], te_laat=True)
    login_in_browser(page, "teamleider", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/casussen/team/belasting/")
    assert "boven de norm" in page.locator("#overbelast").inner_text()
    assert_accessible(page)
    page.get_by_label("Punten voor een lichte casus").fill("9")
    page.get_by_role("button", name="Norm opslaan").click()
    page.wait_for_load_state()
    assert "De punten moeten oplopen" in page.locator("body").inner_text()
    assert_accessible(page)
    page.goto("/werk/casussen/team/bord/")
    assert_accessible(page)
    page.goto("/werk/casussen/team/afwezigheid/")
    assert_accessible(page)
    page.get_by_role("button", name="Melden en voorstel maken").click()
    page.wait_for_load_state()
    assert "Kies de medewerker." in page.locator("body").inner_text()
    assert_accessible(page)
    page.get_by_label("Medewerker").select_option(label="Vera Vertrek")
    page.get_by_label("Wat is er aan de hand?").select_option("vertrek")
    page.get_by_label("Vanaf").fill("2026-12-01")
    page.get_by_role("button", name="Melden en voorstel maken").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Casussen van Vera Vertrek verdelen"
    page.locator("summary").first.click()  # open one handover summary
    assert_accessible(page)
    haven_case = team.cases[-1]
    page.get_by_label(f"Nieuwe regisseur voor casus {haven_case.pk}").select_option(label="Cor Cools")
    page.get_by_role("button", name="Verdeling toepassen").click()
    page.wait_for_load_state()
    assert "overgedragen" in page.locator("body").inner_text()
    assert_accessible(page)
    assert not Casus.objects.filter(regisseur=team.leaver).exists()
    assert Overdracht.objects.get(casus=haven_case).naar == team.cor
    page.goto(f"/werk/casussen/team/casus/{team.cases[0].pk}/overdracht/")
    assert "Huisbezoek: post samen doorgenomen." in page.locator("body").inner_text()
    assert_accessible(page)


def test_a_worker_s_cases(page: Any, place: Any, users: Any) -> None:
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, huishouden__adres__buurt=place.buurt_a)
    fc.TaakFactory(casus=casus, te_laat=True)
    login_in_browser(page, "medewerker", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto("/werk/casussen/team/mijn/")
    assert page.get_by_role("link", name=f"Casus {casus.pk}").count() == 1
    assert_accessible(page)
    page.goto("/werk/casussen/team/bord/")
    assert_accessible(page)
