# SPDX-License-Identifier: EUPL-1.2
"""A zaak's deadlines are Dutch working days after receipt: weekends and public holidays do not count. First
contact within 5 (1 for a crisis), closing within 40, both per team as its teamleider set them; a crisis
arriving later brings the first-contact deadline forward."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from tests.factories_vroegsignalering import signal_row
from tests.vroegsignalering.support import place_postcode
from wijkteam.vroegsignalering.models import OutreachInstelling, Vroegsignaalzaak
from wijkteam.vroegsignalering.services import ingest_signal

pytestmark = pytest.mark.django_db

# Wednesday 23 December 2026: Christmas (Fri 25) and the weekend lie between.
CHRISTMAS_WEEK = dt.datetime(2026, 12, 23, 9, 0, tzinfo=dt.UTC)


def ingest(**row):
    return ingest_signal(signal_row(signaaldatum="20-11-2026", **row), system="t")


def test_received_before_christmas_first_contact_after_it(place):
    place_postcode(place)
    with time_machine.travel(CHRISTMAS_WEEK, tick=False):
        zaak = ingest(achternaam="Smit", huisnummer="5").signaal.zaak
    zaak.refresh_from_db()
    assert zaak.ontvangen == dt.date(2026, 12, 23)
    # 24 (Thu), 28, 29, 30, 31 Dec: Friday 25 is Christmas, 26/27 the weekend.
    assert zaak.termijn_eerste_contact == dt.date(2026, 12, 31)
    # 40 working days: also past New Year's Day (Fri 1 Jan 2027).
    assert zaak.termijn_afsluiten == dt.date(2027, 2, 19)
    assert not zaak.termijn_bij_crisis


def test_a_crisis_gets_one_working_day(place):
    place_postcode(place)
    with time_machine.travel(dt.datetime(2026, 12, 24, 9, 0, tzinfo=dt.UTC), tick=False):
        zaak = ingest(achternaam="Smit", huisnummer="5", crisis=True).signaal.zaak
    zaak.refresh_from_db()
    assert zaak.termijn_eerste_contact == dt.date(2026, 12, 28)  # Thursday 24th → Monday 28th
    assert zaak.termijn_bij_crisis


def test_a_crisis_arriving_later_brings_the_deadline_forward(place):
    place_postcode(place)
    with time_machine.travel(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC), tick=False):  # Monday
        zaak = ingest(achternaam="Smit", huisnummer="5").signaal.zaak
    zaak.refresh_from_db()
    assert zaak.termijn_eerste_contact == dt.date(2026, 11, 30)
    with time_machine.travel(dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC), tick=False):  # Wednesday
        ingest(achternaam="Smit", huisnummer="5", huur=True, crisis=True)
    zaak.refresh_from_db()
    assert zaak.crisis and zaak.termijn_bij_crisis
    assert zaak.termijn_eerste_contact == dt.date(2026, 11, 26)
    assert zaak.termijn_afsluiten == dt.date(2027, 1, 20)  # closing is still counted from receipt


def test_the_teams_own_terms_apply_to_new_zaken(place, users):
    place_postcode(place)
    OutreachInstelling.objects.create(team=place.team_a, dagen_eerste_contact=3, dagen_eerste_contact_crisis=1,
                                      dagen_afsluiten=20)
    with time_machine.travel(CHRISTMAS_WEEK, tick=False):
        ingest(achternaam="Smit", huisnummer="5")
    zaak = Vroegsignaalzaak.objects.get()
    assert zaak.team == place.team_a
    assert zaak.termijn_eerste_contact == dt.date(2026, 12, 29)
    assert zaak.termijn_afsluiten == dt.date(2027, 1, 22)
