# SPDX-License-Identifier: EUPL-1.2
"""The public search page as a resident meets it, read back: result names in order, and the
headings between them."""

from __future__ import annotations

import html
import re
from typing import Any

from django.test import Client
from django.urls import reverse

SEARCH_URL = reverse("sociale_kaart_public:search")
_NAME = re.compile(r'class="utrecht-heading-3 wt-result__naam">.*?<a class="utrecht-link" href="[^"]*">([^<]*)</a>')
_WEAK = re.compile(r'<h2 class="utrecht-heading-2 wt-minder-passend">')


def result_page(client: Client, **params: Any) -> str:
    response = client.get(SEARCH_URL, params)
    assert response.status_code == 200
    return response.content.decode()


def result_names(page: str) -> list[str]:
    return [html.unescape(name) for name in _NAME.findall(page)]


def names_before_and_after_minder_passend(page: str) -> tuple[list[str], list[str]]:
    """(results above the "Minder passend" heading, results under it)."""
    parts = _WEAK.split(page)
    assert len(parts) <= 2, "one 'Minder passend' heading at most"
    return result_names(parts[0]), result_names(parts[1]) if len(parts) == 2 else []
