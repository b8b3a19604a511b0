# SPDX-License-Identifier: EUPL-1.2
"""Every page names a favicon served from our own static files (no CDN, no 404 for /favicon.ico
in the log: browsers that see the link do not ask for it)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["core:home", "sociale_kaart_public:search", "accounts:login"])
def test_page_links_a_local_favicon(client: Any, name: str) -> None:
    html = client.get(reverse(name)).content.decode()
    link = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html)
    assert link is not None
    assert link.group(1).startswith("/static/")
    path = finders.find(link.group(1).removeprefix("/static/"))
    assert path is not None
    with open(path, encoding="utf-8") as svg:
        assert "<svg" in svg.read()
