# SPDX-License-Identifier: EUPL-1.2
"""Re-assessments show progress per domain over time: a server-side SVG chart (an image with a title) and
the same figures in a table, with the change since the first assessment."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkteam.hulpvragen.assessment.progress import chart_svg, progress_for

from .triage_support import assess, single_mother

pytestmark = pytest.mark.django_db


def test_progress_lines_up_scores_per_domain(place, users, frozen_time):
    hulpvraag = single_mother(place)
    first = assess(hulpvraag, users.medewerker, {"LD01": 2, "LD11": 2})
    first.datum = dt.date(2026, 9, 1)
    first.save()
    assess(hulpvraag, users.medewerker, {"LD01": 4, "LD04": 3})

    progress = progress_for(hulpvraag.huishouden_id)

    assert [c.datum for c in progress.columns] == [dt.date(2026, 9, 1), dt.date(2026, 11, 25)]
    lines = {line.code: line for line in progress.lines}
    assert lines["LD01"].levels == [2, 4] and lines["LD01"].change == 2
    assert lines["LD11"].levels == [2, None] and lines["LD11"].change is None
    assert lines["LD04"].levels == [None, 3]
    svg = str(chart_svg(progress))
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title" in svg
    assert svg.count("<polyline") == 1  # only LD01 has two points to join
    assert "LD11 Sociaal netwerk" in svg


def test_the_screen_shows_chart_and_table(place, users, client_for, frozen_time):
    hulpvraag = single_mother(place)
    first = assess(hulpvraag, users.medewerker, {"LD01": 2})
    first.datum = dt.date(2026, 9, 1)
    first.save()
    assess(hulpvraag, users.medewerker, {"LD01": 4})

    page = client_for(users.medewerker).get(f"/werk/hulpvragen/triage/{hulpvraag.pk}/").content.decode()

    assert "Voortgang per levensdomein" in page
    assert "<svg" in page
    assert "Niveau per levensdomein per assessment" in page  # the table's caption
    assert ">+2<" in page


def test_one_assessment_has_no_chart_yet(place, users, client_for, frozen_time):
    hulpvraag = single_mother(place)
    assess(hulpvraag, users.medewerker, {"LD01": 2})

    page = client_for(users.medewerker).get(f"/werk/hulpvragen/triage/{hulpvraag.pk}/").content.decode()

    assert "<svg" not in page.split("Voortgang per levensdomein")[1]
