# SPDX-License-Identifier: EUPL-1.2
"""Loading the shipped taxonomies again changes nothing but resets shipped fields."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from wijkteam.sociale_kaart.models import Attribute, Taxonomy, TaxonomyTerm
from wijkteam.sociale_kaart.taxonomies import load_taxonomies

pytestmark = pytest.mark.django_db


def test_second_load_creates_nothing():
    ids_before = set(TaxonomyTerm.objects.values_list("id", flat=True))
    result = load_taxonomies()
    assert result.created == 0
    assert result.updated == 3 + 28
    assert set(TaxonomyTerm.objects.values_list("id", flat=True)) == ids_before
    assert Taxonomy.objects.count() == 3


def test_load_restores_shipped_fields_and_keeps_links():
    from tests.factories_sociale_kaart import ServiceFactory

    service = ServiceFactory(terms=["LD01"])
    TaxonomyTerm.objects.filter(code="LD01").update(name="Geld", synonyms=[])
    load_taxonomies()
    term = TaxonomyTerm.objects.get(code="LD01")
    assert term.name == "Financiën"
    assert "schulden" in term.synonyms
    # Same id, so the service's attribute row still points at it.
    assert Attribute.objects.filter(link_id=service.id, taxonomy_term=term).exists()


def test_load_recreates_deleted_terms_with_the_same_id():
    term = TaxonomyTerm.objects.get(code="DG06")
    old_id = term.id
    term.delete()
    assert load_taxonomies().created == 1
    assert TaxonomyTerm.objects.get(code="DG06").id == old_id


def test_management_command(capsys):
    call_command("load_taxonomies")
    assert "0 nieuw" in capsys.readouterr().out
