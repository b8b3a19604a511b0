# SPDX-License-Identifier: EUPL-1.2
"""A signal joins an open zaak (priority and deadlines refreshed) while the team lead assigns that zaak: the
refresh read the zaak before the assignment and wrote it after. It used to write every field it had read,
so the zaak went back to the pool (or its old worker) while a ZaakToewijzing row said it was assigned — on
PostgreSQL, where the two run at once. Now the refresh writes route and worker only where it routed the zaak
itself, and only if the row is still as it read it. The interleaving is made deterministic here by assigning
from inside the refresh, after its read (the same connection: it runs the same on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.factories_vroegsignalering import signal_row
from tests.vroegsignalering.support import place_postcode
from wijkteam.vroegsignalering import handoff
from wijkteam.vroegsignalering.models import Route, Vroegsignaalzaak, ZaakToewijzing
from wijkteam.vroegsignalering.outreach import refresh
from wijkteam.vroegsignalering.outreach.services import assign_zaak
from wijkteam.vroegsignalering.services import ingest_signal

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def _assign_after_the_read(monkeypatch: Any, zaak_id: int, to: Any, by: Any) -> list[int]:
    """Let the refresh read, then assign (as the team lead's request would in between), then let it write."""
    done: list[int] = []
    real = refresh.facts_for

    def facts_then_assign(zaken: Any, today: Any) -> Any:
        if not done and any(z.pk == zaak_id for z in zaken):
            assign_zaak(Vroegsignaalzaak.objects.get(pk=zaak_id), to=to, by=by)
            done.append(zaak_id)
        return real(zaken, today)

    monkeypatch.setattr(refresh, "facts_for", facts_then_assign)
    return done


def test_the_refresh_keeps_the_team_leads_assignment(place: Any, users: Any, monkeypatch: Any) -> None:
    place_postcode(place)
    with time_machine.travel(NOW, tick=False):
        zaak = ingest_signal(signal_row(achternaam="Smit", huisnummer="5"), system="t").signaal.zaak
        zaak.refresh_from_db()
        assert zaak.toegewezen_aan is None and zaak.prioriteit > 0
        before = zaak.prioriteit
        done = _assign_after_the_read(monkeypatch, zaak.pk, users.medewerker, users.teamleider)
        ingest_signal(signal_row(achternaam="Smit", huisnummer="5", huur=True), system="t")
    assert done == [zaak.pk]
    zaak.refresh_from_db()
    assert zaak.toegewezen_aan == users.medewerker  # the team lead's choice stands
    assert zaak.prioriteit > before  # and the signal's priority was stored
    assert list(ZaakToewijzing.objects.filter(zaak=zaak).values_list("naar", "door")) == [
        (users.medewerker.pk, users.teamleider.pk)]


def test_routing_to_the_regisseur_does_not_override_a_concurrent_assignment(place: Any, users: Any,
                                                                            monkeypatch: Any) -> None:
    place_postcode(place)
    with time_machine.travel(NOW, tick=False):
        zaak = ingest_signal(signal_row(achternaam="Smit", huisnummer="5"), system="t").signaal.zaak
    regisseur = users.medewerker_b
    before = handoff.open_case_lookup()
    handoff.register_open_case_lookup(lambda ids: {pk: handoff.CaseRef(case_id=1, regisseur_id=regisseur.pk, url="/")
                                                   for pk in ids if pk == zaak.huishouden_id})
    try:
        with time_machine.travel(NOW, tick=False):
            done = _assign_after_the_read(monkeypatch, zaak.pk, users.medewerker, users.teamleider)
            ingest_signal(signal_row(achternaam="Smit", huisnummer="5", huur=True), system="t")
    finally:
        handoff.register_open_case_lookup(before)
    assert done == [zaak.pk]
    zaak.refresh_from_db()
    assert (zaak.route, zaak.toegewezen_aan) == (Route.OUTREACH, users.medewerker)
    # No history row claims the regisseur got it.
    assert not ZaakToewijzing.objects.filter(zaak=zaak, naar=regisseur).exists()
