# SPDX-License-Identifier: EUPL-1.2
"""Fictitious BSNs: unique, 11-proef-valid, in a seeded order, one at a time in O(1).

A BSN is 8 digits plus a check digit: sum(weight * digit) with weights 9..2 for the first eight and
-1 for the last must be divisible by 11. So every 8-digit prefix has at most one valid BSN, and
walking distinct prefixes gives distinct BSNs without remembering the ones handed out.

The walk is an affine permutation (start + k * step mod size, step coprime with size) over prefixes
90000000..99989999: numbers starting with 9 are easy to recognise as demo data, and the 9999xxxxx
block stays free for RvIG's test persons and the numbers our test suite uses.
"""

from __future__ import annotations

import math
import random

PREFIX_START = 90_000_000
PREFIX_COUNT = 9_990_000  # up to 99_989_999
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def check_digit(prefix: int) -> int | None:
    """The ninth digit that makes `prefix` a valid BSN, or None when the 11-proef needs a 10."""
    digits = f"{prefix:08d}"
    digit = sum(w * int(d) for w, d in zip(WEIGHTS, digits, strict=True)) % 11
    return digit if digit <= 9 else None


class BsnSequence:
    def __init__(self, rng: random.Random) -> None:
        self._step = rng.randrange(PREFIX_COUNT // 3, PREFIX_COUNT)
        while math.gcd(self._step, PREFIX_COUNT) != 1:
            self._step += 1
        self._position = rng.randrange(PREFIX_COUNT)
        self._left = PREFIX_COUNT

    def __iter__(self) -> BsnSequence:
        return self

    def __next__(self) -> str:
        while self._left:
            self._left -= 1
            prefix = PREFIX_START + self._position
            self._position = (self._position + self._step) % PREFIX_COUNT
            digit = check_digit(prefix)
            if digit is not None:
                return f"{prefix:08d}{digit}"
        raise StopIteration  # ~9 million BSNs: far beyond any demo scale
