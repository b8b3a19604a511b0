# SPDX-License-Identifier: EUPL-1.2
"""The resident is told what happens next and by when, in working days: 3 (1 when urgent), counted past
weekends and Dutch public holidays, naming the team; the deadline in the text is the one in the queue."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from wijkteam.hulpvragen.intake.acknowledgement import acknowledgement, acknowledgement_text
from wijkteam.hulpvragen.models import ContactVoorkeur, Kanaal
from wijkteam.hulpvragen.services import Aanvrager, Contact, create_request

from .support import adres, postcodes

pytestmark = pytest.mark.django_db

ANNA = Aanvrager(achternaam="Jansen", geboortedatum=dt.date(1990, 4, 2))


def test_three_working_days_past_the_weekend(place: Any, frozen_time: Any) -> None:
    postcodes(place)  # Wednesday 25 November 2026 → Monday 30 November
    hv = create_request(kanaal=Kanaal.WEB, omschrijving="Geldzorgen", aanvrager=ANNA, adres=adres(),
                        contact=Contact(voorkeur=ContactVoorkeur.TELEFOON), system="webformulier")
    assert hv.reactie_uiterlijk == dt.date(2026, 11, 30)
    text = acknowledgement_text(hv)
    assert "uiterlijk maandag 30 november contact met u op" in text
    assert "binnen 3 werkdagen" in text
    assert "Wijkteam Centrum" in text and f"HV-{hv.pk}" in text
    assert "We bellen u." in text
    assert "112" in text and "0800-2000" in text


def test_urgent_is_one_working_day(place: Any, frozen_time: Any) -> None:
    postcodes(place)
    hv = create_request(kanaal=Kanaal.WEB, omschrijving="Ik ben niet veilig thuis", aanvrager=ANNA, adres=adres(),
                        urgent=True, system="webformulier")
    assert hv.reactie_uiterlijk == dt.date(2026, 11, 26)
    assert acknowledgement(hv).werkdagen == 1
    assert "binnen 1 werkdag." in acknowledgement_text(hv)


def test_public_holidays_do_not_count(place: Any) -> None:
    postcodes(place)
    # Thursday 24 December 2026, the day before Christmas.
    with time_machine.travel(dt.datetime(2026, 12, 24, 10, 0, tzinfo=dt.UTC), tick=False):
        hv = create_request(kanaal=Kanaal.WEB, omschrijving="Geldzorgen", aanvrager=ANNA, adres=adres(),
                            system="webformulier")
    # 25 Dec (Friday) is a holiday; the weekend does not count: 28, 29, 30 December.
    assert hv.reactie_uiterlijk == dt.date(2026, 12, 30)
    assert "woensdag 30 december" in acknowledgement_text(hv)


def test_the_central_queue_names_the_wijkteam(place: Any, frozen_time: Any, settings: Any) -> None:
    settings.WIJKTEAM_HULPVRAAG_REACTIE_WERKDAGEN = 5
    hv = create_request(kanaal=Kanaal.WEB, omschrijving="Hulp", contact=Contact(email="a@voorbeeld.nl"),
                        system="webformulier")
    assert hv.team_id is None
    text = acknowledgement_text(hv)
    assert "Een medewerker van het wijkteam neemt uiterlijk woensdag 2 december contact met u op" in text
    assert "binnen 5 werkdagen" in text
