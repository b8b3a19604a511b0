# SPDX-License-Identifier: EUPL-1.2
"""The demo BSN sequence: 11-proef-valid, never repeating, seeded, outside the 9999xxxxx test block."""

from __future__ import annotations

import itertools
import random

from stdnum.nl import bsn as stdnum_bsn

from wijkteam.demo.bsn import BsnSequence, check_digit

from .conftest import SEED


def test_fifty_thousand_bsns_are_valid_and_distinct() -> None:
    bsns = list(itertools.islice(BsnSequence(random.Random(SEED)), 50_000))

    assert len(set(bsns)) == len(bsns)
    assert all(stdnum_bsn.is_valid(bsn) for bsn in bsns)
    assert all("900000000" <= bsn < "999900000" for bsn in bsns)


def test_same_seed_same_sequence_other_seed_other_sequence() -> None:
    def first(seed: int) -> list[str]:
        return list(itertools.islice(BsnSequence(random.Random(seed)), 100))

    assert first(SEED) == first(SEED)
    assert first(SEED) != first(SEED + 1)


def test_check_digit_matches_the_11_proef() -> None:
    assert check_digit(11122233) == 3  # 111222333, a well-known valid test number
    for prefix in range(90_000_000, 90_000_200):
        digit = check_digit(prefix)
        valid = [d for d in range(10) if stdnum_bsn.is_valid(f"{prefix}{d}")]
        assert valid == ([] if digit is None else [digit])
