# SPDX-License-Identifier: EUPL-1.2
"""/services lists are read from the list items the search index keeps; they must be exactly what
the serializer writes, and follow every change (also one made in the admin to a taxonomy term)."""

from __future__ import annotations

import pytest

from wijkteam.sociale_kaart import history
from wijkteam.sociale_kaart.api import serializers
from wijkteam.sociale_kaart.models import Service, TaxonomyTerm
from wijkteam.sociale_kaart.search import backends

from .conftest import get_json, schema_errors

pytestmark = pytest.mark.django_db


def _live(ids):
    queryset = serializers.services_list_queryset(Service.objects.filter(id__in=ids))
    by_id = {item["id"]: item for item in serializers.services_list(list(queryset))}
    return [by_id[str(i)] for i in ids]


@pytest.mark.parametrize("fixture", ["kaart", "example"])
def test_listed_items_are_what_the_serializer_writes(fixture, request):
    request.getfixturevalue(fixture)
    data = get_json("/services", per_page=50)
    ids = [item["id"] for item in data["contents"]]
    assert ids and backends.read_hsds_items([Service.objects.get(id=i).id for i in ids])  # from the index
    assert data["contents"] == _live(ids)
    assert schema_errors("/services", data) == []


def test_a_term_renamed_in_the_admin_shows_in_the_list(kaart, users, django_capture_on_commit_callbacks):
    term = TaxonomyTerm.objects.get(code="LD01")
    before = history.snapshot(term)
    term.name = "Geld & schulden"
    with django_capture_on_commit_callbacks(execute=True):
        term.save()
        history.record_save(term, before, user=users.beheerder)
    item = next(i for i in get_json("/services", search="geld")["contents"] if i["id"] == str(kaart.geld.pk))
    names = [a["taxonomy_term"]["name"] for a in item["attributes"]]
    assert "Geld & schulden" in names


def test_a_row_without_its_item_is_serialised_on_the_spot(kaart):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("UPDATE sk_search_entry SET hsds = ''")
    data = get_json("/services", per_page=50)
    assert data["contents"] == _live([item["id"] for item in data["contents"]])
    assert data["size"] > 0
