# SPDX-License-Identifier: EUPL-1.2
"""What residents type can reveal their situation: the search logs counts only, never the words."""

from __future__ import annotations

import pytest
from django.urls import reverse
from structlog.testing import capture_logs

from wijkteam.gebieden.models import Postcode

pytestmark = pytest.mark.django_db


def test_search_log_has_counts_not_the_query(client, place):
    Postcode.objects.create(pc6="3511 AB", latitude=52.09, longitude=5.12)
    with capture_logs() as logs:
        response = client.get(
            reverse("sociale_kaart_public:search"),
            {"q": "huiselijk geweld vriend", "postcode": "3511 AB", "levensdomein": "LD05"},
        )
    assert response.status_code == 200
    lines = [line for line in logs if line["event"] == "sociale_kaart.search"]
    assert len(lines) == 1
    assert lines[0]["filters"] == 1
    assert lines[0]["has_text"] is True and lines[0]["has_place"] is True
    assert "total" in lines[0]
    everything = str(logs)
    assert "geweld" not in everything and "3511" not in everything and "LD05" not in everything
