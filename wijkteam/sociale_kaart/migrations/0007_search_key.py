# SPDX-License-Identifier: EUPL-1.2
"""A narrow table beside the search index: only what retrieval reads for every match.

At 100,000 services a common query matches 10,000-50,000 index rows. Each row of sk_search_entry
is wide (stemmed texts, the result card and the HSDS list item as JSON: ~3 KB), so looking up the
filter columns of every match read a page per match. sk_search_key holds, per service, only the
columns that filters, the sort and the re-rank read (~200 bytes, dozens of rows per page) and,
on PostgreSQL, the tsvector with its GIN index (moved here from sk_search_entry, so the bitmap
heap scan and ts_rank read dense pages). The wide row is read only for the page's cards.

Filled here from the existing index rows (no rebuild needed: the columns are copies); from then on
backends.insert_entries / delete_entries write both tables in the same transaction.
Raw SQL per engine, written out here, for the reason given in 0003_search_index.
"""

from __future__ import annotations

from importlib import import_module

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

# Filter columns first, then what only the re-rank of the candidates reads.
_KEY_COLUMNS = """
    status VARCHAR(20) NOT NULL DEFAULT '',
    checked_on DATE NULL,
    gratis SMALLINT NOT NULL DEFAULT 0,
    rolstoel SMALLINT NOT NULL DEFAULT 0,
    min_age REAL NULL,
    max_age REAL NULL,
    codes TEXT NOT NULL DEFAULT ' ',
    talen TEXT NOT NULL DEFAULT ' ',
    wijken TEXT NOT NULL DEFAULT ' ',
    sort_name TEXT NOT NULL DEFAULT '',
    name_text TEXT NOT NULL DEFAULT '',
    points TEXT NOT NULL DEFAULT ''
"""
_COPIED = "status, checked_on, gratis, rolstoel, min_age, max_age, codes, talen, wijken, sort_name, name_text, points"

SQLITE_FORWARD = [
    # rid: the same integer key as sk_search_entry and the FTS5 rowid, so a match joins by rowid.
    f"CREATE TABLE sk_search_key (rid INTEGER PRIMARY KEY, {_KEY_COLUMNS}, service_id CHAR(32) NOT NULL)",
    f"INSERT INTO sk_search_key (rid, {_COPIED}, service_id) SELECT rid, {_COPIED}, service_id FROM sk_search_entry",  # noqa: S608
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS sk_search_key"]

POSTGRESQL_FORWARD = [
    f"""CREATE TABLE sk_search_key (
    service_id UUID PRIMARY KEY,
    {_KEY_COLUMNS},
    document TSVECTOR NOT NULL DEFAULT ''::tsvector
)""",
    f"INSERT INTO sk_search_key (service_id, {_COPIED}, document) "  # noqa: S608
    f"SELECT service_id, {_COPIED}, document FROM sk_search_entry",
    # A small pending list: GIN's fast update queues new entries in a list that every search scans
    # in full until a vacuum merges it (measured: a 2 MB list after a rebuild cost 8 ms per search
    # at 10,000 services). At 256 kB the writer merges it itself; a bulk rebuild pays ~15 %.
    "CREATE INDEX sk_search_key_document ON sk_search_key USING GIN (document) WITH (gin_pending_list_limit = 256)",
    "DROP INDEX IF EXISTS sk_search_entry_document",
    "ALTER TABLE sk_search_entry DROP COLUMN document",
    "ANALYZE sk_search_key",
]
POSTGRESQL_BACKWARD = [
    "ALTER TABLE sk_search_entry ADD COLUMN document TSVECTOR NOT NULL DEFAULT ''::tsvector",
    "UPDATE sk_search_entry e SET document = k.document FROM sk_search_key k WHERE k.service_id = e.service_id",
    "CREATE INDEX sk_search_entry_document ON sk_search_entry USING GIN (document)",
    "DROP TABLE IF EXISTS sk_search_key",
]


# The engine switch of 0003 (a migration never changes once released, so reusing it is safe).
_run = import_module("wijkteam.sociale_kaart.migrations.0003_search_index")._run


def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD})


def backwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD})


class Migration(migrations.Migration):
    dependencies = [
        ("sociale_kaart", "0006_search_card"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
