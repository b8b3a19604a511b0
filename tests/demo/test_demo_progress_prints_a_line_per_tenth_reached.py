# SPDX-License-Identifier: EUPL-1.2
"""The demo's progress lines: one line when another tenth is reached, one line (not several repeating the same
count) when an update jumps over tenths, and nothing more after 100%."""

from __future__ import annotations

import io

from wijkteam.demo.generator import DemoContext, Progress


def _lines(updates: list[int], total: int = 5000) -> list[str]:
    out = io.StringIO()
    progress = Progress(DemoContext(seed=1, scale=1, out=out), "households", total)
    for done in updates:
        progress.update(done)
    return [line.split(")")[0] for line in out.getvalue().splitlines()]


def test_a_jump_over_tenths_prints_one_line() -> None:
    assert _lines([1000, 2000, 5000, 5000]) == [
        "  households:  20% (1000/5000", "  households:  40% (2000/5000", "  households: 100% (5000/5000"]


def test_every_tenth_once() -> None:
    assert len(_lines(list(range(1, 5001)))) == 10


def test_nothing_for_an_empty_total() -> None:
    assert _lines([0, 0], total=0) == []
