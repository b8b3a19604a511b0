# SPDX-License-Identifier: EUPL-1.2
"""The public home: the search box and the 13 topics (levensdomeinen) in plain words."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wijkteam.sociale_kaart.public.forms import LEVENSDOMEIN_LABELS

pytestmark = pytest.mark.django_db


def test_home_search_box_and_tiles(client):
    html = client.get(reverse("core:home")).content.decode()
    assert "Hulp en activiteiten in uw wijk" in html
    search = reverse("sociale_kaart_public:search")
    assert f'action="{search}"' in html and 'name="q"' in html
    assert "Waar zoekt u hulp bij?" in html
    assert html.count('class="wt-tegel"') == 13
    assert f'href="{search}?levensdomein=LD01"><span class="wt-tegel__titel">Geld en schulden</span>' in html
    assert "Geld, inkomen en rekeningen." in html  # first sentence of the term's own explanation
    for label in LEVENSDOMEIN_LABELS.values():
        assert str(label) in html
    assert reverse("sociale_kaart_public:wijken") in html


def test_every_levensdomein_has_b1_words():
    assert sorted(LEVENSDOMEIN_LABELS) == [f"LD{n:02d}" for n in range(1, 14)]
