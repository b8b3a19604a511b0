# SPDX-License-Identifier: EUPL-1.2
"""The one door through which audit rows may leave an SQLite database: wiping the whole database.

On SQLite a trigger refuses DELETE on the audit table unless the SQL function
`wijkteam_audit_purge_allowed()` says yes. The function exists only on this application's own
connections and says yes only inside `allow_purge()`, which only `manage.py flush` opens (Django's
test runner empties tables between transactional tests with it). Any other client (the sqlite3
shell, a script) has no such function, so its DELETE fails too. PostgreSQL needs none of this:
its trigger refuses DELETE, and flush there uses TRUNCATE, which row triggers do not see.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

SQL_FUNCTION = "wijkteam_audit_purge_allowed"
_allowed: ContextVar[bool] = ContextVar("audit_purge_allowed", default=False)


@contextmanager
def allow_purge() -> Iterator[None]:
    token = _allowed.set(True)
    try:
        yield
    finally:
        _allowed.reset(token)


def _purge_allowed() -> int:
    return int(_allowed.get())


def register_sql_function(sender: Any, connection: Any, **kwargs: Any) -> None:
    """connection_created handler: give each new SQLite connection the function the trigger asks."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQL_FUNCTION, 0, _purge_allowed)
