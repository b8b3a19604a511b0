# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for the residents' pages at /hulp/: offline geocoding and a clean rate-limit cache per test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import caches

from wijkteam.sociale_kaart import geocoding


@pytest.fixture(autouse=True)
def _offline_and_fresh_limits(settings: Any) -> Iterator[None]:
    # The postcode must never leave for PDOK in a test; and the per-client counters of the request form
    # live in the process-wide cache, so one test's submissions must not count against the next one's.
    settings.WIJKTEAM_GEOCODING_ONLINE = False
    geocoding.clear_cache()
    caches["limits"].clear()
    yield
    caches["limits"].clear()
