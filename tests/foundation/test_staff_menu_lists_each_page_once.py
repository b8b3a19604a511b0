# SPDX-License-Identifier: EUPL-1.2
"""The staff menu names each page once, and is the same menu on every staff page (the sociale
kaart's pages used to add "Mijn aanbod" and "Verouderd aanbod" a second time)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def menu(client: Any, url: str) -> list[str]:
    html = client.get(url).content.decode()
    nav = re.search(r'<nav class="utrecht-nav-bar" aria-label="Werkmenu">(.*?)</nav>', html, re.S)
    assert nav is not None, url
    return [re.sub(r"<[^>]+>|\s+\d+ te controleren", "", a).strip()
            for a in re.findall(r'<a class="utrecht-nav-list__link"[^>]*>(.*?)</a>', nav.group(1), re.S)]


@pytest.mark.parametrize("role", ["beheerder", "partner", "medewerker"])
def test_each_page_once_and_the_same_everywhere(role: str, users: Any, client_for: Any) -> None:
    client = client_for(getattr(users, role))
    home = menu(client, reverse("accounts:werkomgeving"))
    assert len(home) == len(set(home)), home
    if role != "medewerker":
        assert menu(client, reverse("sociale_kaart_werk:mijn_aanbod")) == home
    if role == "beheerder":
        assert "Dubbelingen" in home and menu(client, reverse("sociale_kaart_werk:verouderd")) == home
