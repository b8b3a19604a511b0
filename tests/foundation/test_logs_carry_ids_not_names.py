# SPDX-License-Identifier: EUPL-1.2
"""Audit log lines carry the request id and object ids, never a resident's name or BSN."""

from __future__ import annotations

import pytest
from django.urls import reverse
from structlog.testing import capture_logs

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_person_view_logs_ids_only(place, users, client_for):
    person = f.PersoonFactory(achternaam="Zwanenburg", bsn="111222333", huishouden__adres__buurt=place.buurt_a)

    with capture_logs() as logs:
        client_for(users.medewerker).get(reverse("huishoudens:person_detail", args=[person.pk]),
                                         HTTP_X_REQUEST_ID="trace-0000001")

    audit_lines = [line for line in logs if line["event"] == "audit"]
    assert audit_lines and audit_lines[0]["person_id"] == person.pk
    assert "Zwanenburg" not in str(logs) and "111222333" not in str(logs)
