# SPDX-License-Identifier: EUPL-1.2
"""SQLite refuses DELETE on the audit table too, except through `manage.py flush` (see audit/purge.py).

PostgreSQL already refuses UPDATE and DELETE (0002).
"""

from django.db import migrations

SQLITE_FORWARD = """
CREATE TRIGGER audit_auditevent_no_delete BEFORE DELETE ON audit_auditevent
WHEN NOT wijkteam_audit_purge_allowed()
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only (DELETE refused)'); END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS audit_auditevent_no_delete;"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [migrations.RunPython(forward, backward)]
