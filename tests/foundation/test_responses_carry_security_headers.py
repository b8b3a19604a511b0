# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_public_page_has_csp_and_framing_headers():
    response = Client().get("/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert len(response["X-Request-ID"]) == 32


def test_pages_are_dutch_with_a_skip_link_and_landmarks():
    html = Client().get("/").content.decode()
    assert '<html lang="nl"' in html
    assert 'href="#main"' in html and '<main id="main"' in html
    assert "<header" in html and "<footer" in html and "<nav" in html


def test_english_translation_is_served(settings):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert '<html lang="en"' in html
    assert "Help and activities in your neighbourhood" in html
