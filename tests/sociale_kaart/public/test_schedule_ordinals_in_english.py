# SPDX-License-Identifier: EUPL-1.2
"""Monthly rules read naturally in both languages: "2e dinsdag" and "2nd Tuesday"."""

from __future__ import annotations

import pytest
from django.utils import translation

from wijkteam.sociale_kaart import schedules


@pytest.mark.parametrize(("n", "nl", "en"), [(1, "1e", "1st"), (2, "2e", "2nd"), (3, "3e", "3rd"), (4, "4e", "4th"),
                                               (11, "11e", "11th"), (12, "12e", "12th"), (21, "21e", "21st")])
def test_number_ordinals(n, nl, en):
    with translation.override("nl"):
        assert schedules._number_ordinal(n) == nl
    with translation.override("en"):
        assert schedules._number_ordinal(n) == en


def test_second_to_last_from_the_end_in_english():
    with translation.override("en"):
        assert schedules._ordinal(-3) == "3rd from last"
        assert schedules._monthday_word(-3) == "3rd from last day"
