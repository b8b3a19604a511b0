# SPDX-License-Identifier: EUPL-1.2
"""The audit CSV says what the screen says: Amsterdam time with its offset, objects in words."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_csv_time_is_amsterdam_time_with_offset_and_the_object_is_named(place, users, client_for, frozen_time):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    client_for(users.medewerker).get(reverse("huishoudens:person_detail", args=[person.pk]))

    export = client_for(users.privacy).get(reverse("privacy:audit_export"), {"person": person.pk, "action": "read"})

    assert export.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert len(rows) == 1
    # FROZEN_NOW is 10:15 in Amsterdam (winter time, +01:00); stored as 09:15 UTC.
    assert rows[0]["timestamp"] == "2026-11-25T10:15:00+01:00"
    assert rows[0]["object_type"] == "persoon"
    assert rows[0]["object_id"] == str(person.pk)


def test_the_screen_shows_the_same_time(place, users, client_for, frozen_time):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    client_for(users.medewerker).get(reverse("huishoudens:person_detail", args=[person.pk]))

    page = client_for(users.privacy).get(reverse("privacy:audit_list"), {"person": person.pk, "action": "read"})

    row = page.content.decode().split("<tbody")[1]
    assert "2026-11-25 10:15:00" in row
    assert f"persoon #{person.pk}" in row
