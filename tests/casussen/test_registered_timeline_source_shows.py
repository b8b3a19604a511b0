# SPDX-License-Identifier: EUPL-1.2
"""Other apps add entries to the case timeline through casussen.timeline.register_timeline_source (verwijzingen
does); the case page shows them in time order, and a source that fails leaves the rest of the page working."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from django.urls import reverse

from wijkteam.casussen.timeline import TimelineEntry, register_timeline_source, unregister_timeline_source

from .support import case_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources() -> Iterator[list[str]]:
    names: list[str] = []
    yield names
    for name in names:
        unregister_timeline_source(name)


def test_a_registered_source_is_on_the_timeline(place: Any, users: Any, client_for: Any, frozen_time: Any,
                                                sources: list[str]) -> None:
    w = case_world(place, users)
    asked: list[Sequence[int]] = []

    def referrals(case_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
        asked.append(case_ids)
        when = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
        return {w.casus.pk: [TimelineEntry(when, "verwijzing", "Verwijzing naar Schuldhulp Voorbeeld",
                                           "Wachttijd drie weken", url="/werk/verwijzingen/1/")]}

    register_timeline_source("test.verwijzingen", referrals)
    sources.append("test.verwijzingen")
    body = client_for(users.medewerker).get(reverse("casussen:casus_detail", args=[w.casus.pk])).content.decode()
    timeline = body[body.index('id="tijdlijn"'):]
    assert "Verwijzing naar Schuldhulp Voorbeeld" in timeline and "Wachttijd drie weken" in timeline
    assert 'href="/werk/verwijzingen/1/"' in timeline
    assert asked == [[w.casus.pk]]


def test_a_failing_source_does_not_take_the_page_down(place: Any, users: Any, client_for: Any,
                                                      sources: list[str]) -> None:
    w = case_world(place, users)

    def broken(case_ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
        raise RuntimeError("database of the other app is down")

    register_timeline_source("test.broken", broken)
    sources.append("test.broken")
    response = client_for(users.medewerker).get(reverse("casussen:casus_detail", args=[w.casus.pk]))
    assert response.status_code == 200 and "Casus geopend" in response.content.decode()
