# SPDX-License-Identifier: EUPL-1.2
"""Disclosure control for vroegsignalering's figures (page and CSV): small numbers never point at a household.

The rules are those of the monitoring roadmap (/work/shared/roadmap/monitoring.md item 3), each a setting:
- a count below `WIJKTEAM_RAPPORTAGE_MIN_CEL` (10) is shown as "<10";
- a shown count is rounded to `WIJKTEAM_RAPPORTAGE_AFRONDEN` (5);
- a rate (%, per 1,000) only where its denominator is at least `WIJKTEAM_RAPPORTAGE_MIN_NOEMER` (100), and
  never when its numerator is hidden (the rate times the denominator would give it back);
- complementary suppression: where cells add up to a shown total and exactly one of them is hidden, the
  smallest other one is hidden too, so the hidden cell cannot be derived by subtraction.
The monitoring capability will bring a general engine; this is the same rule set for these figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format


def min_cell() -> int:
    return int(getattr(settings, "WIJKTEAM_RAPPORTAGE_MIN_CEL", 10))


def rounding() -> int:
    return max(1, int(getattr(settings, "WIJKTEAM_RAPPORTAGE_AFRONDEN", 5)))


def min_denominator() -> int:
    return int(getattr(settings, "WIJKTEAM_RAPPORTAGE_MIN_NOEMER", 100))


@dataclass
class Count:
    """One count as published: `value` None when hidden."""

    raw: int
    hidden: bool = False

    @property
    def value(self) -> int | None:
        if self.hidden:
            return None
        base = rounding()
        return int(self.raw / base + 0.5) * base

    @property
    def text(self) -> str:
        return f"<{min_cell()}" if self.hidden else str(self.value)


def count(raw: int) -> Count:
    return Count(raw, hidden=raw < min_cell())


def complement(cells: Sequence[Count]) -> bool:
    """Hide one more cell of a group that adds up to a shown total when exactly one is hidden; True if it did."""
    hidden = [c for c in cells if c.hidden]
    if len(hidden) != 1:
        return False
    candidates = [c for c in cells if not c.hidden and c.raw > 0] or [c for c in cells if not c.hidden]
    if not candidates:
        return False
    min(candidates, key=lambda c: c.raw).hidden = True
    return True


@dataclass
class Rate:
    """A share or rate as published: `value` None when not shown."""

    value: float | None
    decimals: int = 1

    @property
    def text(self) -> str:
        return "\N{EN DASH}" if self.value is None else number_format(round(self.value, self.decimals), self.decimals)

    @property
    def csv(self) -> str:
        # Dutch decimal comma regardless of the active language: the CSV is read by Dutch Excel.
        return "" if self.value is None else f"{self.value:.{self.decimals}f}".replace(".", ",")


def rate(numerator: Count, denominator: int | Count | None, *, per: int = 100, decimals: int = 1) -> Rate:
    if denominator is None:
        return Rate(None, decimals)
    if isinstance(denominator, Count):
        if denominator.hidden:
            return Rate(None, decimals)
        denominator_raw = denominator.raw
    else:
        denominator_raw = denominator
    if numerator.hidden or denominator_raw <= 0 or denominator_raw < min_denominator():
        return Rate(None, decimals)
    return Rate(per * numerator.raw / denominator_raw, decimals)
