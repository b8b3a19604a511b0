# SPDX-License-Identifier: EUPL-1.2
"""Every Divosa funnel figure equals a plain count over the rows: the service's raw figures, and the CSV
the analist downloads (with disclosure control switched off so the exact numbers are visible), in a
bounded number of queries."""

from __future__ import annotations

import csv
import datetime as dt
import io
import statistics

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.vroegsignalering.rapportage_support import MONTHS, build_world, direct_counts
from wijkteam.vroegsignalering.rapportage.funnel import funnel_figures

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def world(place, frozen_time):
    build_world(place)
    return {place.buurt_a.pk: place.wijk_a.pk, place.buurt_b.pk: place.wijk_b.pk}


def test_raw_figures_equal_a_direct_count(world, django_assert_max_num_queries) -> None:
    expected = direct_counts(world, TODAY)
    with django_assert_max_num_queries(3):
        figures = funnel_figures(MONTHS[0], dt.date(2026, 10, 31), today=TODAY)
    assert set(figures) == set(expected)
    for key, want in expected.items():
        got = figures[key]
        assert got.signalen == want["signalen"] > 0, key
        assert got.per_partner == want["partners"], key
        assert got.meldingen == want["meldingen"], key
        assert got.per_klasse == want["klassen"], key
        assert (got.bereikt, got.hulp) == (want["bereikt"], want["hulp"]), key
        assert sorted(got.werkdagen) == sorted(want["werkdagen"]), key
        assert (got.binnen_termijn, got.termijn_bepaald) == (want["binnen"], want["bepaald"]), key
    # The world has every stage, so none of these figures is trivially zero.
    assert sum(f.bereikt for f in figures.values()) > 0 and sum(f.hulp for f in figures.values()) > 0
    assert 0 < sum(f.binnen_termijn for f in figures.values()) < sum(f.termijn_bepaald for f in figures.values())


@override_settings(WIJKTEAM_RAPPORTAGE_MIN_CEL=0, WIJKTEAM_RAPPORTAGE_AFRONDEN=1, WIJKTEAM_RAPPORTAGE_MIN_NOEMER=1)
def test_the_csv_shows_the_same_figures(world, place, users, client_for) -> None:
    expected = direct_counts(world, TODAY)
    response = client_for(users.analist).get(reverse("vroegsignalering:rapportage_funnel_csv"),
                                             {"van": "2026-08", "tot": "2026-10"})
    assert response.status_code == 200
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body[1:]), delimiter=";"))
    by_key = {(r["Maand"], r["Wijk"]): r for r in rows}
    names = {place.wijk_a.pk: place.wijk_a.naam, place.wijk_b.pk: place.wijk_b.naam}
    for (month, wijk_id), want in expected.items():
        row = by_key[(f"{month:%Y-%m}", names[wijk_id])]
        assert int(row["Signalen"]) == want["signalen"]
        assert int(row["Meldingen"]) == want["meldingen"]
        assert int(row["Meldingen enkelvoudig"]) == want["klassen"].get("enkelvoudig", 0)
        assert int(row["Meldingen opeenvolgend"]) == want["klassen"].get("opeenvolgend", 0)
        assert row["Bereikt (%)"] == f"{100 * want['bereikt'] / want['meldingen']:.1f}".replace(".", ",")
        assert row["Hulp geaccepteerd (% van meldingen)"] == (
            f"{100 * want['hulp'] / want['meldingen']:.1f}".replace(".", ","))
        if want["bereikt"]:
            assert row["Hulp geaccepteerd (% van bereikt)"] == (
                f"{100 * want['hulp'] / want['bereikt']:.1f}".replace(".", ","))
        assert row["Mediaan werkdagen tot eerste contactpoging"] == (
            f"{statistics.median(want['werkdagen']):g}".replace(".", ","))
        assert row["Eerste contactpoging binnen termijn (%)"] == (
            f"{100 * want['binnen'] / want['bepaald']:.1f}".replace(".", ","))
        for partner, n in want["partners"].items():
            assert int(row[f"Signalen {_label(partner)}"]) == n
            assert row[f"Aandeel {_label(partner)} (%)"] == f"{100 * n / want['signalen']:.1f}".replace(".", ",")
    total = by_key[("hele periode", "Totaal")]
    assert int(total["Signalen"]) == sum(w["signalen"] for w in expected.values())
    assert int(total["Meldingen"]) == sum(w["meldingen"] for w in expected.values())


def _label(value: str) -> str:
    from wijkteam.vroegsignalering.models import Signaalpartner

    return str(Signaalpartner(value).label)
