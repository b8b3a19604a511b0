# SPDX-License-Identifier: EUPL-1.2
"""Progress of long background work, visible to the page while the work's own transaction is open.

A row updated inside an open transaction is invisible to the page polling it. On PostgreSQL a second
connection (autocommit) writes the progress so the page sees it at once; on SQLite, which allows one
writer at a time, nothing is written during the transaction and the count jumps at commit instead.
Used by the HSDS import and the signal upload.
"""

from __future__ import annotations

from typing import Any

import structlog
from django.db import connection, connections
from django.db.models import Field, Model

log = structlog.get_logger(__name__)


class RowProgress:
    """Updates fields of one row, through a side connection while `in_transaction` is set."""

    def __init__(self, model: type[Model], pk: int) -> None:
        self.model = model
        self.pk = pk
        self.in_transaction = False
        self._side: Any = None

    def store(self, **fields: Any) -> None:
        if not self.in_transaction:
            self.model._default_manager.filter(pk=self.pk).update(**fields)
            return
        if connection.vendor != "postgresql":
            return
        try:
            if self._side is None:
                self._side = connections.create_connection("default")
            columns = ", ".join(f"{self._column(name)} = %s" for name in fields)
            with self._side.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {self.model._meta.db_table} SET {columns} WHERE id = %s",  # noqa: S608 - names are the model's own
                    [*fields.values(), self.pk],
                )
        except Exception:  # progress is a courtesy; it never breaks the work it reports on
            log.warning("progress_update_failed", model=self.model._meta.label, object_id=self.pk)

    def _column(self, name: str) -> str:
        field = self.model._meta.get_field(name)
        assert isinstance(field, Field), name  # progress fields are plain columns of the row
        return str(field.column)

    def close(self) -> None:
        if self._side is not None:
            self._side.close()
            self._side = None
