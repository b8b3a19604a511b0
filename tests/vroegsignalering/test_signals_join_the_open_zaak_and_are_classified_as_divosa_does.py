# SPDX-License-Identifier: EUPL-1.2
"""A household's signals group into one open zaak (a closed zaak is not reopened: a new one starts), and
each signal and zaak is classified as Divosa does: meervoudig (two signals at one address in a calendar
month), opeenvolgend (another signal there in the 6 months before), else enkelvoudig."""

from __future__ import annotations

import pytest

from tests.factories_vroegsignalering import signal_row
from wijkteam.vroegsignalering.models import Signaal, Vroegsignaalzaak, ZaakStatus
from wijkteam.vroegsignalering.services import change_zaak_status, classify, ingest_signal

from .support import place_postcode

pytestmark = pytest.mark.django_db


def test_classify_rule():
    # Months as year * 12 + month.
    assert classify([100], 0) == "enkelvoudig"
    assert classify([100, 100], 0) == classify([100, 100], 1) == "meervoudig"
    assert classify([94, 100], 1) == "opeenvolgend"   # 6 months before
    assert classify([93, 100], 1) == "enkelvoudig"    # 7 months before: too long ago
    assert classify([94, 100], 0) == "enkelvoudig"    # a later signal makes nothing opeenvolgend
    assert classify([99, 100, 100], 1) == "opeenvolgend"  # both hold: history wins


def test_signals_group_into_the_open_zaak(place, users, frozen_time):
    place_postcode(place)
    first = ingest_signal(signal_row(achternaam="Smit", huisnummer="5", signaaldatum="02-11-2026"), system="t")
    second = ingest_signal(signal_row(achternaam="Smit", huisnummer="5", huur=True, signaaldatum="20-11-2026"),
                           system="t")
    assert first.signaal and second.signaal
    zaak = Vroegsignaalzaak.objects.get()
    assert first.signaal.zaak_id == second.signaal.zaak_id == zaak.pk
    assert zaak.team == place.team_a and zaak.classificatie == "meervoudig"
    assert set(Signaal.objects.values_list("classificatie", flat=True)) == {"meervoudig"}
    # A partner at the neighbours' address (another household) is its own zaak, enkelvoudig.
    ingest_signal(signal_row(achternaam="Buur", huisnummer="7"), system="t")
    assert Vroegsignaalzaak.objects.get(huishouden__adres__huisnummer=7).classificatie == "enkelvoudig"

    # Closed: the next signal opens a new zaak instead of reopening the old one.
    change_zaak_status(zaak, ZaakStatus.GESLOTEN, by=users.teamleider)
    third = ingest_signal(signal_row(achternaam="Smit", huisnummer="5", partnertype="Water", signaaldatum="24-11-2026",
                                     ontstaansdatum="01-11-2026"), system="t")
    assert third.signaal and third.signaal.zaak_id != zaak.pk
    assert Vroegsignaalzaak.objects.get(pk=third.signaal.zaak_id).status == ZaakStatus.NIEUW
    assert Vroegsignaalzaak.objects.filter(huishouden__adres__huisnummer=5).count() == 2
    assert list(zaak.historie.values_list("naar", flat=True)) == ["nieuw", "gesloten"]
