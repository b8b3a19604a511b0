# SPDX-License-Identifier: EUPL-1.2
"""On PostgreSQL the progress of the saving step is visible to the page while the import's own
transaction is still open (written through a second connection). SQLite allows one writer at a
time, so there the count jumps at commit; this test runs on PostgreSQL only."""

from __future__ import annotations

import pytest
from django.db import connection, connections

from wijkteam.sociale_kaart.hsds_io import services as import_services
from wijkteam.sociale_kaart.models import HsdsImport, HsdsImportStatus

from .conftest import example_files, zip_of

pytestmark = pytest.mark.django_db(transaction=True)


def _seen_from_outside(pk: int) -> tuple[str, int]:
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute(f"SELECT status, rows_done FROM {HsdsImport._meta.db_table} WHERE id = %s", [pk])  # noqa: S608
            return cursor.fetchone()
    finally:
        other.close()


def test_saving_progress_is_visible_before_commit(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time; progress of the saving step shows at commit")
    item = HsdsImport.objects.create(filename="kaart.zip", format="csv", upload=zip_of(example_files()))
    seen: list[tuple[str, int]] = []
    original = import_services.write

    def write_and_look(checked, progress=None):
        def looking(done, total):
            progress(done, total)
            if connection.in_atomic_block and done < total:
                seen.append(_seen_from_outside(item.pk))

        return original(checked, progress=looking)

    monkeypatch.setattr(import_services, "write", write_and_look)
    import_services.run_import(item.pk)
    assert seen and seen[0] == (HsdsImportStatus.WRITING, 1)
    assert HsdsImport.objects.get(pk=item.pk).status == HsdsImportStatus.DONE
