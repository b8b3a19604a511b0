# SPDX-License-Identifier: EUPL-1.2
"""The narrow retrieval table (sk_search_key) holds exactly the index rows' filter and re-rank
columns after every kind of index write: rebuild, one service changed, a service deleted."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from tests.factories_sociale_kaart import ServiceFactory, link_terms
from wijkteam.sociale_kaart.search import reindex_all, reindex_service, remove_service
from wijkteam.sociale_kaart.search.backends import KEY_COLUMNS

pytestmark = pytest.mark.django_db


def _rows(table: str) -> dict[str, tuple[Any, ...]]:
    # On SQLite the narrow row must also share the wide row's rid: the full-text rowid joins on it.
    key = "rid, " if connection.vendor == "sqlite" else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT service_id, {key}{', '.join(KEY_COLUMNS)} FROM {table}")  # noqa: S608
        return {str(row[0]): tuple(row[1:]) for row in cursor.fetchall()}


def _assert_in_step() -> None:
    assert _rows("sk_search_key") == _rows("sk_search_entry")


def test_rebuild_writes_a_narrow_row_per_service(db):
    for n in range(3):
        ServiceFactory(name=f"Taalcafé {n}", terms=["LD12"], wheelchair=n == 1)
    reindex_all()
    assert len(_rows("sk_search_key")) == 3
    _assert_in_step()
    reindex_all()  # a second rebuild replaces, never duplicates
    assert len(_rows("sk_search_key")) == 3
    _assert_in_step()


def test_changed_service_changes_its_narrow_row(db, search):
    service = ServiceFactory(name="Zonnebloemhuis", terms=["LD03"])
    other = ServiceFactory(name="Buurthuis", terms=["LD03"])
    reindex_all()
    service.name = "Reparatiecafé"
    service.save()
    link_terms(service, "LD10")
    reindex_service(service)
    _assert_in_step()
    assert " LD10 " in _rows("sk_search_key")[_key(service.pk)][_column("codes")]
    assert [hit.service.pk for hit in search(levensdomeinen=("LD10",)).hits] == [service.pk]
    assert _key(other.pk) in _rows("sk_search_key")


def test_deleted_service_leaves_no_narrow_row(db, search):
    kept = ServiceFactory(name="Klusjesdienst", terms=["LD10"])
    deleted = ServiceFactory(name="Klusjesbus", terms=["LD10"])
    removed = ServiceFactory(name="Klusjeshulp", terms=["LD10"])
    reindex_all()
    deleted_id = deleted.pk
    deleted.delete()  # by the post_delete signal
    remove_service(removed.pk)
    assert set(_rows("sk_search_key")) == {_key(kept.pk)}
    _assert_in_step()
    assert [hit.service.pk for hit in search("klusjes").hits] == [kept.pk]
    assert _key(deleted_id) not in _rows("sk_search_key")


def _key(service_id: Any) -> str:
    return service_id.hex if connection.vendor == "sqlite" else str(service_id)


def _column(name: str) -> int:
    return KEY_COLUMNS.index(name) + (1 if connection.vendor == "sqlite" else 0)
