# SPDX-License-Identifier: EUPL-1.2
"""One step onwards: the triage screen lists the next steps other capabilities register
(hulpvragen/next_steps.py) as links to their pages, only those the user may take; with none registered it
says plainly what to do next instead of showing a dead button."""

from __future__ import annotations

import pytest

from wijkteam.hulpvragen import next_steps as next_steps_module
from wijkteam.hulpvragen.next_steps import NextStep, register_next_step, unregister_next_step

from .triage_support import single_mother

pytestmark = pytest.mark.django_db


@pytest.fixture
def steps():
    names = []

    def register(step):
        register_next_step(step)
        names.append(step.name)

    yield register
    for name in names:
        unregister_next_step(name)


@pytest.fixture
def no_other_steps(monkeypatch):
    # Casussen or verwijzingen may register real steps in their AppConfig; this test decides what exists.
    monkeypatch.setattr(next_steps_module, "_steps", {})


def test_registered_steps_are_links_on_the_screen(place, users, client_for, steps, no_other_steps):
    hulpvraag = single_mother(place)
    steps(NextStep(name="test.verwijzen", label="Verwijzen naar een aanbieder", order=10,
                   url=lambda h: f"/werk/verwijzingen/nieuw/?hulpvraag={h.pk}"))
    steps(NextStep(name="test.verborgen", label="Alleen voor teamleiders",
                   url=lambda h: "/werk/geheim/", available=lambda user, h: user.role == "teamleider"))

    page = client_for(users.medewerker).get(f"/werk/hulpvragen/triage/{hulpvraag.pk}/").content.decode()

    assert f'href="/werk/verwijzingen/nieuw/?hulpvraag={hulpvraag.pk}"' in page
    assert "Verwijzen naar een aanbieder" in page
    assert "Alleen voor teamleiders" not in page
    assert "kan nog niet vanuit de werkomgeving" not in page


def test_without_registered_steps_the_screen_says_what_to_do(place, users, client_for, no_other_steps):
    hulpvraag = single_mother(place)

    page = client_for(users.medewerker).get(f"/werk/hulpvragen/triage/{hulpvraag.pk}/").content.decode()

    assert "Verwijzen of een casus openen kan nog niet vanuit de werkomgeving." in page
    assert "neem zelf contact op met de aanbieder" in page
