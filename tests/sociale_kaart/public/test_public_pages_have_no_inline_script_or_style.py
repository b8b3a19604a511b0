# SPDX-License-Identifier: EUPL-1.2
"""The strict CSP allows no inline script or style: the public pages use none, and carry the header."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_no_inline_script_or_style(client, place, inloop, fake_search, frozen_time):
    fake_search.returns(inloop)
    urls = [
        reverse("core:home"),
        reverse("sociale_kaart_public:search"),
        reverse("sociale_kaart_public:search") + "?q=geld",
        reverse("sociale_kaart_public:service", args=[inloop.pk]),
        reverse("sociale_kaart_public:leaflet", args=[place.wijk_a.code]),
        reverse("sociale_kaart_public:wijken"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "script-src 'self'" in response["Content-Security-Policy"], url
        assert not re.search(r"\sstyle=", html), url
        assert "<style" not in html, url
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, (url, tag)
        assert not re.search(r"\son[a-z]+=", html), url  # no inline event handlers
