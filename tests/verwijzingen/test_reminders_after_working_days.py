# SPDX-License-Identifier: EUPL-1.2
"""`verwijzing_herinneringen`: a partner that has not answered within N working days (a setting) gets one
reminder per period of N working days, the worker is told (mail, and on the referral page); no reminder once
the partner answered; second-line waits past the norm escalate to the team lead once. Runs twice = once."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from tests import factories_verwijzingen as fv
from wijkteam.verwijzingen.models import Gebeurtenis

from .support import case_and_service

pytestmark = pytest.mark.django_db(transaction=True)  # on_commit mail runs as in production


def _run() -> str:
    out = StringIO()
    call_command("verwijzing_herinneringen", stdout=out)
    return out.getvalue()


def test_one_reminder_per_period(settings: Any, place: Any, users: Any, client_for: Any, mailoutbox: Any) -> None:
    settings.WIJKTEAM_VERWIJZING_REACTIE_WERKDAGEN = 3
    users.medewerker.email = "regisseur@team-a.test"
    users.medewerker.save()
    w = case_and_service(place, users)
    # Referred on Monday 23 November 2026: three working days → an answer due by Thursday 26 November.
    with time_machine.travel(dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC), tick=False):
        v = fv.VerwijzingFactory(casus=w.casus, persoon=w.persoon, organisatie=users.partner.organisatie,
                                 service=w.service, reactie_uiterlijk=dt.date(2026, 11, 26))
        answered = fv.VerwijzingFactory(casus=w.casus, organisatie=users.partner.organisatie, status="geaccepteerd",
                                        reactie_uiterlijk=dt.date(2026, 11, 26))
    with time_machine.travel(dt.datetime(2026, 11, 26, 20, tzinfo=dt.UTC), tick=False):
        assert _run().startswith("0 herinneringen")  # due today: not late yet
    with time_machine.travel(dt.datetime(2026, 11, 27, 7, tzinfo=dt.UTC), tick=False):
        assert _run().startswith("1 herinneringen")
        assert _run().startswith("0 herinneringen")  # idempotent
        page = client_for(users.medewerker).get(reverse("verwijzingen:detail", args=[v.pk])).content.decode()
        assert 'id="alert-reactie"' in page and "Herinnering gestuurd op 27 november 2026" in page
    assert sorted(m.to[0] for m in mailoutbox) == ["regisseur@team-a.test", "verwijzingen@partner-a.test"]
    assert all("Fatima" not in m.body for m in mailoutbox)
    # Monday and Tuesday are two working days after Friday: not yet a new period; Wednesday is the third.
    with time_machine.travel(dt.datetime(2026, 12, 1, 7, tzinfo=dt.UTC), tick=False):
        assert _run().startswith("0 herinneringen")
    with time_machine.travel(dt.datetime(2026, 12, 2, 7, tzinfo=dt.UTC), tick=False):
        assert _run().startswith("1 herinneringen")
    assert v.gebeurtenissen.filter(soort=Gebeurtenis.HERINNERING).count() == 2
    assert not answered.gebeurtenissen.filter(soort=Gebeurtenis.HERINNERING).exists()


def test_waits_past_the_norm_escalate_once(place: Any, users: Any, mailoutbox: Any) -> None:
    users.teamleider.email = "tl@team-a.test"
    users.teamleider.save()
    w = case_and_service(place, users)
    with time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC), tick=False):
        v = fv.VerwijzingFactory(casus=w.casus, organisatie=users.partner.organisatie, tweede_lijn=True,
                                 wachtlijst=True)
    with time_machine.travel(dt.datetime(2026, 10, 20, 9, tzinfo=dt.UTC), tick=False):
        assert _run().endswith("0 escalaties\n")  # 19 days: within 4 weeks
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC), tick=False):
        assert _run().endswith("1 escalaties\n")  # 32 days
        assert _run().endswith("0 escalaties\n")
    v.refresh_from_db()
    assert v.geescaleerd_op is not None
    assert v.gebeurtenissen.filter(soort=Gebeurtenis.ESCALATIE).count() == 1
    assert [m.to for m in mailoutbox] == [["tl@team-a.test"]]
