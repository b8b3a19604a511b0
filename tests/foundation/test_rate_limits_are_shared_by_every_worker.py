# SPDX-License-Identifier: EUPL-1.2
"""Rate limits and flood counters live in the `limits` cache, a database table that `migrate` creates, so every
gunicorn worker process counts against the same number (a per-process memory cache would let N workers allow N
times the limit)."""

from __future__ import annotations

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_limits_table_exists_after_migrate() -> None:
    assert "wijkteam_limits_cache" in connection.introspection.table_names()


def test_two_processes_share_one_counter(settings: object) -> None:
    # Two cache objects, as two worker processes would each build from the same settings.
    first = DatabaseCache("wijkteam_limits_cache", {})
    second = DatabaseCache("wijkteam_limits_cache", {})
    first.add("api-token-rate:1:1", 0, timeout=120)
    first.incr("api-token-rate:1:1")
    second.incr("api-token-rate:1:1")
    assert first.get("api-token-rate:1:1") == 2
