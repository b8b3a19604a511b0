# SPDX-License-Identifier: EUPL-1.2
"""Each search-index row also carries its result card (JSON): what a result list shows of the
service, so a page of results is read in one query of the index instead of six of the tables; and
its HSDS list item (JSON, as /api/hsds/services lists it), so an API page is not serialised anew.

The column is added empty; existing indexes are rebuilt here because the index is derived data
(`manage.py rebuild_search_index` does the same): a row without its card is not shown.
"""

from __future__ import annotations

from django.apps.registry import Apps
from django.core.management import call_command
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("ALTER TABLE sk_search_entry ADD COLUMN card TEXT NOT NULL DEFAULT ''")
        cursor.execute("ALTER TABLE sk_search_entry ADD COLUMN hsds TEXT NOT NULL DEFAULT ''")
        cursor.execute("SELECT COUNT(*) FROM sk_search_entry")
        (entries,) = cursor.fetchone()
    if entries:
        call_command("rebuild_search_index", verbosity=0)


def backwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("ALTER TABLE sk_search_entry DROP COLUMN hsds")
        cursor.execute("ALTER TABLE sk_search_entry DROP COLUMN card")


class Migration(migrations.Migration):
    dependencies = [
        ("sociale_kaart", "0004_hsds_import"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
