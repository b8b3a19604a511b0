# SPDX-License-Identifier: EUPL-1.2
"""A file without a required column is refused before anything is written, and the report says which."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories_vroegsignalering import SignaalRijFactory, csv_bytes
from wijkteam.huishoudens.models import Adres, Huishouden, Persoon
from wijkteam.vroegsignalering.batch.reader import COLUMNS
from wijkteam.vroegsignalering.models import Signaal, UploadFout, UploadStatus, Vroegsignaalzaak

from .support import place_postcode, upload

pytestmark = pytest.mark.django_db


def test_missing_column_refuses_the_whole_file(place, users, client_for, frozen_time,
                                                django_capture_on_commit_callbacks):
    place_postcode(place)
    client = client_for(users.teamleider)
    columns = [c for c in COLUMNS if c not in ("bedrag", "signaaldatum")]
    item = upload(client, "zonder-bedrag.csv", csv_bytes([SignaalRijFactory() for _ in range(3)], columns=columns),
                  django_capture_on_commit_callbacks)
    item.refresh_from_db()
    assert item.status == UploadStatus.GEWEIGERD
    assert "bedrag, signaaldatum" in item.weigering and "niets opgeslagen" in item.weigering
    for model in (Signaal, Vroegsignaalzaak, Persoon, Huishouden, Adres, UploadFout):
        assert model.objects.count() == 0, model
    assert not item.bestand  # the file is not kept
    page = client.get(reverse("vroegsignalering:upload_detail", args=[item.pk])).content.decode()
    assert "bedrag, signaaldatum" in page
    # The history shows each step.
    assert list(item.historie.values_list("naar", flat=True)) == ["wachtrij", "controleren", "geweigerd"]
