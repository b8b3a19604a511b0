# SPDX-License-Identifier: EUPL-1.2
"""The index follows the services through reindex_service / reindex_all, on SQLite and PostgreSQL."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories_sociale_kaart import ServiceFactory, link_terms
from wijkteam.sociale_kaart.search import reindex_all, reindex_service, remove_service
from wijkteam.sociale_kaart.search.backends import indexed_ids

from .conftest import names

pytestmark = pytest.mark.django_db


def test_engine_is_supported():
    assert connection.vendor in {"sqlite", "postgresql"}


def test_new_service_is_found_after_reindex_service(db, search):
    service = ServiceFactory(name="Klusjesdienst", description="Kleine klussen in huis.", terms=["LD10"])
    assert search("klusjesdienst").total == 0  # not indexed yet
    reindex_service(service)
    assert names(search("klusjesdienst")) == ["Klusjesdienst"]


def test_changes_show_after_reindex_service(db, search):
    service = ServiceFactory(name="Zonnebloemhuis", description="Gezellige middagen.", terms=["LD03"])
    reindex_service(service)
    service.name = "Reparatiecafé"
    service.save()
    link_terms(service, "LD10")
    # The index still has the old row (the hit shows the service as it is now).
    assert [hit.service.pk for hit in search("zonnebloemhuis").hits] == [service.pk]
    assert search(levensdomeinen=("LD10",)).total == 0
    reindex_service(service)
    assert search("zonnebloemhuis").total == 0
    assert names(search("reparatiecafe")) == ["Reparatiecafé"]
    assert names(search(levensdomeinen=("LD10",))) == ["Reparatiecafé"]


def test_deleted_service_leaves_the_index(db, search):
    service = ServiceFactory(name="Klusjesdienst", terms=["LD10"])
    reindex_service(service)
    service_id = service.pk
    service.delete()
    assert search("klusjesdienst").total == 0
    assert service_id not in indexed_ids()
    reindex_service(service_id)  # harmless for a service that is gone
    assert service_id not in indexed_ids()


def test_services_deleted_with_their_organisation_leave_the_index(db, search):
    service = ServiceFactory(name="Klusjesdienst", terms=["LD10"])
    reindex_service(service)
    service.organization.delete()
    assert indexed_ids() == set()


def test_remove_service(db, search):
    service = ServiceFactory(name="Klusjesdienst", terms=["LD10"])
    reindex_service(service)
    remove_service(service.pk)
    assert indexed_ids() == set()


def test_reindex_all_replaces_everything(db, search):
    kept = ServiceFactory(name="Taalcafé")
    gone = ServiceFactory(name="Klusjesdienst")
    reindex_all()
    gone.delete()
    assert reindex_all() == 1
    assert indexed_ids() == {kept.pk}


def test_rebuild_command(db, search):
    ServiceFactory(name="Taalcafé")
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "1 aanbod" in out.getvalue()
    assert names(search("taalcafe")) == ["Taalcafé"]
