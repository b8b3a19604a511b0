# SPDX-License-Identifier: EUPL-1.2
"""Load the shipped taxonomies (levensdomeinen, soort aanbod, doelgroep) with their fixed ids.

A later release that changes data/taxonomies.json adds a migration that calls load_taxonomies()
again; the loader is idempotent, so re-running it is always safe.
"""

from __future__ import annotations

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from wijkteam.sociale_kaart.taxonomies import load_taxonomies


def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    load_taxonomies(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("sociale_kaart", "0001_initial"),
    ]

    # Reversing leaves the rows: deleting terms would delete every service's links to them.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
