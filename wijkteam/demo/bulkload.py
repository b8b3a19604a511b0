# SPDX-License-Identifier: EUPL-1.2
"""Plain multi-row INSERTs for the millions of demo rows, with ids we assign ourselves.

Why not bulk_create: measured on SQLite it costs 50-100 µs per row (a model instance plus Django
compiling every value, and SQLite's 999-parameter cap allows ~75 rows per statement), which is 6-8
minutes for the ~4.5 million rows of a 1,000,000-household demo. executemany with ready tuples is
a few µs per row. The price is that we bypass model save(): callers hand in values exactly as the
model would store them (normalised postcodes, encrypted BSNs) and reuse the model's own helpers.

Ids are assigned up front (max id + 1) so persons can point at households without reading ids
back. That is safe because the demo is written in one transaction that holds the write lock
(SQLite) and runs in a demo environment nobody else writes to; `reset_sequences` then moves
PostgreSQL's sequences past the new ids, as `loaddata` does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max


def next_id(model: type[models.Model]) -> int:
    return (model._default_manager.aggregate(m=Max("pk"))["m"] or 0) + 1


class Table:
    """Insert rows into one model's table; `fields` name the model fields, in row order."""

    def __init__(self, model: type[models.Model], fields: Sequence[str]) -> None:
        opts = model._meta
        concrete = [f for f in opts.concrete_fields]
        by_name = {f.name: f for f in concrete}
        given = [by_name[name] for name in fields]
        missing = [f for f in concrete if f.name not in fields]
        if any(f.unique for f in missing):
            raise ValueError(f"{opts.label}: unique field(s) must be given: {[f.name for f in missing]}")
        # A field added to the model later gets its default instead of breaking the demo.
        self._defaults = tuple(f.get_db_prep_save(f.get_default(), connection) for f in missing)
        columns = [f.column for f in given] + [f.column for f in missing]
        quote = connection.ops.quote_name
        # Only quoted table/column names from the model and %s placeholders: values never enter the SQL.
        names = ", ".join(quote(c) for c in columns)
        placeholders = ", ".join(["%s"] * len(columns))
        self.sql = f"INSERT INTO {quote(str(opts.db_table))} ({names}) VALUES ({placeholders})"  # noqa: S608
        # Dates need the backend's adaptation (text on SQLite); everything else passes as is. Cached,
        # because the same few thousand dates and one created-at moment repeat millions of times.
        self._adapters: list[tuple[int, Callable[[Any], Any]]] = []
        for index, f in enumerate(given):
            if isinstance(f, models.DateTimeField):
                self._adapters.append((index, lru_cache(maxsize=65536)(connection.ops.adapt_datetimefield_value)))
            elif isinstance(f, models.DateField):
                self._adapters.append((index, lru_cache(maxsize=65536)(connection.ops.adapt_datefield_value)))
        self.rows: list[tuple[Any, ...]] = []
        self.written = 0

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row)

    def flush(self) -> None:
        if not self.rows:
            return
        prepared: Sequence[tuple[Any, ...]] = self.rows
        if self._adapters or self._defaults:
            prepared = [self._prepare(row) for row in self.rows]
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, prepared)
        self.written += len(self.rows)
        self.rows = []

    def _prepare(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        values = list(row)
        for index, adapt in self._adapters:
            if values[index] is not None:
                values[index] = adapt(values[index])
        return (*values, *self._defaults)


def reset_sequences(*model_classes: type[models.Model]) -> None:
    """Move id sequences past explicitly inserted ids (PostgreSQL; SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_classes))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
