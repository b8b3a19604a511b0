# SPDX-License-Identifier: EUPL-1.2
"""An amount of thousands of digits (a broken export) is one row's "te hoog" error: int() refuses strings of more
than 4,300 digits, which used to fail the whole monthly file as "er ging iets mis" without naming a row. Digits
of other scripts ("٣٠٠") are not a whole amount in euros either."""

from __future__ import annotations

import pytest

from tests.factories_vroegsignalering import SignaalRijFactory, csv_bytes
from wijkteam.vroegsignalering.models import Signaal, UploadFout

from .support import place_postcode, upload

pytestmark = pytest.mark.django_db


def test_a_huge_amount_is_named_at_its_row(place, users, client_for, frozen_time,
                                           django_capture_on_commit_callbacks):
    place_postcode(place)
    rows = [SignaalRijFactory(huisnummer="1"), SignaalRijFactory(huisnummer="2", bedrag="9" * 5000),
            SignaalRijFactory(huisnummer="3", bedrag="000000000000450"),
            SignaalRijFactory(huisnummer="4", bedrag="٣٠٠")]
    item = upload(client_for(users.teamleider), "signalen.csv", csv_bytes(rows), django_capture_on_commit_callbacks)
    item.refresh_from_db()
    assert (item.status, item.nieuw, item.ongeldig) == ("klaar", 2, 2)
    assert UploadFout.objects.get(upload=item, rij=3).melding == "Dit bedrag is te hoog."
    assert UploadFout.objects.get(upload=item, rij=3).kolom == "bedrag"
    assert UploadFout.objects.get(upload=item, rij=5).kolom == "bedrag"
    assert Signaal.objects.get(upload=item, upload_rij=4).bedrag == 450
