# SPDX-License-Identifier: EUPL-1.2
"""A stored link that is no web address (javascript:, data:, from before the import checked it or typed
elsewhere) is never rendered as a link on the public service page; an https link still is."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ScheduleFactory
from wijkteam.sociale_kaart.models import RequiredDocument, Service
from wijkteam.sociale_kaart.templatetags.sociale_kaart_public import web_url

pytestmark = pytest.mark.django_db


def test_script_links_are_not_rendered(client, inloop, frozen_time):
    Service.objects.filter(pk=inloop.pk).update(url="javascript:alert(1)")
    ScheduleFactory(service=inloop, byday="MO", opens_at="09:00", closes_at="12:00",
                    schedule_link="data:text/html,<script>alert(1)</script>")
    RequiredDocument.objects.create(service=inloop, document="Formulier", uri="JavaScript:alert(2)")
    html = client.get(reverse("sociale_kaart_public:service", args=[inloop.pk])).content.decode()
    assert "javascript:" not in html.lower() and 'href="data:' not in html
    assert "Formulier" in html  # the document is still named, without a link


def test_the_filter_keeps_web_addresses_only():
    assert web_url("https://geldhulp.test/inloop") == "https://geldhulp.test/inloop"
    assert web_url("HTTP://voorbeeld.nl") == "HTTP://voorbeeld.nl"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", "vbscript:x", "//evil.test",
                "https://", "", None, "http://[::1"):
        assert web_url(bad) == ""
