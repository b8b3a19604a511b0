# SPDX-License-Identifier: EUPL-1.2
"""The collective share's figures are the decisions counted one by one: with the disclosure rules switched
off the CSV gives exactly the direct count per month and levensdomein (the newest decision per request and
domain, in its month; the teamleider's own wijken only), and the rates follow the definitions."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.hulpvragen.collective_share_support import PARAMS, build_world, direct_counts
from wijkteam.hulpvragen.models import LEVENSDOMEINEN, TriageBesluit
from wijkteam.hulpvragen.rapportage.figures import ROUTES
from wijkteam.hulpvragen.triage.choices import Ondersteuning

NO_DISCLOSURE = {"WIJKTEAM_RAPPORTAGE_MIN_CEL": 0, "WIJKTEAM_RAPPORTAGE_AFRONDEN": 1,
                 "WIJKTEAM_RAPPORTAGE_MIN_NOEMER": 1}


@pytest.fixture
def world(place, frozen_time):
    build_world(place)


def rows_of(response) -> list[dict[str, str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def share(numerator: int, denominator: int) -> str:
    return "" if not denominator else f"{100 * numerator / denominator:.1f}".replace(".", ",")


@override_settings(**NO_DISCLOSURE)
@pytest.mark.parametrize(("role", "scope"), [("analist", None), ("teamleider", "a")])
def test_every_cell_equals_the_direct_count(world, place, users, client_for, role, scope) -> None:
    wijk_ids = None if scope is None else [place.wijk_a.pk]
    expected = direct_counts(wijk_ids)
    assert expected, "the world has decisions in the period"
    response = client_for(getattr(users, role)).get(reverse("hulpvragen:collective_share_csv"), PARAMS)
    assert response.status_code == 200
    rows = rows_of(response)
    names = {str(label): code for code, label in LEVENSDOMEINEN.items()}
    labels = {route: str(Ondersteuning(route).label) for route in ROUTES}
    period: dict[str, Counter[str]] = {}
    for row in rows:
        month, naam = row["Maand"], row["Levensdomein"]
        if month == "hele periode" or naam == "Alle levensdomeinen":
            continue
        cell = expected.get((month, names[naam]), Counter())
        period.setdefault(names[naam], Counter()).update(cell)
        assert int(row["Besluiten"]) == sum(cell[r] for r in ROUTES), (month, naam)
        for route in ROUTES:
            assert int(row[labels[route]]) == cell[route], (month, naam, route)
        needing = sum(cell[r] for r in ROUTES) - cell[Ondersteuning.GEEN]
        assert row["Collectief aandeel (% van besluiten met ondersteuning)"] == share(
            cell[Ondersteuning.COLLECTIEF] + cell[Ondersteuning.BEIDE], needing)
        assert row["Afwijkend van het voorstel (%)"] == share(cell["afwijkend"], sum(cell[r] for r in ROUTES))
    whole = {row["Levensdomein"]: row for row in rows if row["Maand"] == "hele periode"}
    for code, cell in period.items():
        assert int(whole[str(LEVENSDOMEINEN[code])]["Besluiten"]) == sum(cell[r] for r in ROUTES)
    everything = sum((sum(c[r] for r in ROUTES) for c in expected.values()), 0)
    assert int(whole["Alle levensdomeinen"]["Besluiten"]) == everything


@override_settings(**NO_DISCLOSURE)
def test_a_redone_triage_counts_once_with_its_newest_choice(world, users, client_for) -> None:
    all_rows = TriageBesluit.objects.count()
    pairs = TriageBesluit.objects.values("hulpvraag_id", "domein").distinct().count()
    assert all_rows > pairs, "the world has redone triages"
    rows = rows_of(client_for(users.analist).get(reverse("hulpvragen:collective_share_csv"),
                                                 {"van": "2026-08", "tot": "2026-11"}))
    total = next(r for r in rows if r["Maand"] == "hele periode" and r["Levensdomein"] == "Alle levensdomeinen")
    assert int(total["Besluiten"]) == pairs
