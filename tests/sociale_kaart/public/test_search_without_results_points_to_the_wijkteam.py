# SPDX-License-Identifier: EUPL-1.2
"""Nothing found: tips to search again, and how to reach the wijkteam (of the chosen wijk)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("sociale_kaart_public:search")


def test_no_results_helps_further(client, fake_search):
    html = client.get(URL, {"q": "xyzzy"}).content.decode()
    assert "We hebben niets gevonden" in html
    assert "Gebruik andere woorden, of minder woorden." in html
    assert f'href="{reverse("sociale_kaart_public:wijken")}#wijkteams"' in html
    assert "Niets gevonden." in html  # the live status


def test_no_results_in_a_wijk_shows_that_wijkteams_phone(client, fake_search, place):
    place.team_a.telefoon = "030 999 88 77"
    place.team_a.save()
    html = client.get(URL, {"q": "xyzzy", "wijk": place.wijk_a.code}).content.decode()
    assert "Wijkteam Centrum" in html
    assert 'href="tel:0309998877"' in html
    assert "Wijkteam Noord" not in html
