# SPDX-License-Identifier: EUPL-1.2
"""A refused save of the opening times says so at the top: an error summary (NL Design System
pattern) that counts the errors, says nothing was saved and links each error to its field."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from wijkteam.sociale_kaart.models import Schedule, Service

pytestmark = pytest.mark.django_db


def test_summary_links_every_error_to_its_field(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    response = client.post(url, {
        "tijd-TOTAL_FORMS": "2", "tijd-INITIAL_FORMS": "0", "tijd-MIN_NUM_FORMS": "0", "tijd-MAX_NUM_FORMS": "30",
        # Row 1: days chosen, no "Van"; row 2: a monthly rule without its week.
        "tijd-0-freq": "WEEKLY", "tijd-0-day": ["MO", "TU"], "tijd-0-closes_at": "12:00",
        "tijd-1-freq": "MONTHLY", "tijd-1-day": "TU", "tijd-1-opens_at": "19:00", "tijd-1-closes_at": "21:00",
    })
    html = response.content.decode()
    assert response.status_code == 200
    assert not Schedule.objects.exists()

    summary = re.search(r'<div[^>]*data-error-summary.*?</ul>', html, re.S)
    assert summary is not None, "no error summary"
    # The summary comes before the form, right under the page heading, and can take focus.
    assert html.index("data-error-summary") < html.index('<form method="post" class="utrecht-form"')
    assert 'tabindex="-1"' in summary.group(0)
    assert "Er zijn 2 fouten. Er is nog niets opgeslagen." in summary.group(0)
    links = dict((m[1], m[0]) for m in re.findall(r'<a class="utrecht-link" href="#([^"]+)">([^<]+)</a>',
                                                  summary.group(0)))
    assert links == {
        "Openingstijd 1: Vul het veld „Van” in.": "id_tijd-0-opens_at",
        "Openingstijd 2: Kies bij „Welke week van de maand” de week, bijvoorbeeld: tweede.": "id_tijd-1-week_0",
    }
    for anchor in links.values():
        assert f'id="{anchor}"' in html, f"the link #{anchor} has no target"
    # The field itself points at its own message.
    assert re.search(r'id="id_tijd-0-opens_at"[^>]*|aria-describedby="[^"]*id_tijd-0-opens_at-error', html)
    assert 'id="id_tijd-0-opens_at-error"' in html
    assert "js/error-summary.js" in html  # moves focus to the summary (checked in the browser test)
