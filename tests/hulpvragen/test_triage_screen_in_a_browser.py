# SPDX-License-Identifier: EUPL-1.2
"""The triage screen in a real browser, without JavaScript needed: the medewerker scores the request's
domains, reads the proposals with their reasons and records a decision per domain; 0 axe-core WCAG 2.1 AA
violations on the form, on the proposals (with progress chart and table) and with errors shown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.browser_support import assert_accessible, login_in_browser
from tests.conftest import TEST_TOTP_KEY
from tests.factories import TEST_PASSWORD
from wijkteam.hulpvragen.assessment.instruments import load_instruments
from wijkteam.hulpvragen.models import TriageBesluit

from .triage_support import assess, index, provision, single_mother

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_medewerker_assesses_reads_proposals_and_decides(page: Any, place: Any, users: Any) -> None:
    load_instruments()  # a transactional test starts from a flushed database
    provision("Inloopspreekuur geldzaken Oude Haven", ["LD01", "SA01"], km=0.6, free=True, byday="TU",
              buurt=place.buurt_a)
    provision("Koffieochtend De Schakel", ["LD11", "SA05"], km=1.1, free=True, byday="FR")
    index()
    hulpvraag = single_mother(place)
    earlier = assess(hulpvraag, users.medewerker, {"LD01": 2, "LD11": 2})
    earlier.datum = dt.date(2026, 6, 1)
    earlier.save()

    login_in_browser(page, "medewerker", TEST_PASSWORD, TEST_TOTP_KEY)
    page.goto(f"/werk/hulpvragen/triage/{hulpvraag.pk}/")
    assert page.locator("h1").inner_text() == f"Triage hulpvraag {hulpvraag.pk}"
    assert_accessible(page)

    page.locator("#id_niveau_LD01_3").check()
    page.locator("#id_niveau_LD11_3").check()
    page.locator("#id_veiligheid_0").check()
    page.get_by_role("button", name="Assessment vastleggen").click()
    page.wait_for_load_state()
    body = page.locator("body").inner_text()
    assert "inloopspreekuur in de wijk, 600 m verderop" in body
    assert "Voortgang per levensdomein" in body
    assert_accessible(page)

    # Deviate without a reason: refused, with the error summary and the field error.
    page.locator("#id_besluit_LD11_4").check()  # tweede lijn
    page.get_by_role("button", name="Besluiten vastleggen").click()
    page.wait_for_load_state()
    assert "Sociaal netwerk: uw besluit (Tweede lijn) wijkt af van het voorstel" in page.locator("body").inner_text()
    assert_accessible(page)
    assert not TriageBesluit.objects.exists()

    page.get_by_label("Reden bij Sociaal netwerk").fill("Al in behandeling bij de GGZ.")
    page.get_by_role("button", name="Besluiten vastleggen").click()
    page.wait_for_load_state()
    assert "De triage is vastgelegd." in page.locator("body").inner_text()
    assert_accessible(page)
    assert TriageBesluit.objects.filter(hulpvraag=hulpvraag).count() == 2
