# SPDX-License-Identifier: EUPL-1.2
"""Disclosure control on the funnel (the monitoring roadmap's rules): counts under 10 show as "<10" on the
page and in the CSV, shown counts are rounded to 5, rates need a denominator of 100, and a hidden cell
cannot be derived from a shown total (complementary suppression)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from tests.vroegsignalering.rapportage_support import build_world
from wijkteam.vroegsignalering.models import Signaalpartner
from wijkteam.vroegsignalering.rapportage.disclosure import count, rate
from wijkteam.vroegsignalering.rapportage.funnel import Figures
from wijkteam.vroegsignalering.rapportage.publish import publish

MONTH = dt.date(2026, 9, 1)


def test_counts_below_ten_are_hidden_and_others_rounded() -> None:
    assert count(9).text == "<10" and count(9).value is None
    assert count(0).text == "<10"
    assert (count(10).text, count(12).text, count(13).text, count(148).text) == ("10", "10", "15", "150")
    assert rate(count(40), 99).value is None and rate(count(40), 100).value == 40.0
    assert rate(count(5), 500).value is None  # a hidden numerator never comes back through a rate


def test_one_hidden_wijk_takes_the_smallest_other_with_it() -> None:
    figures = {(MONTH, 1): Figures(signalen=50, per_partner={"Zorg": 46, "Huur": 4}),
               (MONTH, 2): Figures(signalen=4, per_partner={"Zorg": 4}),
               (MONTH, 3): Figures(signalen=30, per_partner={"Zorg": 20, "Energie": 10})}
    [month, _period] = publish(figures, [MONTH], [(1, "A"), (2, "B"), (3, "C")], {})
    a, b, c, total = month.rows
    assert b.signalen.hidden and total.signalen.text == "85"
    assert c.signalen.hidden, "B alone hidden would follow from the total minus A and C"
    assert not a.signalen.hidden


def test_one_hidden_partner_type_takes_the_smallest_other_with_it() -> None:
    # Every partner type 10 or more except Huur (4): the shown total minus the others would give Huur.
    per_partner = {value: 20 + i for i, value in enumerate(Signaalpartner.values)}
    per_partner["Huur"], per_partner["Water"] = 4, 11
    figures = {(MONTH, 1): Figures(signalen=sum(per_partner.values()), per_partner=per_partner)}
    [month, _period] = publish(figures, [MONTH], [(1, "A")], {})
    cells = dict(zip(Signaalpartner.values, (cell for _label, cell in month.rows[0].partners), strict=True))
    assert cells["Huur"].hidden and cells["Water"].hidden
    assert sum(cell.hidden for cell in cells.values()) == 2


@pytest.mark.parametrize("fmt", ["page", "csv"])
def test_small_cells_never_reach_page_or_csv(place, users, client_for, frozen_time, fmt) -> None:
    build_world(place, per_month=3)  # 3 zaken per wijk per month: every cell is small
    name = "vroegsignalering:rapportage_funnel" if fmt == "page" else "vroegsignalering:rapportage_funnel_csv"
    response = client_for(users.analist).get(reverse(name), {"van": "2026-08", "tot": "2026-10"})
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
        month_rows = [r for r in rows if r["Maand"] != "hele periode"]
        assert month_rows and all((r["Meldingen"] == "<10" and r["Signalen"] in ("<10",)) or
                                  r["Wijk"] == "Totaal" for r in month_rows)
        assert all(r["Bereikt (%)"] == "" for r in rows)  # no denominator of 100 anywhere
        for r in month_rows:
            if r["Wijk"] != "Totaal":
                assert r["Meldingen"] == "<10" and r["Meldingen enkelvoudig"] == "<10"
    else:
        assert "&lt;10" in text
