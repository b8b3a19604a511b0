# SPDX-License-Identifier: EUPL-1.2
"""Django's `flush`, which on SQLite may empty the audit table too (see wijkteam.audit.purge).

Flush wipes every table of the database at once, on purpose, by someone with shell access; the
test runner uses it between transactional tests. Deleting single audit rows stays refused.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as FlushCommand

from wijkteam.audit.purge import allow_purge


class Command(FlushCommand):
    def handle(self, **options: Any) -> None:
        with allow_purge():
            super().handle(**options)
