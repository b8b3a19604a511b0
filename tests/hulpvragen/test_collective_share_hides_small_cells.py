# SPDX-License-Identifier: EUPL-1.2
"""The collective share follows the municipality's disclosure rules (vroegsignalering.rapportage.disclosure):
counts under 10 read "<10", others are rounded to 5, a percentage needs 100 decisions, and no hidden count
can be recovered by subtraction — not within a row (the routes add up to the decisions), not within a month
(the domains add up to all domains), not within a domain (the months add up to the whole period)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random

import pytest
from django.urls import reverse

from tests.hulpvragen.collective_share_support import PARAMS, build_world
from wijkteam.hulpvragen.rapportage.figures import ROUTES, Figures
from wijkteam.hulpvragen.rapportage.publish import ALL_DOMAINS, Row, Table, publish
from wijkteam.hulpvragen.triage.choices import Ondersteuning

MONTHS = [dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 10, 1)]


def cells(row: Row) -> list:
    return [row.totaal, *row.route_cells]


def assert_protected(table: Table) -> None:
    for row in table.rows.values():
        for cell in cells(row):
            if cell.hidden:
                assert cell.text == "<10" and cell.value is None
            else:
                assert cell.raw >= 10 and cell.value is not None and cell.value % 5 == 0
        if not row.totaal.hidden:
            assert sum(c.hidden for c in row.route_cells) != 1, row
        assert row.collectief_aandeel.value is None or row.steun_nodig_n >= 100
        assert row.afwijkend_aandeel.value is None or row.totaal.raw >= 100
        if row.routes[Ondersteuning.COLLECTIEF].hidden or row.routes[Ondersteuning.BEIDE].hidden:
            assert row.collectief_aandeel.value is None
    for index in range(1 + len(ROUTES)):
        for maand in [*table.months, None]:
            whole = cells(table.row(maand, ALL_DOMAINS))[index]
            if not whole.hidden:
                assert sum(cells(table.row(maand, d))[index].hidden for d in table.domains) != 1
        for domein in [*table.domains, ALL_DOMAINS]:
            whole = cells(table.row(None, domein))[index]
            if not whole.hidden:
                assert sum(cells(table.row(m, domein))[index].hidden for m in table.months) != 1


def random_figures(seed: int) -> dict:
    rng = random.Random(seed)
    figures = {}
    for maand in MONTHS:
        for domein in ("LD01", "LD04", "LD06", "LD11", "LD12"):
            cell = Figures()
            for route in ROUTES:
                cell.per_route[route] = rng.choice((0, 0, 1, 3, 8, 12, 25, 60))
            cell.afwijkend = rng.randrange(0, cell.totaal + 1)
            figures[(maand, domein)] = cell
    return figures


def test_zero_counts_and_a_complete_row_are_shown_rounded() -> None:
    cell = Figures()
    cell.per_route.update({Ondersteuning.COLLECTIEF: 62, Ondersteuning.BEIDE: 21, Ondersteuning.INDIVIDUEEL: 18,
                           Ondersteuning.GEEN: 11, Ondersteuning.TWEEDE_LIJN: 13})
    cell.afwijkend = 17
    table = publish({(MONTHS[0], "LD01"): cell}, MONTHS[:1])
    row = table.row(MONTHS[0], "LD01")
    assert [c.text for c in cells(row)] == ["125", "60", "20", "20", "10", "15"]
    assert row.collectief_aandeel.value == pytest.approx(100 * 83 / 114)
    assert row.afwijkend_aandeel.value == pytest.approx(100 * 17 / 125)
    # Another domain with no decisions at all: zero is a figure, and its percentages are not shown.
    empty = table.row(MONTHS[0], "LD04")
    assert empty.totaal.text == "<10" and empty.collectief_aandeel.value is None


def test_one_small_route_takes_another_with_it() -> None:
    cell = Figures()
    cell.per_route.update({Ondersteuning.COLLECTIEF: 70, Ondersteuning.BEIDE: 20, Ondersteuning.INDIVIDUEEL: 15,
                           Ondersteuning.GEEN: 12, Ondersteuning.TWEEDE_LIJN: 4})
    table = publish({(MONTHS[0], "LD01"): cell}, MONTHS[:1])
    row = table.row(MONTHS[0], "LD01")
    assert row.routes[Ondersteuning.TWEEDE_LIJN].hidden
    assert row.routes[Ondersteuning.GEEN].hidden  # the smallest other one
    assert not row.routes[Ondersteuning.COLLECTIEF].hidden
    assert_protected(table)


@pytest.mark.parametrize("seed", range(12))
def test_no_hidden_cell_follows_by_subtraction(seed: int) -> None:
    assert_protected(publish(random_figures(seed), MONTHS))


def test_the_csv_shows_no_small_number(place, frozen_time, users, client_for) -> None:
    build_world(place, per_month=6)
    text = client_for(users.analist).get(reverse("hulpvragen:collective_share_csv"), PARAMS).content.decode()
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    numbers = [cell for row in rows[1:] for cell in row[2:8]]
    assert "<10" in numbers
    for cell in numbers:
        assert cell == "<10" or (int(cell) >= 10 and int(cell) % 5 == 0), cell
    page = client_for(users.analist).get(reverse("hulpvragen:collective_share"), PARAMS).content.decode()
    assert "&lt;10" in page
