# SPDX-License-Identifier: EUPL-1.2
"""One open zaak per household, also when two writers act at once. The single path locks the household row
before it looks for the open zaak; a writer that does not take that lock (the bulk upload) can still open one
between the look-up and the insert: the one-open-zaak constraint then refuses the insert (after waiting for
the other to commit, on PostgreSQL) and the signal joins the other's zaak instead of failing with a 500."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories_vroegsignalering import signal_row
from tests.vroegsignalering.support import place_postcode
from wijkteam.vroegsignalering import services
from wijkteam.vroegsignalering.models import Signaal, Vroegsignaalzaak, ZaakStatus
from wijkteam.vroegsignalering.services import ingest_signal

pytestmark = pytest.mark.django_db


def test_a_zaak_opened_by_another_writer_in_between_is_joined(place: Any, frozen_time: Any,
                                                              monkeypatch: Any) -> None:
    place_postcode(place)
    first = ingest_signal(signal_row(achternaam="Smit", huisnummer="5"), system="t").signaal
    assert first is not None and first.zaak is not None
    services.change_zaak_status(first.zaak, ZaakStatus.GESLOTEN, by=None, system="t")  # the next signal opens one
    real_lookup = services.open_zaak_of
    theirs: list[Vroegsignaalzaak] = []

    def another_writer_in_between(household_id: int) -> Vroegsignaalzaak | None:
        if theirs:
            return real_lookup(household_id)
        # Our look-up does not see it yet (not committed); our insert then meets the constraint.
        theirs.append(Vroegsignaalzaak.objects.create(huishouden_id=household_id, team=place.team_a,
                                                      buurt=place.buurt_a, ontvangen=first.ontvangen.date()))
        return None

    monkeypatch.setattr(services, "open_zaak_of", another_writer_in_between)
    second = ingest_signal(signal_row(achternaam="Smit", huisnummer="5", huur=True), system="t").signaal
    assert second is not None and theirs
    assert second.zaak_id == theirs[0].pk
    assert Vroegsignaalzaak.objects.filter(huishouden=first.huishouden, status=ZaakStatus.NIEUW).count() == 1
    assert Signaal.objects.filter(zaak_id=theirs[0].pk).count() == 1
