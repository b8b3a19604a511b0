# SPDX-License-Identifier: EUPL-1.2
"""Vroegsignalering's CSV downloads write a text that a spreadsheet would run as a formula (it starts with
=, +, -, @, a tab) with one leading apostrophe, so Excel shows it as text (CSV injection): a partner's value
in the upload's error report, a wijk's name in the funnel."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from tests.factories_vroegsignalering import SignaalRijFactory, csv_bytes
from tests.vroegsignalering.rapportage_support import build_world

from .support import place_postcode, upload

pytestmark = pytest.mark.django_db


def test_a_value_starting_with_a_minus_is_defused_in_the_error_report(
        place, users, client_for, frozen_time, django_capture_on_commit_callbacks):
    place_postcode(place)
    client = client_for(users.teamleider)
    rows = [SignaalRijFactory(partnertype="-2+3+cmd|' /C calc'!A0"), SignaalRijFactory(partnertype="@SUM(1)")]
    item = upload(client, "fouten.csv", csv_bytes(rows), django_capture_on_commit_callbacks)
    response = client.get(reverse("vroegsignalering:upload_errors_csv", args=[item.pk]))
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert [line[2] for line in lines[1:]] == ["'-2+3+cmd|' /C calc'!A0", "'@SUM(1)"]


def test_a_wijk_name_is_defused_in_the_funnel(place, users, client_for, frozen_time):
    build_world(place, per_month=4)
    place.wijk_a.naam = "=HYPERLINK(\"https://evil.example\")"
    place.wijk_a.save()
    response = client_for(users.analist).get(reverse("vroegsignalering:rapportage_funnel_csv"),
                                             {"van": "2026-08", "tot": "2026-10"})
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    wijken = {line[1] for line in lines[1:]}
    assert "'" + place.wijk_a.naam in wijken and place.wijk_a.naam not in wijken
