# SPDX-License-Identifier: EUPL-1.2
"""The database table behind the `limits` cache (settings.CACHES), created by `migrate` so no deployment step
can forget it: rate limits and flood counters must be shared by every gunicorn worker process, and the database
is the one store every process already has (no Redis to run)."""

from typing import Any

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps: Any, schema_editor: Any) -> None:
    # createcachetable is idempotent and creates the tables of every DatabaseCache in settings.CACHES.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies: list[tuple[str, str]] = []
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
