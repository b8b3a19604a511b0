# SPDX-License-Identifier: EUPL-1.2
"""The plan refuses to delete a goal while the same save edits an action that stays with it
(`refuse_actions_on_deleted_goals` in wijkteam/casussen/plan/forms.py), in a real browser with and without
JavaScript: the regisseur ticks "Verwijderen" on the goal, changes the action and saves. The page comes back
with the Dutch error in the summary at the top and at the action's goal, the summary's link leads to that
control (focus lands on it), the control is marked invalid and described by the error, and nothing is saved.
With JavaScript the summary takes the focus. Deleting the action too then saves. axe-core finds nothing on any
page state on the way.

The rule itself (what is refused, what is written) is the HTTP test
tests/casussen/test_deleting_a_goal_of_an_edited_action_is_refused.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pytest

from tests import factories_casussen as fc
from tests.browser.as_served_support import assert_accessible_as_served
from tests.browser.chain_support import body, go
from tests.browser_support import assert_accessible, login_in_browser
from tests.casussen.support import case_world
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.casussen.models import Plan, PlanActie, PlanDoel, Uitvoerder

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOAL = "Schulden op een rij"
ACTION = "Post openmaken"
ERROR = "U verwijdert dit doel. Kies een ander doel of verwijder deze actie ook."


def _world(place: Any, users: Any) -> tuple[Any, PlanDoel, PlanActie]:
    w = case_world(place, users)
    doel = cast(PlanDoel, fc.PlanDoelFactory(plan=w.casus.plan, doel=GOAL))
    actie = cast(PlanActie, fc.PlanActieFactory(plan=w.casus.plan, doel=doel, wie=Uitvoerder.BEWONER, wat=ACTION))
    return w, doel, actie


def _row(page: Any, formset: str, n: int) -> Any:
    return page.locator(f"#{formset}").get_by_role("group", name=f"Rij {n}", exact=True)


def _focused_id(page: Any) -> str:
    return str(page.evaluate("() => document.activeElement ? document.activeElement.id : ''"))


def _walk(page: Any, w: Any, doel: PlanDoel, actie: PlanActie, check: Callable[[Any], None], *,
          javascript: bool) -> None:
    login_in_browser(page, "medewerker", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto(f"/werk/casussen/{w.casus.pk}/")
    go(page, lambda: page.get_by_role("link", name="Plan bewerken").click())
    assert page.locator("h1").inner_text() == f"Plan van casus {w.casus.pk}"
    check(page)

    _row(page, "doel", 1).get_by_label("Verwijderen").check()
    _row(page, "actie", 1).get_by_label("Wat", exact=True).fill(f"{ACTION} met zus Fatima")
    page.get_by_label("Situatie").fill("Nieuwe situatie")
    go(page, lambda: page.get_by_role("button", name="Plan opslaan").click())

    summary = page.locator("#foutmeldingen")
    assert summary.get_by_role("heading").inner_text() == "Er is 1 fout. Er is nog niets opgeslagen."
    link = summary.get_by_role("link", name=f"Acties, rij 1, Bij doel: {ERROR}")
    assert link.get_attribute("href") == "#id_actie-0-doel"
    if javascript:
        assert _focused_id(page) == "foutmeldingen"  # error-summary.js: a screen reader starts at the summary
    goal = _row(page, "actie", 1).get_by_label("Bij doel")
    assert page.locator("#id_actie-0-doel-error").inner_text() == ERROR
    assert goal.get_attribute("aria-invalid") == "true"
    assert "id_actie-0-doel-error" in (goal.get_attribute("aria-describedby") or "").split()
    # What the worker typed is still there to correct.
    assert _row(page, "doel", 1).get_by_label("Verwijderen").is_checked()
    assert _row(page, "actie", 1).get_by_label("Wat", exact=True).input_value() == f"{ACTION} met zus Fatima"
    check(page)

    link.click()
    assert _focused_id(page) == "id_actie-0-doel"  # the link leads to the control, which takes the focus
    plan = Plan.objects.get(pk=w.casus.plan.pk)
    assert plan.versie == 1 and plan.situatie == ""
    assert PlanActie.objects.get(pk=actie.pk).wat == ACTION and PlanActie.objects.get(pk=actie.pk).doel_id == doel.pk

    # The way out the message names: delete the action as well.
    _row(page, "actie", 1).get_by_label("Verwijderen").check()
    go(page, lambda: page.get_by_role("button", name="Plan opslaan").click())
    assert page.locator("h1").inner_text() == f"Casus {w.casus.pk}"
    assert "Het plan is opgeslagen." in body(page)
    check(page)
    assert not PlanDoel.objects.filter(pk=doel.pk).exists() and not PlanActie.objects.filter(pk=actie.pk).exists()
    assert Plan.objects.get(pk=w.casus.plan.pk).situatie == "Nieuwe situatie"


def test_with_javascript(page: Any, place: Any, users: Any) -> None:
    _walk(page, *_world(place, users), assert_accessible, javascript=True)


def test_without_javascript(page_without_js: Any, place: Any, users: Any) -> None:
    _walk(page_without_js, *_world(place, users), assert_accessible_as_served, javascript=False)
