# SPDX-License-Identifier: EUPL-1.2
"""The row errors download as CSV (row, column, value, message), audited as an export; a value that a
spreadsheet would run as a formula is defused."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from tests.factories_vroegsignalering import SignaalRijFactory, csv_bytes
from wijkteam.audit.models import Action, AuditEvent

from .support import place_postcode, upload

pytestmark = pytest.mark.django_db


def test_errors_download_as_csv(place, users, client_for, frozen_time, django_capture_on_commit_callbacks):
    place_postcode(place)
    client = client_for(users.teamleider)
    rows = [SignaalRijFactory(postcode="99999"), SignaalRijFactory(partnertype="=HYPERLINK(1)"), SignaalRijFactory()]
    item = upload(client, "fouten.csv", csv_bytes(rows), django_capture_on_commit_callbacks)
    response = client.get(reverse("vroegsignalering:upload_errors_csv", args=[item.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert lines[0] == ["rij", "kolom", "waarde", "melding"]
    assert [line[:3] for line in lines[1:]] == [["2", "postcode", "99999"], ["3", "partnertype", "'=HYPERLINK(1)"]]
    assert lines[1][3] == "Geen geldige postcode; schrijf die als 1234 AB."
    assert AuditEvent.objects.filter(action=Action.EXPORT, object_type="vroegsignalering.upload",
                                     object_id=str(item.pk), user_id=users.teamleider.pk).exists()
