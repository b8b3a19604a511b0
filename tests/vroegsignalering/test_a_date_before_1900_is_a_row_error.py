# SPDX-License-Identifier: EUPL-1.2
"""A date before 1900 in a signal (0201 typed for 2021, 1025 for 2025) is a row error naming the column, in
the monthly file and through the partner API alike (both use the file's row rules): stored, it would be the
household's "oldest arrear" and sort first in every list. 1900 itself is accepted."""

from __future__ import annotations

import pytest

from tests.factories_vroegsignalering import SignaalRijFactory, csv_bytes
from wijkteam.vroegsignalering.models import Signaal, UploadFout

from .partner_api_support import call, energy_company, signal_json, token_for
from .support import place_postcode, upload

pytestmark = pytest.mark.django_db

BEFORE_1900 = "Deze datum ligt voor 1900; controleer het jaartal."


def test_the_file_names_row_and_column(place, users, client_for, frozen_time, django_capture_on_commit_callbacks):
    place_postcode(place)
    rows = [SignaalRijFactory(huisnummer="1", ontstaansdatum="01-02-0201"),
            SignaalRijFactory(huisnummer="2", geboortedatum="1025-03-04"),
            SignaalRijFactory(huisnummer="3", geboortedatum="01-01-1900")]
    item = upload(client_for(users.teamleider), "signalen.csv", csv_bytes(rows), django_capture_on_commit_callbacks)
    item.refresh_from_db()

    assert (item.status, item.nieuw, item.ongeldig) == ("klaar", 1, 2)
    errors = {(e.rij, e.kolom, e.waarde, e.melding) for e in UploadFout.objects.filter(upload=item)}
    assert errors == {(2, "ontstaansdatum", "01-02-0201", BEFORE_1900), (3, "geboortedatum", "1025-03-04", BEFORE_1900)}
    assert Signaal.objects.get().upload_rij == 4


def test_the_api_names_the_field(place, users, frozen_time):
    place_postcode(place)
    secret = token_for(energy_company(), users.beheerder)[1]
    response = call(secret, "signal_batch", [signal_json(huisnummer="1", signaaldatum="0025-11-02")])

    assert response.status_code == 200, response.content
    result = response.json()["resultaten"][0]
    assert result["resultaat"] == "ongeldig"
    assert {"veld": "signaaldatum", "melding": BEFORE_1900} in result["fouten"]
    assert not Signaal.objects.exists()
