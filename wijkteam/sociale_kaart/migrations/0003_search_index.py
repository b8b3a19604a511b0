# SPDX-License-Identifier: EUPL-1.2
"""The search index of the sociale kaart: one denormalised row per service plus a full-text index.

Raw SQL per database engine on purpose: SQLite gets an FTS5 virtual table (external content over
sk_search_entry, kept in sync by triggers), PostgreSQL a tsvector column with a GIN index. Neither
fits a Django model field, and keeping them out of the ORM means no model of ours depends on them.
The DDL is written out here (not imported) so this migration keeps doing what it did when later
code changes. The index starts empty: `manage.py rebuild_search_index` fills it (the demo generator
and the HSDS importer call reindex_all()).

status and checked_on (visibility.last_checked) let the one retrieval query apply the public
visibility rule of visibility.py without a per-match lookup in the wide service table.

No foreign key to sociale_kaart_service: the search joins on the service id anyway, and a foreign
key would block Django's flush (TRUNCATE) of the service table in transactional tests.
"""

from __future__ import annotations

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

# Small columns first, long text last: SQLite stores a row's columns in order and spills long rows
# to overflow pages, so the filters and the re-rank (which read only the small columns for every
# match) never touch those pages.
_COMMON_COLUMNS = """
    status VARCHAR(20) NOT NULL DEFAULT '',
    checked_on DATE NULL,
    codes TEXT NOT NULL DEFAULT ' ',
    min_age REAL NULL,
    max_age REAL NULL,
    gratis SMALLINT NOT NULL DEFAULT 0,
    rolstoel SMALLINT NOT NULL DEFAULT 0,
    talen TEXT NOT NULL DEFAULT ' ',
    wijken TEXT NOT NULL DEFAULT ' ',
    sort_name TEXT NOT NULL DEFAULT '',
    name_text TEXT NOT NULL DEFAULT '',
    points TEXT NOT NULL DEFAULT '',
    org_text TEXT NOT NULL DEFAULT '',
    terms_text TEXT NOT NULL DEFAULT '',
    body_text TEXT NOT NULL DEFAULT '',
    words TEXT NOT NULL DEFAULT ''
"""

SQLITE_FORWARD = [
    f"""CREATE TABLE sk_search_entry (
    rid INTEGER PRIMARY KEY,
    service_id CHAR(32) NOT NULL UNIQUE,
    {_COMMON_COLUMNS}
)""",
    # External content: the text lives once, in sk_search_entry; FTS5 keeps only its index.
    """CREATE VIRTUAL TABLE sk_search_fts USING fts5(
    name_text, org_text, terms_text, body_text,
    content='sk_search_entry', content_rowid='rid', tokenize='unicode61'
)""",
    """CREATE TRIGGER sk_search_entry_ai AFTER INSERT ON sk_search_entry BEGIN
    INSERT INTO sk_search_fts(rowid, name_text, org_text, terms_text, body_text)
    VALUES (new.rid, new.name_text, new.org_text, new.terms_text, new.body_text);
END""",
    """CREATE TRIGGER sk_search_entry_ad AFTER DELETE ON sk_search_entry BEGIN
    INSERT INTO sk_search_fts(sk_search_fts, rowid, name_text, org_text, terms_text, body_text)
    VALUES ('delete', old.rid, old.name_text, old.org_text, old.terms_text, old.body_text);
END""",
    """CREATE TRIGGER sk_search_entry_au AFTER UPDATE ON sk_search_entry BEGIN
    INSERT INTO sk_search_fts(sk_search_fts, rowid, name_text, org_text, terms_text, body_text)
    VALUES ('delete', old.rid, old.name_text, old.org_text, old.terms_text, old.body_text);
    INSERT INTO sk_search_fts(rowid, name_text, org_text, terms_text, body_text)
    VALUES (new.rid, new.name_text, new.org_text, new.terms_text, new.body_text);
END""",
    "CREATE TABLE sk_search_meta (key VARCHAR(50) PRIMARY KEY, value VARCHAR(100) NOT NULL)",
    "INSERT INTO sk_search_meta (key, value) VALUES ('generation', 'initial')",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS sk_search_entry_au",
    "DROP TRIGGER IF EXISTS sk_search_entry_ad",
    "DROP TRIGGER IF EXISTS sk_search_entry_ai",
    "DROP TABLE IF EXISTS sk_search_fts",
    "DROP TABLE IF EXISTS sk_search_entry",
    "DROP TABLE IF EXISTS sk_search_meta",
]

POSTGRESQL_FORWARD = [
    f"""CREATE TABLE sk_search_entry (
    service_id UUID PRIMARY KEY,
    {_COMMON_COLUMNS},
    document TSVECTOR NOT NULL DEFAULT ''::tsvector
)""",
    "CREATE INDEX sk_search_entry_document ON sk_search_entry USING GIN (document)",
    "CREATE TABLE sk_search_meta (key VARCHAR(50) PRIMARY KEY, value VARCHAR(100) NOT NULL)",
    "INSERT INTO sk_search_meta (key, value) VALUES ('generation', 'initial')",
]

POSTGRESQL_BACKWARD = [
    "DROP TABLE IF EXISTS sk_search_entry",
    "DROP TABLE IF EXISTS sk_search_meta",
]


def _run(schema_editor: BaseDatabaseSchemaEditor, statements: dict[str, list[str]]) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in statements:
        raise NotImplementedError(f"The sociale kaart search supports SQLite and PostgreSQL, not {vendor}")
    with schema_editor.connection.cursor() as cursor:
        for statement in statements[vendor]:
            cursor.execute(statement)


def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD})


def backwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _run(schema_editor, {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD})


class Migration(migrations.Migration):
    # Depends on the newest migration present when it was written, so the graph keeps one leaf.
    dependencies = [
        ("sociale_kaart", "0005_partner_freshness"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
